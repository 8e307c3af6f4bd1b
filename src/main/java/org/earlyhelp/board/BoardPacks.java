package org.earlyhelp.board;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.board.internal.CommentaryRepository;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.MonthlyPerformance;
import org.earlyhelp.quality.AuditLearning;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.PersonalDetails;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.CareForBoard;
import org.earlyhelp.voice.VoiceForBoard;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance board pack for a month and a hub or the whole borough, and its commentary.
 * Figures only, never a family's name: hub leads and administrators read any hub's pack and the
 * borough's; a hub's lead writes its commentary, an administrator the borough's.
 */
@Service
public class BoardPacks {

    /** The longest commentary for one section. */
    public static final int MOST_CHARACTERS = 1500;

    /** How far back a board may look. */
    public static final int MOST_MONTHS_BACK = 120;

    static final String BOROUGH = "borough";

    private final MonthlyPerformance performance;
    private final BoroughComparison comparison;
    private final AuditLearning learning;
    private final VoiceForBoard voice;
    private final CareForBoard care;
    private final HubTeams teams;
    private final HubDirectory hubs;
    private final CommentaryRepository commentary;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    BoardPacks(
            MonthlyPerformance performance,
            BoroughComparison comparison,
            AuditLearning learning,
            VoiceForBoard voice,
            CareForBoard care,
            HubTeams teams,
            HubDirectory hubs,
            CommentaryRepository commentary,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Clock clock) {
        this.performance = performance;
        this.comparison = comparison;
        this.learning = learning;
        this.voice = voice;
        this.care = care;
        this.teams = teams;
        this.hubs = hubs;
        this.commentary = commentary;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The months a board may choose, newest first: this month and the ten years before it. */
    public List<YearMonth> months() {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        YearMonth now = YearMonth.from(WorkingCalendar.today(clock));
        return Stream.iterate(now, m -> m.minusMonths(1))
                .limit(MOST_MONTHS_BACK)
                .toList();
    }

    /** The pack of the month for one hub, or for the borough with {@code null}. */
    @Transactional(readOnly = true)
    public BoardPack pack(YearMonth month, @Nullable HubId hub) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        YearMonth now = YearMonth.from(WorkingCalendar.today(clock));
        checkMonth(month, now);
        String scopeName = hub == null ? "" : name(hub);
        YearMonth from = month.minusMonths(11);
        boolean current = month.equals(now);
        List<BoroughComparison.HubRow> drift = current
                ? comparison.compare().hubs().stream()
                        .filter(r -> hub == null || r.hub().id().equals(hub))
                        .toList()
                : List.of();
        return new BoardPack(
                month,
                hub,
                scopeName,
                performance.months(hub, from, month),
                teams.capacity(hub),
                current,
                drift,
                learning.learning(from, month, hub).months(),
                voice.figures(hub, from, month),
                care.figures(from, month),
                commentary.find(scope(hub), month),
                mayComment(user, hub));
    }

    /**
     * Saves a section's commentary; {@code version} is the one the writer started from (0 for
     * none). A blank text clears it to nothing said.
     */
    @Transactional
    public void comment(YearMonth month, @Nullable HubId hub, BoardSection section, String text, int version) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        if (!mayComment(user, hub)) {
            audit.refused(AuditAction.WRITE_COMMENTARY, "board-commentary", scope(hub), hub, section.key());
            throw new AccessDeniedException(
                    hub == null ? "Administrators write the borough's commentary" : "Only the hub's lead writes it");
        }
        checkMonth(month, YearMonth.from(WorkingCalendar.today(clock)));
        String body = text.strip();
        if (body.length() > MOST_CHARACTERS) {
            throw new ValidationException(
                    Map.of("text", new Message("board.problem.too-long", MOST_CHARACTERS, body.length())));
        }
        if (PersonalDetails.appearIn(body)) {
            throw new ValidationException(Map.of("text", new Message("board.problem.personal")));
        }
        if (!commentary.save(scope(hub), month, section, body, user.displayName(), clock.instant(), version)) {
            throw new ChangedBySomeoneElseException(new Message("board.changed"));
        }
        audit.record(
                AuditAction.WRITE_COMMENTARY,
                "board-commentary",
                scope(hub) + "/" + month + "/" + section.key(),
                hub,
                null,
                null);
    }

    /** Records that the pack was downloaded as PDF. */
    @Transactional
    public void exported(YearMonth month, @Nullable HubId hub) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        audit.record(AuditAction.EXPORT, "board-pack", scope(hub) + "/" + month, hub, null, "pdf");
    }

    private void checkMonth(YearMonth month, YearMonth now) {
        if (month.isAfter(now) || month.isBefore(now.minusMonths(MOST_MONTHS_BACK - 1))) {
            throw new ValidationException(Map.of("month", new Message("board.problem.month", MOST_MONTHS_BACK / 12)));
        }
    }

    private static boolean mayComment(CurrentUser user, @Nullable HubId hub) {
        return hub == null
                ? user.has(Role.ADMIN)
                : user.has(Role.HUB_LEAD) && user.hubs().contains(hub);
    }

    private static String scope(@Nullable HubId hub) {
        return hub == null ? BOROUGH : hub.value();
    }

    private String name(HubId hub) {
        return hubs.hub(hub)
                .map(Hub::name)
                .orElseThrow(() -> new ValidationException(Map.of("hub", new Message("board.problem.hub"))));
    }
}
