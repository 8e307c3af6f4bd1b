package org.earlyhelp.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.insight.PerformanceMonth;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.sufficiency.CareForBoard;
import org.earlyhelp.sufficiency.CareStock;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The board pack's figures agree with counts made here from the stored rows by other means (row
 * by row in Java, or through another service); its commentary is written only by the hub's lead
 * (the borough's by an administrator), checked, and never overwrites another's edit.
 */
@OwnDataApplicationTest
class BoardPacksTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final YearMonth NOW = YearMonth.from(LocalDate.now(WorkingCalendar.LONDON));
    static final HubId CENTRAL = new HubId("dudley-central");

    @Autowired
    BoardPacks packs;

    @Autowired
    CareStock stock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
        jdbc.sql("DELETE FROM board.commentary WHERE month < '1990-01-01' OR section = 'STEPS'")
                .update();
    }

    record Request(
            @Nullable String hub,
            Instant submitted,
            Instant due,
            @Nullable Instant decided,
            boolean reReferral,
            @Nullable UUID family) {}

    record CaseRow(
            String hub,
            UUID family,
            Instant allocated,
            @Nullable Instant closed,
            LocalDate assessmentDue,
            @Nullable Instant assessed,
            @Nullable Integer needs,
            @Nullable Integer achieved) {}

    private static boolean in(@Nullable Instant at, YearMonth m) {
        return at != null && YearMonth.from(at.atZone(LONDON)).equals(m);
    }

    @Test
    void theFiguresAgreeWithCountsMadeRowByRow() {
        SignedIn.admin();
        List<Request> requests = jdbc.sql("""
                        SELECT hub_id, submitted_at, decision_due, decided_at, re_referral, family_id FROM insight.request""")
                .query((rs, n) -> new Request(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        rs.getObject(6, UUID.class)))
                .list();
        List<CaseRow> cases = jdbc.sql("""
                        SELECT hub_id, family_id, allocated_at, closed_at, assessment_due, assessment_done_at, needs,
                               needs_achieved FROM insight.case_file""")
                .query((rs, n) -> new CaseRow(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, LocalDate.class),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8)))
                .list();
        LocalDate today = WorkingCalendar.today(Clock.system(LONDON));
        int decisions = 0;
        int closures = 0;
        for (Optional<HubId> scope : List.of(Optional.<HubId>empty(), Optional.of(CENTRAL))) {
            HubId hub = scope.orElse(null);
            BoardPack pack = packs.pack(NOW, hub);
            assertThat(pack.performance()).hasSize(12);
            for (PerformanceMonth m : pack.performance()) {
                String label = (hub == null ? "borough" : hub.value()) + " " + m.month();
                List<Request> ours = requests.stream()
                        .filter(r -> hub == null || hub.value().equals(r.hub()))
                        .toList();
                List<Request> decided =
                        ours.stream().filter(r -> in(r.decided(), m.month())).toList();
                assertThat(m.decided()).as(label + " decided").isEqualTo(decided.size());
                assertThat(m.decidedOnTime()).as(label + " on time").isEqualTo((int) decided.stream()
                        .filter(r -> !r.decided().isAfter(r.due()))
                        .count());
                assertThat(m.reReferrals()).as(label + " re-referrals").isEqualTo((int) ours.stream()
                        .filter(r -> r.reReferral() && in(r.submitted(), m.month()))
                        .count());
                decisions += decided.size();

                List<CaseRow> mine = cases.stream()
                        .filter(c -> hub == null || hub.value().equals(c.hub()))
                        .toList();
                List<CaseRow> due = mine.stream()
                        .filter(c -> YearMonth.from(c.assessmentDue()).equals(m.month())
                                && (c.assessed() != null || c.assessmentDue().isBefore(today)))
                        .toList();
                assertThat(m.assessmentsDue()).as(label + " assessments due").isEqualTo(due.size());
                assertThat(m.assessmentsOnTime())
                        .as(label + " assessments on time")
                        .isEqualTo((int) due.stream()
                                .filter(c -> c.assessed() != null
                                        && !c.assessed()
                                                .atZone(LONDON)
                                                .toLocalDate()
                                                .isAfter(c.assessmentDue()))
                                .count());
                LocalDate endDay = m.month().atEndOfMonth().isAfter(today)
                        ? today
                        : m.month().atEndOfMonth();
                Instant end = endDay.plusDays(1).atStartOfDay(LONDON).toInstant();
                assertThat(m.openAtEnd()).as(label + " open at the end").isEqualTo((int) mine.stream()
                        .filter(c -> c.allocated().isBefore(end)
                                && (c.closed() == null || !c.closed().isBefore(end)))
                        .count());
                List<CaseRow> allMet = mine.stream()
                        .filter(c -> in(c.closed(), m.month())
                                && c.needs() != null
                                && c.needs() > 0
                                && c.needs().equals(c.achieved()))
                        .toList();
                assertThat(m.closedAllMet()).as(label + " closed with all met").isEqualTo(allMet.size());
                closures += allMet.size();
                if (m.sustained() != null) {
                    assertThat(m.month().plusMonths(7).atDay(1))
                            .isBeforeOrEqualTo(
                                    today.plusDays(1).withDayOfMonth(1).plusMonths(1));
                    assertThat(m.sustained()).as(label + " held").isEqualTo((int) allMet.stream()
                            .filter(c -> requests.stream()
                                    .noneMatch(r -> c.family().equals(r.family())
                                            && r.submitted().isAfter(c.closed())
                                            && !r.submitted()
                                                    .isAfter(c.closed()
                                                            .atZone(LONDON)
                                                            .plusMonths(6)
                                                            .toInstant())))
                            .count());
                }
            }
            for (CareForBoard.Month m : pack.care().months()) {
                m.inCare()
                        .ifPresent(n ->
                                assertThat((long) n).as("in care on " + m.on()).isEqualTo(stock.total(m.on())));
            }
        }
        assertThat(decisions)
                .as("the demonstration decides requests in the last 12 months")
                .isPositive();
        assertThat(closures).as("and closes cases with every need met").isPositive();
    }

    @Test
    void theHubsLeadWritesItsCommentaryAndNobodyOverwritesAnother() {
        YearMonth month = NOW.minusMonths(1);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        int before = packs.pack(month, CENTRAL).commentary().containsKey(BoardSection.STEPS)
                ? packs.pack(month, CENTRAL)
                        .commentary()
                        .get(BoardSection.STEPS)
                        .version()
                : 0;
        packs.comment(month, CENTRAL, BoardSection.STEPS, "  Two step-ups followed one family's move.  ", before);
        Commentary saved = packs.pack(month, CENTRAL).commentary().get(BoardSection.STEPS);
        assertThat(saved.text()).isEqualTo("Two step-ups followed one family's move.");
        assertThat(saved.version()).isEqualTo(before + 1);
        assertThat(packs.pack(month, CENTRAL).mayComment()).isTrue();

        assertThatThrownBy(() -> packs.comment(month, CENTRAL, BoardSection.STEPS, "Older words", before))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThatThrownBy(() -> packs.comment(month, CENTRAL, BoardSection.STEPS, "x".repeat(1501), saved.version()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> packs.comment(month, CENTRAL, BoardSection.STEPS, "Call 07700900123", saved.version()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> packs.comment(month, null, BoardSection.STEPS, "The borough's words", 0))
                .as("a hub lead does not write the borough's commentary")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(packs.pack(month, null).mayComment()).isFalse();
        assertThat(packs.pack(month, CENTRAL)
                        .commentary()
                        .get(BoardSection.STEPS)
                        .text())
                .isEqualTo("Two step-ups followed one family's move.");

        SignedIn.as("lead.elsewhere", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> packs.comment(month, CENTRAL, BoardSection.STEPS, "Not my hub", saved.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.entry WHERE action = 'refused:write-commentary'
                          AND record_id = 'dudley-central'""").query(Integer.class).single())
                .as("the refusal is on the record")
                .isPositive();

        SignedIn.admin();
        assertThatThrownBy(() -> packs.comment(month, CENTRAL, BoardSection.STEPS, "Admin words", saved.version()))
                .as("an administrator writes the borough's commentary, not a hub's")
                .isInstanceOf(AccessDeniedException.class);
        packs.comment(
                month,
                null,
                BoardSection.STEPS,
                "Borough words",
                packs.pack(month, null).commentary().containsKey(BoardSection.STEPS)
                        ? packs.pack(month, null)
                                .commentary()
                                .get(BoardSection.STEPS)
                                .version()
                        : 0);
        assertThat(packs.pack(month, null).commentary().get(BoardSection.STEPS).text())
                .isEqualTo("Borough words");
    }

    @Test
    void onlyHubLeadsAndAdministratorsReadPacksOfThisMonthOrTenYearsBefore() {
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> packs.pack(NOW, CENTRAL)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        assertThatThrownBy(() -> packs.pack(NOW, null)).isInstanceOf(AccessDeniedException.class);
        SignedIn.admin();
        assertThatThrownBy(() -> packs.pack(NOW.plusMonths(1), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> packs.pack(NOW.minusMonths(120), null)).isInstanceOf(ValidationException.class);
        assertThat(packs.pack(NOW.minusMonths(119), null).performance()).hasSize(12);
        assertThat(packs.months()).hasSize(120).startsWith(NOW);
        assertThat(packs.pack(NOW, null).current()).isTrue();
        assertThat(packs.pack(NOW.minusMonths(1), null).drift())
                .as("drift is not kept for past months")
                .isEmpty();
    }
}
