package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.testing.HomeCounts;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub lead's lists on "my work" (drifting cases, checks after closing) stop at {@link
 * Cases#MOST_LISTED}: past that, the service and the page say so, and the home page still counts
 * every check. Without a browser; the cases are copies of one request's, made in SQL and removed
 * after the test, as no hub would have so many otherwise.
 */
@OwnDataApplicationTest
class MyWorkListsTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final String LEAD = "drift.fixture";

    @Autowired
    RequestsForSupport requests;

    @Autowired
    Cases cases;

    @Autowired
    CurrentUsers currentUsers;

    @Autowired
    List<WaitingWork> waitingWork;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheCopies() {
        SignedIn.nobody();
        jdbc.sql("DELETE FROM referrals.follow_up u USING referrals.case_file c WHERE c.id = u.case_id AND c.lead = ?")
                .param(LEAD)
                .update();
        List<UUID> copiedRequests = jdbc.sql("DELETE FROM referrals.case_file WHERE lead = ? RETURNING request_id")
                .param(LEAD)
                .query(UUID.class)
                .list();
        jdbc.sql("DELETE FROM referrals.request WHERE id = ANY (?)")
                .param(copiedRequests.toArray(UUID[]::new))
                .update();
    }

    @Test
    void listsThatStopShortSaySoAndTheHomePageCountsEveryCheck() {
        copies(Cases.MOST_LISTED + 1);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));

        assertThat(cases.drift(CENTRAL).size()).isEqualTo(Cases.MOST_LISTED);
        assertThat(cases.drift(CENTRAL).more()).isTrue();
        assertThat(cases.followUpsDue(CENTRAL).size()).isEqualTo(Cases.MOST_LISTED);
        assertThat(cases.followUpsDue(CENTRAL).more()).isTrue();
        long due = jdbc.sql("""
                        SELECT count(*) FROM referrals.follow_up u JOIN referrals.case_file c ON c.id = u.case_id
                        JOIN referrals.family f ON f.id = c.family_id
                        WHERE (f.hub_id = 'dudley-central' OR c.hub_id = 'dudley-central') AND u.done_at IS NULL
                          AND u.due_on <= current_date + 14""").query(Long.class).single();
        assertThat(HomeCounts.of(waitingWork, currentUsers.require(), "hub-lead.follow-ups"))
                .as("every check due, not the %d the list holds", Cases.MOST_LISTED)
                .isEqualTo(due)
                .isGreaterThan(Cases.MOST_LISTED);

        navigate("my-work", MyWorkView.class);
        assertThat($(Paragraph.class).id("drift-more").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("drift-more").getText())
                .isEqualTo("More cases are drifting than this list shows. It shows 500, those allocated longest ago;"
                        + " the hub's dashboard lists them all.");
        assertThat($(Paragraph.class).id("follow-ups-more").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("follow-ups-more").getText())
                .isEqualTo("More checks are due than this list shows. It shows the 500 due soonest: record these and"
                        + " the rest will appear.");
        assertThat($(UnorderedList.class).id("follow-ups-due").getChildren()).hasSize(Cases.MOST_LISTED);
    }

    @Test
    void listsThatHoldEverythingSayNothingMore() {
        copies(1);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        assertThat(cases.drift(CENTRAL).more()).isFalse();
        assertThat(cases.followUpsDue(CENTRAL).more()).isFalse();
        assertThat(cases.drift(CENTRAL).items())
                .anySatisfy(c -> assertThat(c.leadName()).isEqualTo("Drift Fixture"));

        navigate("my-work", MyWorkView.class);
        assertThat($(Grid.class).id("drift-cases").isVisible()).isTrue();
        assertThat($(Paragraph.class).withId("drift-more").exists()).isFalse();
        assertThat($(Paragraph.class).withId("follow-ups-more").exists()).isFalse();
    }

    /**
     * As many open cases in the hub as asked, each a copy of one new request's, allocated 60 days
     * ago and never contacted or supervised (so drifting), with a check after closing due yesterday.
     */
    private void copies(int count) {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Driftcopy");
        jdbc.sql("""
                        WITH copies AS (
                          SELECT gen_random_uuid() AS request, gen_random_uuid() AS id FROM generate_series(1, :count)),
                        requests AS (
                          INSERT INTO referrals.request
                          SELECT (jsonb_populate_record(NULL::referrals.request,
                                                        to_jsonb(r) || jsonb_build_object('id', c.request))).*
                          FROM referrals.request r, copies c WHERE r.id = :request),
                        cases AS (
                          INSERT INTO referrals.case_file (id, request_id, family_id, hub_id, lead, lead_name, allocated_at,
                                                           allocated_by, assessment_due)
                          SELECT c.id, c.request, :family, 'dudley-central', :lead, 'Drift Fixture',
                                 now() - interval '60 days', 'lead.dudley-central', current_date - 50
                          FROM copies c)
                        INSERT INTO referrals.follow_up (case_id, months, due_on)
                        SELECT c.id, 6, current_date - 1 FROM copies c""")
                .param("count", count)
                .param("request", submitted.request().value())
                .param("family", submitted.family().value())
                .param("lead", LEAD)
                .update();
    }
}
