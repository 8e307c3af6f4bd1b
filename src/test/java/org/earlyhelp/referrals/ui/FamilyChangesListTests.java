package org.earlyhelp.referrals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Set;
import org.earlyhelp.referrals.FamilyChanges;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
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
 * The hub lead's known families to confirm stop at {@link FamilyChanges#MOST_LISTED}: the heading
 * counts every change that waits and the page says the rest will appear. Without a browser, in a
 * hub the other tests leave alone; the changes are made in SQL and removed after.
 */
@OwnDataApplicationTest
class FamilyChangesListTests extends SpringBrowserlessTest {

    static final HubId HUB = new HubId("kingswinford");
    static final String BY = "changes.fixture";

    @Autowired
    RequestsForSupport requests;

    @Autowired
    FamilyChanges changes;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOwnChanges() {
        SignedIn.nobody();
        jdbc.sql("DELETE FROM referrals.family_change WHERE requested_by = ?")
                .param(BY)
                .update();
    }

    @Test
    void moreChangesThanTheListHoldsAreCountedAndSaidToWait() {
        Submitted submitted = NewFamilyRequests.submit(requests, jdbc, HUB, "Changecopy");
        jdbc.sql("""
                        INSERT INTO referrals.family_change (id, kind, family_id, hub_id, old_address, old_postcode,
                          old_hub_id, new_address, new_postcode, new_hub_id, requested_by, requested_name, requested_at)
                        SELECT gen_random_uuid(), 'MOVE', f.id, f.hub_id, f.address, f.postcode, f.hub_id,
                               n || ' New Street, Dudley', f.postcode, f.hub_id, ?, 'Changes Fixture',
                               now() - n * interval '1 minute'
                        FROM referrals.family f, generate_series(1, ?) n WHERE f.id = ?""")
                .params(BY, FamilyChanges.MOST_LISTED + 1, submitted.family().value())
                .update();
        SignedIn.as("lead.kingswinford", Set.of(Role.HUB_LEAD), Set.of(HUB.value()));

        int waiting = changes.countPending(HUB);
        assertThat(waiting).isGreaterThan(FamilyChanges.MOST_LISTED);
        assertThat(changes.pending(HUB).size()).isEqualTo(FamilyChanges.MOST_LISTED);
        assertThat(changes.pending(HUB).more()).isTrue();

        navigate("hub/queue", HubQueueView.class);
        assertThat($(H2.class).id("family-changes-heading").getText())
                .isEqualTo("Known families to confirm (" + waiting + ")");
        assertThat($(Paragraph.class).id("family-changes-more").getText())
                .isEqualTo("This page shows the 200 that have waited longest. Decide these and the rest will appear.");
    }
}
