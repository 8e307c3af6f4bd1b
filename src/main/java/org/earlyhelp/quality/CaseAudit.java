package org.earlyhelp.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * One case file audit: a case drawn in a month's sample, graded against the framework version it
 * started with by an auditor from another organisation, reflected on by the lead practitioner and
 * moderated by the lead of another hub.
 *
 * @param dueOn when the current stage is due (the auditor's grades, the reflection, the
 *     moderation)
 * @param readUntil until when the auditor may read the case; {@code null} once graded
 */
public record CaseAudit(
        UUID id,
        HubId hub,
        YearMonth month,
        UUID caseId,
        int frameworkVersion,
        String lead,
        String leadName,
        String auditor,
        String auditorName,
        String auditorOrganisation,
        String moderator,
        String moderatorName,
        AuditStage stage,
        LocalDate dueOn,
        @Nullable Instant readUntil,
        List<DomainGrade> grades,
        List<Action> actions,
        @Nullable String reflection,
        @Nullable String moderationNote,
        int version) {

    public CaseAudit {
        grades = List.copyOf(grades);
        actions = List.copyOf(actions);
    }

    /** One domain's grade with the auditor's evidence and, once moderated, the agreed grade. */
    public record DomainGrade(
            String domain,
            Grade grade,
            String evidence,
            @Nullable Grade moderated,
            @Nullable String reason) {

        /** The grade that stands: the moderator's once moderated, else the auditor's. */
        public Grade standing() {
            return moderated == null ? grade : moderated;
        }
    }

    /** An action the audit asks for, with its owner and due date. */
    public record Action(
            UUID id,
            String action,
            String owner,
            String ownerName,
            LocalDate dueOn,
            @Nullable Instant doneAt,
            int version) {

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueOn.isBefore(today);
        }
    }

    /** Whether the current stage is past its due date. */
    public boolean overdue(LocalDate today) {
        return stage != AuditStage.DONE && dueOn.isBefore(today);
    }

    /** A short reference for the case that names nobody. */
    public String caseReference() {
        return reference(caseId);
    }

    public static String reference(UUID caseId) {
        return caseId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
