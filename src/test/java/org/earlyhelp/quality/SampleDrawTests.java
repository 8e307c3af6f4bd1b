package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.quality.SampleDraw.Person;
import org.earlyhelp.referrals.CaseForAudit;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.shared.HubId;
import org.junit.jupiter.api.Test;

/** The sample draw's rule, without Spring: reproducible, fair, and never an auditor too close to the case. */
class SampleDrawTests {

    static final HubId HUB = new HubId("dudley-central");
    static final YearMonth MONTH = YearMonth.of(2026, 10);

    static final Person TEACHER = new Person("teacher", "Tom Baker", "netherton-academy", "Netherton Academy");
    static final Person NURSE = new Person("health.visitor", "Hayley Green", "black-country-health", "Health");
    static final Person POLICE = new Person("police.officer", "Paul Owen", "west-midlands-police", "Police");
    static final Person WORKER = new Person("family.worker", "Fran Lewis", "dudley-council", "Council");
    static final Person NORTH = new Person("lead.north-dudley", "Nadia Khan", "dudley-council", "Council");
    static final Person HALESOWEN = new Person("lead.halesowen", "Hannah Jones", "dudley-council", "Council");

    static final Map<String, String> ORGANISATIONS = Map.of(
            "teacher", "netherton-academy",
            "health.visitor", "black-country-health",
            "police.officer", "west-midlands-police",
            "family.worker", "dudley-council");

    static List<CaseForAudit> cases(int n, String lead, boolean closedLast) {
        List<CaseForAudit> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(new CaseForAudit(
                    new CaseId(new UUID(0, i + 1)), HUB, lead, lead, Set.of(), closedLast && i == n - 1));
        }
        return cases;
    }

    static SampleDraw.Result draw(YearMonth month, int size, List<CaseForAudit> cases) {
        return SampleDraw.draw(
                HUB,
                month,
                size,
                cases,
                ORGANISATIONS,
                List.of(TEACHER, NURSE, POLICE, WORKER),
                List.of(NORTH, HALESOWEN),
                SampleDraw.noLoad());
    }

    static List<CaseId> ids(SampleDraw.Result r) {
        return r.drawn().stream().map(d -> d.candidate().caseId()).toList();
    }

    @Test
    void theSameHubMonthAndCasesGiveTheSameSampleAndAnotherMonthAnother() {
        List<CaseForAudit> cases = cases(40, "family.worker", false);
        assertThat(ids(draw(MONTH, 5, cases)))
                .isEqualTo(ids(draw(MONTH, 5, cases)))
                .hasSize(5);
        assertThat(ids(draw(MONTH.plusMonths(1), 5, cases))).isNotEqualTo(ids(draw(MONTH, 5, cases)));
        // Not simply the first cases in the list.
        assertThat(ids(draw(MONTH, 5, cases)))
                .isNotEqualTo(
                        cases.subList(0, 5).stream().map(CaseForAudit::caseId).toList());
    }

    @Test
    void aCaseClosedInTheMonthIsAlwaysInTheSample() {
        List<CaseForAudit> cases = cases(40, "family.worker", true);
        assertThat(draw(MONTH, 3, cases).drawn().getFirst().candidate().closed())
                .isTrue();
    }

    @Test
    void theAuditorIsNeverTheLeadOnTheTeamOrOfTheLeadsOrganisation() {
        List<CaseForAudit> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cases.add(new CaseForAudit(
                    new CaseId(new UUID(1, i)), HUB, "teacher", "Tom", Set.of("health.visitor"), false));
        }
        SampleDraw.Result r = draw(MONTH, 30, cases);
        assertThat(r.drawn()).hasSize(30).allSatisfy(d -> {
            assertThat(d.auditor().username()).isNotIn("teacher", "health.visitor");
            assertThat(d.auditor().organisation()).isNotEqualTo("netherton-academy");
        });
        // Spread evenly over those who may: police.officer and family.worker, 15 each.
        assertThat(r.drawn().stream().filter(d -> d.auditor() == POLICE)).hasSize(15);
        assertThat(r.drawn().stream().filter(d -> d.moderator() == NORTH)).hasSize(15);
    }

    @Test
    void aCaseNobodyMayAuditIsPassedOverAndTheSampleIsNoBiggerThanAsked() {
        List<CaseForAudit> cases = new ArrayList<>(cases(4, "family.worker", false));
        cases.add(new CaseForAudit(
                new CaseId(new UUID(2, 1)),
                HUB,
                "family.worker",
                "Fran",
                Set.of("teacher", "health.visitor", "police.officer"),
                false));
        SampleDraw.Result all = draw(MONTH, 10, cases);
        assertThat(all.drawn()).hasSize(4);
        assertThat(all.passedOver()).isEqualTo(1);
        assertThat(draw(MONTH, 2, cases).drawn()).hasSize(2);
        assertThat(draw(MONTH, 3, List.of()).drawn()).isEmpty();
    }
}
