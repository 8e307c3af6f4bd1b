package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.OrderedList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.referrals.TimelineEntry;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family's timeline on its page, without a browser: written as one piece of HTML (one node for
 * the page to send and keep), it shows every entry of the family's record in order, and what
 * people typed is shown as text, never as markup.
 */
@OwnDataApplicationTest
class FamilyTimelineTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final String TYPED = "<img src=x onerror=alert(1)> Mum & Dad said \"yes\"";

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Families families;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void everyEntryIsShownInOrderAndWhatPeopleTypedIsText() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, CENTRAL, "Timeline");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        int version = queue.detail(submitted.request()).summary().version();
        // Decided, not allocated: the shared application's practitioners' caseloads are left as they were.
        queue.decide(submitted.request(), version, NeedLevel.SINGLE_AGENCY, DecisionOutcome.EARLY_HELP, TYPED);
        List<TimelineEntry> entries = families.family(submitted.family()).timeline();

        navigate("families/" + submitted.family().value(), FamilyView.class);
        OrderedList timeline = $(OrderedList.class).id("timeline");
        String html = timeline.getElement().getProperty("innerHTML");

        assertThat(timeline.getChildren()).as("one node, not one per entry").isEmpty();
        assertThat(html.split("<li ", -1)).hasSize(entries.size() + 1);
        assertThat(entries).extracting(TimelineEntry::kind).contains("request", "decision");
        int from = 0;
        for (TimelineEntry entry : entries) {
            int at = html.indexOf("<li class=\"timeline-" + entry.kind() + "\">", from);
            assertThat(at).as("entry %s in the record's order", entry.kind()).isGreaterThanOrEqualTo(from);
            from = at + 1;
        }
        assertThat(html)
                .contains("&lt;img src=x onerror=alert(1)&gt; Mum &amp; Dad said &quot;yes&quot;")
                .doesNotContain("<img")
                .contains("<span class=\"timeline-when\" translate=\"no\">");
    }
}
