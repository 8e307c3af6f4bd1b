package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.quality.LearningFigures.Learning;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The learning page's figures agree with an independent count in SQL over the demonstration's
 * moderated audits; figures are for hub leads and administrators only.
 */
@OwnDataApplicationTest
class AuditLearningTests {

    static final YearMonth NOW = YearMonth.from(LocalDate.now(WorkingCalendar.LONDON));

    @Autowired
    AuditLearning learning;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    /** Good-or-better grades, all grades and audits, counted in SQL from the stored rows. */
    private Map<String, Object> counted(YearMonth from, YearMonth to, String hub, String domain) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE coalesce(g.moderated_grade, g.grade) IN ('OUTSTANDING', 'GOOD')) AS good,
                               count(*) AS grades, count(DISTINCT a.id) AS audits
                        FROM quality.case_audit a JOIN quality.audit_grade g ON g.audit_id = a.id
                        WHERE a.stage = 'DONE' AND a.month >= ? AND a.month <= ?
                          AND (? = '' OR a.hub_id = ?) AND (? = '' OR g.domain = ?)""")
                .params(Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)), hub, hub, domain, domain)
                .query()
                .singleRow();
    }

    @Test
    void theFiguresAgreeWithAnIndependentCount() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        YearMonth from = NOW.minusMonths(11);
        Learning borough = learning.learning(from, NOW, null);
        Map<String, Object> all = counted(from, NOW, "", "");
        assertThat(borough.audits())
                .as("the demonstration moderates four months of audits")
                .isPositive();
        assertThat(borough.audits()).isEqualTo(((Number) all.get("audits")).intValue());
        assertThat(borough.overall().grades()).isEqualTo(((Number) all.get("grades")).intValue());
        assertThat(borough.overall().goodOrBetter()).isEqualTo(((Number) all.get("good")).intValue());
        for (LearningFigures.DomainRow d : borough.domains()) {
            Map<String, Object> c = counted(from, NOW, "", d.domain());
            assertThat(d.count().goodOrBetter()).as(d.domain()).isEqualTo(((Number) c.get("good")).intValue());
            assertThat(d.count().grades()).as(d.domain()).isEqualTo(((Number) c.get("grades")).intValue());
        }
        for (LearningFigures.MonthRow m : borough.months()) {
            Map<String, Object> c = counted(m.month(), m.month(), "", "");
            assertThat(m.audits()).isEqualTo(((Number) c.get("audits")).intValue());
            assertThat(m.count().goodOrBetter()).isEqualTo(((Number) c.get("good")).intValue());
        }
        Learning central = learning.learning(from, NOW, new HubId("dudley-central"));
        Map<String, Object> c = counted(from, NOW, "dudley-central", "");
        assertThat(central.audits()).isEqualTo(((Number) c.get("audits")).intValue());
        assertThat(central.overall().goodOrBetter()).isEqualTo(((Number) c.get("good")).intValue());
        assertThat(central.hubs()).extracting(h -> h.hub().value()).containsOnly("dudley-central");
    }

    @Test
    void onlyHubLeadsAndAdministratorsSeeTheFiguresOfASensibleSpan() {
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> learning.learning(NOW, NOW, null)).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        assertThatThrownBy(() -> learning.learning(NOW, NOW, null)).isInstanceOf(AccessDeniedException.class);
        SignedIn.admin();
        assertThat(learning.learning(NOW, NOW, null)).isNotNull();
        assertThatThrownBy(() -> learning.learning(NOW, NOW.minusMonths(1), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> learning.learning(NOW.minusMonths(36), NOW, null))
                .isInstanceOf(ValidationException.class);
        assertThat(learning.learning(NOW.minusMonths(35), NOW, null)).isNotNull();
    }
}
