package org.earlyhelp.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.RaisedAlerts;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AlertFlood;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The alerts page without a browser, when more alerts wait than it lists: it says how many wait,
 * so that none goes unseen without a word. Each test writes its own alerts straight into the
 * tables (one group invitation, its answers, an alert for each) and deletes them afterwards; they
 * are raised within an hour in the test's future, so the escalation job (two seconds in these
 * tests) leaves them alone.
 */
@OwnDataApplicationTest
class AlertsViewTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final int FLOOD = 250;
    static final String REASON = "The group code was posted online; spam, checked ten of them";

    @Autowired
    SafeguardingAlerts alerts;

    @Autowired
    JdbcClient jdbc;

    private final UUID invitation = UUID.randomUUID();

    @BeforeEach
    void signInAsTheHubLead() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, label, age_band, created_by, created_at,
                          expires_at)
                        VALUES (?, ?, 'GROUP', ?, 'Alerts page test', 'TEEN', 'test', now(), now() + interval '1 day')""")
                .params(invitation, "alerts-" + invitation, CENTRAL.value())
                .update();
    }

    @AfterEach
    void deleteOwnAlertsAndSignOut() {
        String ours = "(SELECT id FROM voice.feedback WHERE invitation_id = ?)";
        jdbc.sql("DELETE FROM voice.alert WHERE feedback_id IN " + ours)
                .param(invitation)
                .update();
        jdbc.sql("DELETE FROM voice.feedback WHERE invitation_id = ?")
                .param(invitation)
                .update();
        jdbc.sql("DELETE FROM voice.invitation WHERE id = ?").param(invitation).update();
        SignedIn.nobody();
    }

    @Test
    void whenMoreAlertsWaitThanThePageListsItSaysHowMany() {
        raise(SafeguardingAlerts.MOST_SHOWN + 1);
        long waiting = alerts.waitingIn(CENTRAL);
        assertThat(waiting).isGreaterThan(SafeguardingAlerts.MOST_SHOWN);

        navigate(AlertsView.class);

        assertThat($(Button.class).withClassName("acknowledge").all())
                .as("the page lists at most the most it shows")
                .hasSize(SafeguardingAlerts.MOST_SHOWN);
        assertThat($(Paragraph.class).id("alerts-not-shown").getText())
                .isEqualTo(waiting + " alerts are waiting to be acknowledged. This page shows 200 of them: first"
                        + " those from answers that came within the hourly limits, then the newest. Acknowledge these"
                        + " and the rest will appear.");
    }

    @Test
    void whenThePageListsEveryWaitingAlertItSaysNothingMore() {
        long before = alerts.waitingIn(CENTRAL);
        assertThat(before)
                .as("other tests leave fewer alerts waiting than the page shows")
                .isLessThan(SafeguardingAlerts.MOST_SHOWN);
        raise((int) (SafeguardingAlerts.MOST_SHOWN - before));
        assertThat(alerts.waitingIn(CENTRAL)).isEqualTo(SafeguardingAlerts.MOST_SHOWN);

        navigate(AlertsView.class);

        assertThat($(Button.class).withClassName("acknowledge").all()).hasSize(SafeguardingAlerts.MOST_SHOWN);
        assertThat($(Paragraph.class).withId("alerts-not-shown").exists()).isFalse();
    }

    @Test
    void aFloodOverTheHourlyLimitCannotPushAnEarlierChildsAlertOffThePage() {
        UUID earlier = raise(1, false, "50 minutes").getFirst();
        raise(SafeguardingAlerts.MOST_SHOWN, true, "1 hour");

        navigate(AlertsView.class);

        assertThat($(Button.class).withClassName("acknowledge").all()).hasSize(SafeguardingAlerts.MOST_SHOWN);
        assertThat(alerts.ofHub(CENTRAL))
                .as("the alert that came within the limits is listed, though 200 newer ones came over them")
                .anySatisfy(a -> assertThat(a.feedback()).isEqualTo(earlier));
        assertThat($(Paragraph.class).id("alerts-not-shown").getText())
                .startsWith(alerts.waitingIn(CENTRAL) + " alerts");
    }

    /**
     * A flood over the limits is set aside in one step, with one recorded reason, after a
     * confirmation: the alert that came within the limits, and one raised after the lead looked,
     * still wait; someone who may not handle the hub's alerts cannot do it.
     */
    @Test
    void aFloodIsSetAsideTogetherWithOneReasonAndLeavesTheAlertsWithinTheLimits() {
        UUID withinLimits = raise(1, false, "50 minutes").getFirst();
        raise(FLOOD, true, "1 hour");
        AlertFlood flood = alerts.floods(CENTRAL).stream()
                .filter(f -> f.invitation().equals(invitation))
                .findFirst()
                .orElseThrow();
        assertThat(flood.alerts()).isEqualTo(FLOOD);
        assertThat(flood.label()).isEqualTo("Alerts page test");

        assertThatThrownBy(() -> alerts.setAside(CENTRAL, invitation, flood.last(), "spam"))
                .isInstanceOf(ValidationException.class);
        SignedIn.as("lead.elsewhere", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> alerts.setAside(CENTRAL, invitation, flood.last(), REASON))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));

        navigate(AlertsView.class);
        assertThat($(Paragraph.class)
                        .withText("From \"Alerts page test\": alerts over the limits waiting, " + FLOOD
                                + "; raised from " + day(flood.first()) + " to " + day(flood.last()) + ".")
                        .exists())
                .isTrue();
        // One more comes over the limits while the lead reads the page.
        UUID later = raise(1, true, "2 hours").getFirst();
        test($(TextArea.class).withCaption("Why you are setting these aside").single())
                .setValue(REASON);
        test($(Button.class).withText("Set these alerts aside (" + FLOOD + ")").single())
                .click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(acknowledged(withinLimits))
                .as("the alert within the limits still waits")
                .isFalse();
        assertThat(acknowledged(later))
                .as("the alert raised after the lead looked still waits")
                .isFalse();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM voice.alert a JOIN voice.feedback f ON f.id = a.feedback_id
                        WHERE f.invitation_id = ? AND a.acknowledged_at IS NOT NULL AND a.action_taken = ?""")
                        .params(invitation, "Set aside with the flood from \"Alerts page test\": " + REASON)
                        .query(Long.class)
                        .single())
                .isEqualTo(FLOOD);
        assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'set-aside-alerts' AND record_id = ?")
                        .param(invitation.toString())
                        .query(String.class)
                        .single())
                .startsWith(FLOOD + " alerts over the limits: [");
        assertThat(alerts.floods(CENTRAL))
                .filteredOn(f -> f.invitation().equals(invitation))
                .singleElement()
                .satisfies(f -> assertThat(f.alerts()).isEqualTo(1));
    }

    private static String day(Instant at) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).format(at.atZone(WorkingCalendar.LONDON));
    }

    private boolean acknowledged(UUID feedback) {
        return jdbc.sql("SELECT acknowledged_at IS NOT NULL FROM voice.alert WHERE feedback_id = ?")
                .param(feedback)
                .query(Boolean.class)
                .single();
    }

    /** Answers that said "not safe" through this test's invitation, each with its alert. */
    private void raise(int count) {
        raise(count, false, "1 hour");
    }

    /**
     * Answers that said "not safe" through this test's invitation, each with its alert, raised the
     * given time in the test's future; over the hourly limit or not. Returns the answers' ids.
     */
    private List<UUID> raise(int count, boolean overLimit, String ahead) {
        return RaisedAlerts.raise(jdbc, invitation, CENTRAL, count, overLimit, ahead);
    }
}
