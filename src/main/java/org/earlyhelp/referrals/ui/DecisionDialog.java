package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;

/**
 * Deciding a request: who is in the family and what they need, then the level on the continuum of
 * need, the outcome and the reasons, with what is wrong said next to each. A step-up asks too
 * whether the hub lead has already contacted the front door.
 */
class DecisionDialog extends Dialog {

    /**
     * @param afterSaving what the queue does once the request is decided (draw itself again, move focus)
     * @param refresh what the queue does when someone else decided the request meanwhile
     */
    DecisionDialog(HubQueue queue, RequestSummary summary, LocalDate today, Runnable afterSaving, Runnable refresh) {
        HubQueue.RequestDetail detail = queue.detail(summary.id());
        setHeaderTitle(t("decide.title", summary.familyLabel()));
        setWidth("min(44rem, 95vw)");
        Div about = new Div();
        if (detail.linkPending()) {
            Paragraph pending = new Paragraph(t("decide.link-pending"));
            pending.addClassName("badge-due");
            about.add(pending);
        }
        about.add(new H3(t("decide.family")));
        UnorderedList people = new UnorderedList();
        detail.members()
                .forEach(m -> people.add(new ListItem(m.name() + ", " + Texts.label("relationship", m.relationship())
                        + ", "
                        + t("decide.age", Period.between(m.dateOfBirth(), today).getYears()))));
        about.add(people, new H3(t("decide.needs")));
        UnorderedList needs = new UnorderedList();
        detail.needs().forEach((area, text) -> needs.add(new ListItem(getTranslation(area.key()) + ": " + text)));
        about.add(needs);
        if (!detail.tried().isBlank()) {
            about.add(new H3(t("request.tried")), new Paragraph(detail.tried()));
        }
        if (!detail.involved().isBlank()) {
            about.add(new H3(t("request.involved")), new Paragraph(detail.involved()));
        }
        about.add(new Anchor("families/" + summary.family(), t("decide.family-record")));
        RadioButtonGroup<NeedLevel> level = new RadioButtonGroup<>(t("decide.level"));
        level.setItems(NeedLevel.values());
        level.setItemLabelGenerator(l -> l.number() + ": " + Texts.label("level", l));
        level.setId("decide-level");
        RadioButtonGroup<DecisionOutcome> outcome = new RadioButtonGroup<>(t("decide.outcome"));
        outcome.setItems(DecisionOutcome.values());
        outcome.setItemLabelGenerator(o -> Texts.label("outcome", o));
        outcome.setId("decide-outcome");
        // Asked of a step-up only: unticked, the borough's duty address is mailed as well.
        Checkbox called = new Checkbox(t("decide.front-door-called"));
        called.setId("decide-front-door-called");
        called.setVisible(false);
        outcome.addValueChangeListener(e -> called.setVisible(e.getValue() == DecisionOutcome.STEP_UP));
        TextArea reasons = new TextArea(t("decide.reasons"));
        reasons.setWidthFull();
        reasons.setId("decide-reasons");
        Button save = new Button(t("decide.save"), e -> {
            try {
                queue.decide(
                        summary.id(),
                        summary.version(),
                        level.getValue(),
                        outcome.getValue(),
                        reasons.getValue(),
                        outcome.getValue() == DecisionOutcome.STEP_UP && called.getValue());
                close();
                Notification.show(t("decide.saved"), 4000, Notification.Position.BOTTOM_START);
                afterSaving.run();
            } catch (ValidationException invalid) {
                Texts.show(Words.of(invalid), Map.of("level", level, "outcome", outcome, "reasons", reasons));
            } catch (ChangedBySomeoneElseException changed) {
                reasons.setInvalid(true);
                reasons.setErrorMessage(Words.of(changed));
                refresh.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-decision");
        add(about, level, outcome, called, reasons);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
