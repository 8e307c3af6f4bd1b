package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.earlyhelp.referrals.ConcernChecks;
import org.earlyhelp.referrals.ConcernToCheck;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Words;

/**
 * The hub queue's first section: safeguarding concerns that practitioners recorded for the hub, and
 * families stepped up to children's social care, that no lead of the hub has yet checked with the
 * front door. Each stays here, and on the home
 * page's count, until a hub lead records how they know the front door has it. Nothing is shown
 * when none waits.
 */
final class ConcernChecksSection extends Div {

    private final transient ConcernChecks checks;

    ConcernChecksSection(ConcernChecks checks) {
        this.checks = checks;
        setId("concerns");
    }

    void show(HubId hub) {
        removeAll();
        Listing<ConcernToCheck> waiting = checks.waiting(hub);
        if (waiting.isEmpty()) {
            return;
        }
        // Counted apart only when the list stops short of them all.
        H2 heading = new H2(t("concerns.title", waiting.more() ? checks.countWaiting(hub) : waiting.size()));
        heading.setId("concerns-heading");
        add(heading, new Paragraph(t("concerns.intro")));
        if (waiting.more()) {
            Paragraph more = new Paragraph(t("concerns.more", waiting.size()));
            more.setId("concerns-more");
            add(more);
        }
        for (ConcernToCheck c : waiting.items()) {
            add(card(hub, c));
        }
    }

    private Div card(HubId hub, ConcernToCheck c) {
        Div card = new Div();
        card.addClassName("home-section");
        card.addClassName("concern-to-check");
        card.setId("concern-" + c.request());
        boolean stepUp = c.kind() == ConcernToCheck.Kind.STEP_UP;
        card.add(new H3(t(
                stepUp ? "concerns.card-title-step-up" : "concerns.card-title",
                c.familyLabel(),
                Texts.dayTime(c.recordedAt()))));
        String who = c.referrerOrganisation() == null
                ? c.referrerName()
                : c.referrerName() + ", " + c.referrerOrganisation();
        card.add(new Paragraph(t(stepUp ? "concerns.stepped-up-by" : "concerns.from", who)));
        // What was recorded, as it was written: data, not the page's words.
        card.add(Data.mark(new Paragraph(c.concern())));
        if (stepUp) {
            card.add(new Paragraph(t("concerns.step-up-nobody")));
        }
        Paragraph frontDoor = new Paragraph(
                t(c.frontDoorContacted() ? "concerns.front-door-contacted" : "concerns.front-door-not-contacted"));
        if (!c.frontDoorContacted()) {
            frontDoor.addClassName("field-error");
        }
        card.add(frontDoor);
        card.add(new Paragraph(c.mailedTo() == null ? t("concerns.not-mailed") : t("concerns.mailed", c.mailedTo())));
        TextArea note = new TextArea(t("concerns.note"));
        note.setHelperText(t("concerns.note-help"));
        note.setMaxLength(ConcernChecks.MAX_NOTE);
        note.setWidthFull();
        note.setId("concern-note-" + c.request());
        Button record = new Button(t("concerns.record"), e -> {
            try {
                checks.check(c.request(), c.version(), note.getValue());
                Notification.show(
                        t(stepUp ? "concerns.recorded-step-up" : "concerns.recorded", c.familyLabel()),
                        5000,
                        Notification.Position.MIDDLE);
                show(hub);
            } catch (ValidationException invalid) {
                List<String> rest = Texts.show(Words.of(invalid), Map.of("note", note));
                if (!rest.isEmpty()) {
                    Notification.show(String.join(" ", rest), 5000, Notification.Position.MIDDLE);
                }
            } catch (ChangedBySomeoneElseException changed) {
                Notification.show(Words.of(changed), 5000, Notification.Position.MIDDLE);
                show(hub);
            }
        });
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.setId("concern-record-" + c.request());
        card.add(note, record);
        return card;
    }
}
