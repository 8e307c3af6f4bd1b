package org.earlyhelp.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.RaisedAlerts;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A code shared too widely can be closed before its day: by whoever made it, its hub's lead or a
 * safeguarding lead of its hub, from the invitations page or from a flood on the alerts page; after
 * that it takes no answer, and someone part-way through the form is shown where to get help now.
 * Without a browser; the invitations are this test's own and removed after.
 */
@OwnDataApplicationTest
class InvitationClosingTests extends SpringBrowserlessTest {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final String LABEL = "Closing test";

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms forms;

    @Autowired
    SafeguardingAlerts alerts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOwnAndSignOut() {
        SignedIn.nobody();
        String ours = "(SELECT id FROM voice.invitation WHERE label LIKE '" + LABEL + "%')";
        jdbc.sql("DELETE FROM voice.alert WHERE feedback_id IN (SELECT id FROM voice.feedback WHERE invitation_id IN "
                        + ours + ")")
                .update();
        jdbc.sql("DELETE FROM voice.feedback WHERE invitation_id IN " + ours).update();
        jdbc.sql("DELETE FROM voice.invitation WHERE label LIKE ?")
                .param(LABEL + "%")
                .update();
    }

    private Invitation made(String by, String label) {
        SignedIn.as(by, Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        return invitations.create(InvitationKind.GROUP, CENTRAL, null, label, AgeBand.TEEN, 30);
    }

    @Test
    void onlyItsMakerTheHubLeadOrASafeguardingLeadClosesACodeAndThenItTakesNoAnswer() {
        Invitation invitation = made("cvs.worker", LABEL);

        // Another practitioner of the hub, and another hub's lead, may not.
        SignedIn.as("health.visitor", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        assertThatThrownBy(() -> invitations.close(invitation.id())).isInstanceOf(AccessDeniedException.class);
        SignedIn.as("lead.north-dudley", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThatThrownBy(() -> invitations.close(invitation.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.close(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        assertThat(audited("refused:close", invitation.id())).isEqualTo(2);
        assertThat(invitations.open(invitation.code())).isPresent();

        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        assertThat(invitations.close(invitation.id())).isTrue();
        assertThat(invitations.close(invitation.id())).as("closed already").isFalse();
        assertThat(audited("close", invitation.id())).isEqualTo(1);
        assertThat(invitations.open(invitation.code())).isEmpty();
        assertThatThrownBy(() -> forms.submit(
                        invitation.code(),
                        new FeedbackDraft(AgeBand.TEEN, null, null, null, FeelSafe.NO, 1, null, null, null, null),
                        "10.7.7.7"))
                .isInstanceOf(FeedbackForms.NotTaken.class);

        // The hub's lead and its safeguarding lead (the demonstration's lead is both) close others' codes.
        Invitation another = made("cvs.worker", LABEL + " 2");
        SignedIn.as("lead.dudley-central", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        assertThat(invitations.close(another.id())).as("as a safeguarding lead").isTrue();
    }

    @Test
    void theInvitationsPageClosesACodeOnceConfirmedAndSaysItIsClosed() {
        Invitation invitation = made("cvs.worker", LABEL);
        navigate(InvitationsView.class);
        test($(Button.class)
                        .withAttribute("aria-label", "Close this code now: " + LABEL)
                        .single())
                .click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(invitations.open(invitation.code())).isEmpty();
        assertThat($(Button.class)
                        .withAttribute("aria-label", "Close this code now: " + LABEL)
                        .exists())
                .isFalse();
        assertThat($(Section.class).withClassName("invitation").all())
                .anySatisfy(card -> assertThat(card.getElement().getTextRecursively())
                        .contains(LABEL)
                        .contains("Closed on"));
    }

    @Test
    void someonePartWayThroughTheFormWhenTheCodeClosesIsShownWhereToGetHelpNow() {
        Invitation invitation = made("cvs.worker", LABEL);
        SignedIn.nobody();
        navigate("say/" + invitation.code(), SayView.class);
        assertThat($(Section.class).withId("help-now-form").exists()).isFalse();

        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of(CENTRAL.value()));
        invitations.close(invitation.id());
        SignedIn.nobody();
        test($(Button.class).id("send")).click();

        assertThat($(Paragraph.class).id("say-problems").getText()).contains("This code is not open.");
        assertThat($(Section.class).withId("help-now-form").exists())
                .as("where to get help now, whatever they said")
                .isTrue();
    }

    @Test
    void aFloodsCodeIsClosedFromTheAlertsPage() {
        Invitation invitation = made("cvs.worker", LABEL);
        RaisedAlerts.raise(jdbc, invitation.id(), CENTRAL, 2, true, "1 hour");
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of(CENTRAL.value()));
        assertThat(alerts.floods(CENTRAL))
                .filteredOn(f -> f.invitation().equals(invitation.id()))
                .singleElement()
                .satisfies(f -> assertThat(f.open()).isTrue());

        navigate(AlertsView.class);
        test($(Button.class).withText("Close this code now").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(invitations.open(invitation.code())).isEmpty();
        assertThat(alerts.floods(CENTRAL))
                .filteredOn(f -> f.invitation().equals(invitation.id()))
                .singleElement()
                .satisfies(f -> assertThat(f.open()).isFalse());
        assertThat($(Paragraph.class)
                        .withText("Its code is closed: no more answers can come through it.")
                        .exists())
                .isTrue();
        assertThat($(Button.class).withText("Close this code now").exists()).isFalse();
    }

    private long audited(String action, UUID invitation) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = ? AND record_id = ?")
                .params(action, invitation.toString())
                .query(Long.class)
                .single();
    }
}
