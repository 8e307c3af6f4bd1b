package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Alert;
import org.earlyhelp.voice.AlertFlood;
import org.earlyhelp.voice.Concerns;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Safeguarding alerts from feedback, for the hub's leads and safeguarding leads: acknowledge and
 * act; a safeguarding lead may unseal a pseudonymous name.
 */
@View
@Route("voice/alerts")
@Menu(order = 31, title = "menu.alerts")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class AlertsView extends Page {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final transient SafeguardingAlerts alerts;
    private final transient Invitations invitations;
    private final Select<Hub> hub = Data.mark(new Select<>());
    private final Div list = new Div();
    private final Map<UUID, String> drafts = new HashMap<>();
    private String marker = "";
    private @Nullable Registration polling;

    /** How often the page looks for new or changed alerts while it is open. */
    static final int POLL_MILLISECONDS = 5_000;

    AlertsView(SafeguardingAlerts alerts, Invitations invitations, HubDirectory directory, CurrentUsers currentUsers) {
        super("");
        this.alerts = alerts;
        this.invitations = invitations;
        setHeading(getTranslation("voice.alerts.title"));
        CurrentUser user = currentUsers.require();
        List<Hub> hubs = directory.hubs().stream()
                .filter(h -> user.hubs().contains(h.id()))
                .toList();
        add(new Paragraph(getTranslation("voice.alerts.intro")));
        hub.setLabel(getTranslation("voice.hub"));
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        hub.setVisible(hubs.size() > 1);
        hub.addValueChangeListener(e -> refresh(null));
        list.setId("alerts");
        add(hub, list);
        if (!hubs.isEmpty()) {
            hub.setValue(hubs.getFirst());
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().setPollInterval(POLL_MILLISECONDS);
        polling = attach.getUI().addPollListener(e -> lookAgain());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
        super.onDetach(detach);
    }

    /** Builds the list again only when an alert was raised or changed since it was last built. */
    private void lookAgain() {
        if (hub.getValue() == null) {
            return;
        }
        try {
            if (!alerts.changeMarker(hub.getValue().id()).equals(marker)) {
                refresh(null);
            }
        } catch (AccessDeniedException e) {
            // The list already says so.
        }
    }

    /** What the young person or parent answered, in their words, as the inbox shows it. */
    private UnorderedList said(Alert.Said said) {
        UnorderedList answers = new UnorderedList();
        answers.addClassName("alert-said");
        answers.add(new ListItem(
                getTranslation("voice.alerts.form", getTranslation("voice.band." + SayView.slug(said.ageBand())))));
        if (said.feelSafe() != null) {
            answers.add(new ListItem(getTranslation(
                    "voice.inbox.safe",
                    getTranslation("voice.safe."
                            + said.feelSafe().name().toLowerCase(Locale.ROOT).replace('_', '-')))));
        }
        if (said.mood() != null) {
            answers.add(new ListItem(getTranslation("voice.inbox.mood", getTranslation("voice.mood." + said.mood()))));
        }
        boolean words = false;
        for (String[] a : new String[][] {
            {"helping", said.helping()},
            {"change", said.change()},
            {"worker", said.worker()},
            {"anything", said.anything()}
        }) {
            if (a[1] != null && !a[1].isBlank()) {
                answers.add(new ListItem(getTranslation("voice.inbox." + a[0], a[1])));
                words = true;
            }
        }
        if (!words) {
            answers.add(new ListItem(getTranslation("voice.alerts.no-words")));
        }
        return answers;
    }

    /**
     * Builds the list again; focus then goes to the heading of the alert just acted on (its button
     * is gone), so a keyboard or screen reader user keeps their place.
     */
    private void refresh(@Nullable UUID focusOn) {
        list.removeAll();
        List<Alert> all;
        try {
            marker = alerts.changeMarker(hub.getValue().id());
            all = alerts.ofHub(hub.getValue().id());
        } catch (AccessDeniedException e) {
            list.add(new Paragraph(getTranslation("voice.alerts.not-lead")));
            return;
        }
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("voice.alerts.none")));
        }
        long openShown = all.stream().filter(a -> a.acknowledgedAt() == null).count();
        if (openShown == SafeguardingAlerts.MOST_SHOWN) {
            long waiting = alerts.waitingIn(hub.getValue().id());
            if (waiting > openShown) {
                Paragraph more = new Paragraph(getTranslation("voice.alerts.more-waiting", waiting, openShown));
                more.setId("alerts-not-shown");
                more.addClassName("badge-overdue");
                list.add(more);
            }
        }
        List<AlertFlood> floods = alerts.floods(hub.getValue().id());
        if (!floods.isEmpty()) {
            list.add(new FloodsSection(alerts, invitations, hub.getValue().id(), floods, () -> refresh(null)));
        }
        for (Alert a : all) {
            Section card = new Section();
            card.addClassName("home-section");
            card.addClassName(a.acknowledgedAt() == null ? "alert-open" : "alert-done");
            H2 heading = new H2(getTranslation(
                    "voice.alerts.raised", WHEN.format(a.raisedAt().atZone(WorkingCalendar.LONDON))));
            card.add(heading);
            if (a.id().equals(focusOn)) {
                Focus.now(heading);
            }
            card.add(new Paragraph(getTranslation(
                    "voice.alerts.why",
                    String.join(
                            "; ",
                            Concerns.said(a.reasons()).stream().map(Words::of).toList()))));
            card.add(new Paragraph(
                    a.from() == InvitationKind.CASE && a.source() == null
                            ? getTranslation("voice.alerts.from.case-hidden")
                            : getTranslation(
                                    "voice.alerts.from." + a.from().name().toLowerCase(Locale.ROOT),
                                    a.source() == null ? "" : a.source())));
            card.add(said(a.said()));
            card.add(new Paragraph(getTranslation(
                    "voice.alerts.who." + a.mode().name().toLowerCase(Locale.ROOT),
                    a.firstName() == null ? "" : a.firstName())));
            if (a.overLimit()) {
                card.add(new Paragraph(getTranslation("voice.alerts.over-limit")));
            }
            if (a.acknowledgedAt() == null) {
                Paragraph waiting = new Paragraph(getTranslation(
                        "voice.alerts.waiting", WHEN.format(a.raisedAt().atZone(WorkingCalendar.LONDON))));
                waiting.addClassName("badge-due");
                card.add(waiting);
            }
            if (a.escalatedAt() != null) {
                Paragraph escalated = new Paragraph(getTranslation("voice.alerts.escalated", a.escalations()));
                escalated.addClassName("badge-overdue");
                card.add(escalated);
            }
            if (a.dutyNotifiedAt() != null) {
                Paragraph duty = new Paragraph(getTranslation(
                        "voice.alerts.duty", WHEN.format(a.dutyNotifiedAt().atZone(WorkingCalendar.LONDON))));
                duty.addClassName("badge-overdue");
                card.add(duty);
            }
            if (a.acknowledgedAt() != null) {
                card.add(new Paragraph(getTranslation(
                        "voice.alerts.done",
                        a.acknowledgedBy(),
                        WHEN.format(a.acknowledgedAt().atZone(WorkingCalendar.LONDON)),
                        a.actionTaken())));
            } else {
                TextArea action = new TextArea(getTranslation("voice.alerts.action"));
                action.setWidthFull();
                action.addClassName("alert-action");
                // What someone was typing survives the page looking again for new alerts.
                action.setValue(drafts.getOrDefault(a.id(), ""));
                action.addValueChangeListener(e -> drafts.put(a.id(), e.getValue()));
                action.setValueChangeMode(ValueChangeMode.LAZY);
                Button acknowledge = new Button(getTranslation("voice.alerts.acknowledge"), e -> {
                    try {
                        alerts.acknowledge(a.id(), a.version(), action.getValue());
                        drafts.remove(a.id());
                        refresh(a.id());
                    } catch (ValidationException invalid) {
                        action.setInvalid(true);
                        action.setErrorMessage(Words.of(invalid).get("action"));
                    } catch (ChangedBySomeoneElseException changed) {
                        Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
                        refresh(a.id());
                    }
                });
                acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                acknowledge.addClassName("acknowledge");
                card.add(action, acknowledge);
            }
            if (a.mode() == Mode.PSEUDONYMOUS) {
                TextArea reason = new TextArea(getTranslation("voice.alerts.unseal-reason"));
                reason.setWidthFull();
                Paragraph sealed = new Paragraph();
                Button unseal = new Button(getTranslation("voice.alerts.unseal"), e -> {
                    try {
                        sealed.setText(getTranslation(
                                "voice.alerts.unsealed", alerts.unseal(a.feedback(), reason.getValue())));
                    } catch (ValidationException invalid) {
                        reason.setInvalid(true);
                        reason.setErrorMessage(Words.of(invalid).get("reason"));
                    }
                });
                unseal.addThemeVariants(ButtonVariant.LUMO_ERROR);
                card.add(new Details(
                        getTranslation("voice.alerts.unseal"),
                        new Div(new Paragraph(getTranslation("voice.alerts.unseal-help")), reason, unseal, sealed)));
            }
            list.add(card);
        }
    }
}
