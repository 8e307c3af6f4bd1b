package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.earlyhelp.referrals.ActionStatus;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ui.DateFields;

/** A case's plan: each outcome with its actions and their status, and for its lead the forms to add outcomes and actions. */
final class PlanSection extends Div {

    private final transient Cases cases;
    private final CaseRecord record;
    private final String ownerName;
    private final CaseAct act;

    PlanSection(Cases cases, CaseRecord record, boolean leads, String ownerName, CaseAct act) {
        this.cases = cases;
        this.record = record;
        this.ownerName = ownerName;
        this.act = act;
        setId("tab-plan");
        if (record.plan().isEmpty()) {
            add(new Paragraph(record.assessed() ? t("plan.empty") : t("plan.after-assessment")));
        }
        for (CaseRecord.PlanOutcome o : record.plan()) {
            add(new H3(getTranslation(o.area().key())));
            add(new Paragraph(o.outcome() + (o.latestScore() == null ? "" : " · " + t("plan.score", o.latestScore()))));
            if (!o.actions().isEmpty()) {
                Grid<CaseRecord.Action> actions = new Grid<>();
                actions.addColumn(CaseRecord.Action::action).setHeader(t("plan.action"));
                actions.addColumn(CaseRecord.Action::owner)
                        .setHeader(t("plan.owner"))
                        .setAutoWidth(true);
                actions.addColumn(a -> Texts.day(a.due()))
                        .setHeader(t("plan.due"))
                        .setAutoWidth(true);
                actions.addComponentColumn(a -> {
                            Select<ActionStatus> status = new Select<>();
                            status.setItems(ActionStatus.values());
                            status.setItemLabelGenerator(s -> Texts.label("action-status", s));
                            status.setValue(a.status());
                            status.setAriaLabel(t("plan.status-of", a.action()));
                            status.setEnabled(record.open());
                            status.addValueChangeListener(e -> {
                                if (e.isFromClient()) {
                                    act.run(
                                            () -> cases.setActionStatus(a.id(), a.version(), e.getValue()),
                                            Map.of(),
                                            null,
                                            t("plan.status-saved"));
                                }
                            });
                            return status;
                        })
                        .setHeader(t("plan.status"))
                        .setAutoWidth(true);
                actions.setItems(o.actions());
                actions.setAllRowsVisible(true);
                actions.setAriaLabel(
                        t("plan.actions-for", getTranslation(o.area().key())));
                add(actions);
            }
        }
        if (!leads || !record.open() || !record.assessed()) {
            return;
        }
        // The forms are built when their disclosure is first opened: the case reads as a record,
        // and a session resting on it does not hold every form.
        add(CaseView.disclosure("open-add-outcome", t("plan.add-outcome"), this::outcomeForm));
        if (!record.plan().isEmpty()) {
            add(CaseView.disclosure("open-add-action", t("plan.add-action"), this::actionForm));
        }
    }

    private Component outcomeForm() {
        Select<OutcomeArea> area = new Select<>();
        area.setLabel(t("plan.need"));
        area.setItems(record.needs().keySet());
        area.setItemLabelGenerator(a -> getTranslation(a.key()));
        area.setId("outcome-area");
        TextField outcome = new TextField(t("plan.outcome"));
        outcome.setWidthFull();
        outcome.setId("outcome-text");
        Paragraph outcomeErrors = CaseView.errors();
        Button addOutcome = new Button(
                t("plan.add-outcome-button"),
                e -> act.run(
                        () -> cases.addOutcome(record.id(), record.version(), area.getValue(), outcome.getValue()),
                        Map.of("area", area, "outcome", outcome),
                        outcomeErrors,
                        t("plan.outcome-saved")));
        addOutcome.setId("add-outcome");
        return new Div(new FormLayout(area, outcome), outcomeErrors, addOutcome);
    }

    private Component actionForm() {
        Select<CaseRecord.PlanOutcome> forOutcome = new Select<>();
        forOutcome.setLabel(t("plan.for-outcome"));
        forOutcome.setItems(record.plan());
        forOutcome.setItemLabelGenerator(o -> getTranslation(o.area().key()));
        forOutcome.setValue(record.plan().getFirst());
        forOutcome.setId("action-outcome");
        TextField action = new TextField(t("plan.action"));
        action.setId("action-text");
        TextField owner = new TextField(t("plan.owner"));
        owner.setValue(ownerName);
        owner.setId("action-owner");
        DatePicker due = DateFields.of(t("plan.due"));
        due.setId("action-due");
        Paragraph actionErrors = CaseView.errors();
        Button addAction = new Button(
                t("plan.add-action-button"),
                e -> act.run(
                        () -> cases.addAction(
                                forOutcome.getValue().id(), action.getValue(), owner.getValue(), due.getValue()),
                        Map.of("action", action, "owner", owner, "due", due),
                        actionErrors,
                        t("plan.action-saved")));
        addAction.setId("add-action");
        return new Div(new FormLayout(forOutcome, action, owner, due), actionErrors, addAction);
    }
}
