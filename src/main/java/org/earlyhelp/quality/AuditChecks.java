package org.earlyhelp.quality;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;

/**
 * What a case file audit's grades, actions, reflection and moderation must be, without Spring:
 * each problem under the key of the field it belongs to ({@code grade.0}, {@code owner.1}...).
 */
public final class AuditChecks {

    /** Longest evidence, reflection, reason or note. */
    public static final int TEXT_LENGTH = 2000;

    /** Longest action. */
    public static final int ACTION_LENGTH = 500;

    /** Furthest an action may be due, in weeks. */
    public static final int ACTION_WEEKS = 26;

    /** At most this many actions from one audit. */
    public static final int MOST_ACTIONS = 10;

    private AuditChecks() {}

    /** One domain's grade as the auditor gives it. */
    public record GradeDraft(
            @Nullable Grade grade, @Nullable String evidence) {}

    /** An action as the auditor writes it. */
    public record ActionDraft(
            @Nullable String action,
            @Nullable String owner,
            @Nullable LocalDate dueOn) {}

    /** One domain as the moderator leaves it: the grade that stands and, if changed, why. */
    public record ModerationDraft(
            @Nullable Grade grade, @Nullable String reason) {}

    /** The auditor's grades (one per domain of the version) and actions (owners from {@code owners}). */
    public static Map<String, Message> grading(
            int domains, List<GradeDraft> grades, List<ActionDraft> actions, Set<String> owners, LocalDate today) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (grades.size() != domains) {
            problems.put("grades", new Message("quality.audit.problem.every-domain", domains));
        }
        for (int i = 0; i < grades.size(); i++) {
            GradeDraft g = grades.get(i);
            if (g.grade() == null) {
                problems.put("grade." + i, new Message("quality.audit.problem.grade"));
            }
            text(problems, "evidence." + i, g.evidence(), "quality.audit.problem.evidence", TEXT_LENGTH);
        }
        if (actions.size() > MOST_ACTIONS) {
            problems.put("actions", new Message("quality.audit.problem.too-many-actions", MOST_ACTIONS));
        }
        for (int i = 0; i < actions.size(); i++) {
            ActionDraft a = actions.get(i);
            text(problems, "action." + i, a.action(), "quality.audit.problem.action", ACTION_LENGTH);
            if (a.owner() == null || !owners.contains(a.owner())) {
                problems.put("owner." + i, new Message("quality.audit.problem.owner"));
            }
            LocalDate due = a.dueOn();
            if (due == null) {
                problems.put("due." + i, new Message("quality.audit.problem.due"));
            } else if (!due.isAfter(today)) {
                problems.put("due." + i, new Message("quality.audit.problem.due-past"));
            } else if (due.isAfter(today.plusWeeks(ACTION_WEEKS))) {
                problems.put("due." + i, new Message("quality.audit.problem.due-far", ACTION_WEEKS));
            }
        }
        return problems;
    }

    /** The lead practitioner's reflection. */
    public static Map<String, Message> reflection(@Nullable String reflection) {
        Map<String, Message> problems = new LinkedHashMap<>();
        text(problems, "reflection", reflection, "quality.audit.problem.reflection", TEXT_LENGTH);
        return problems;
    }

    /** The moderator's grades (one per graded domain); a changed grade needs its reason. */
    public static Map<String, Message> moderation(
            List<Grade> audited, List<ModerationDraft> moderated, @Nullable String note) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (moderated.size() != audited.size()) {
            problems.put("grades", new Message("quality.audit.problem.every-domain", audited.size()));
        }
        for (int i = 0; i < Math.min(audited.size(), moderated.size()); i++) {
            ModerationDraft m = moderated.get(i);
            if (m.grade() == null) {
                problems.put("moderated." + i, new Message("quality.audit.problem.grade"));
            } else if (m.grade() != audited.get(i)) {
                text(problems, "reason." + i, m.reason(), "quality.audit.problem.reason", TEXT_LENGTH);
            }
        }
        if (note != null && note.strip().length() > TEXT_LENGTH) {
            problems.put("note", new Message("quality.problem.too-long", TEXT_LENGTH));
        }
        return problems;
    }

    private static void text(
            Map<String, Message> problems, String field, @Nullable String value, String missing, int longest) {
        if (value == null || value.isBlank()) {
            problems.put(field, new Message(missing));
        } else if (value.strip().length() > longest) {
            problems.put(field, new Message("quality.problem.too-long", longest));
        }
    }
}
