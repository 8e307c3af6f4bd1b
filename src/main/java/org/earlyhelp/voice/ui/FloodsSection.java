package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.List;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.AlertFlood;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.SafeguardingAlerts;

/**
 * The alerts page's floods over the limits, one per group or campaign invitation: each with a
 * reason field and a button that, once confirmed, sets its alerts aside together, and while its
 * code is open a button that, once confirmed, closes it. The alerts that came within the limits
 * stay below, to be acknowledged one by one.
 */
class FloodsSection extends Section {

    private final transient SafeguardingAlerts alerts;
    private final transient Invitations invitations;
    private final HubId hub;
    private final Runnable changed;

    FloodsSection(
            SafeguardingAlerts alerts, Invitations invitations, HubId hub, List<AlertFlood> floods, Runnable changed) {
        this.alerts = alerts;
        this.invitations = invitations;
        this.hub = hub;
        this.changed = changed;
        setId("alert-floods");
        addClassName("home-section");
        add(new H2(getTranslation("voice.alerts.floods")));
        add(new Paragraph(getTranslation("voice.alerts.floods-intro")));
        floods.forEach(f -> add(flood(f)));
    }

    private static String when(Instant at) {
        return AlertsView.WHEN.format(at.atZone(WorkingCalendar.LONDON));
    }

    private Div flood(AlertFlood f) {
        Div flood = new Div();
        flood.addClassName("alert-flood");
        flood.add(new Paragraph(
                getTranslation("voice.alerts.flood", f.alerts(), f.label(), when(f.first()), when(f.last()))));
        TextArea reason = new TextArea(getTranslation("voice.alerts.flood-reason"));
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button setAside = new Button(
                getTranslation("voice.alerts.flood-set-aside", f.alerts()),
                e -> Confirmations.ask(
                        getTranslation("voice.alerts.flood-confirm-title", f.alerts()),
                        getTranslation("voice.alerts.flood-confirm", f.alerts(), f.label()),
                        getTranslation("voice.alerts.flood-set-aside", f.alerts()),
                        () -> setAside(f, reason)));
        setAside.addThemeVariants(ButtonVariant.LUMO_ERROR);
        setAside.addClassName("set-aside");
        FlexLayout actions = new FlexLayout(setAside);
        actions.addClassName("alert-flood-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        if (f.open()) {
            actions.add(CodeClosing.button(invitations, f.invitation(), f.label(), () -> {
                Notification.show(
                        getTranslation("voice.alerts.flood-closed-now", f.label()), 6000, Notification.Position.MIDDLE);
                changed.run();
            }));
        } else {
            flood.add(new Paragraph(getTranslation("voice.alerts.flood-code-closed")));
        }
        flood.add(reason, actions);
        return flood;
    }

    private void setAside(AlertFlood f, TextArea reason) {
        try {
            int done = alerts.setAside(hub, f.invitation(), f.last(), reason.getValue());
            Notification.show(getTranslation("voice.alerts.flood-done", done), 6000, Notification.Position.MIDDLE);
            changed.run();
        } catch (ValidationException invalid) {
            reason.setInvalid(true);
            reason.setErrorMessage(Words.of(invalid).get("reason"));
            reason.focus();
        } catch (ChangedBySomeoneElseException someoneElse) {
            Notification.show(Words.of(someoneElse), 6000, Notification.Position.MIDDLE);
            changed.run();
        }
    }
}
