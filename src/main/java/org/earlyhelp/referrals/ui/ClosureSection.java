package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.earlyhelp.referrals.ActionStatus;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Words;

/** How a case ends: for an open case, its lead's forms to close it or step it up; for a closed one, the results and the checks after closing. */
final class ClosureSection extends Div {

    private final transient Cases cases;
    private final CaseRecord record;
    private final CaseAct act;

    ClosureSection(Cases cases, CaseRecord record, boolean leads, CaseAct act) {
        this.cases = cases;
        this.record = record;
        this.act = act;
        setId("tab-close");
        if (!record.open()) {
            add(new Paragraph(
                    t("case.closed", Texts.day(record.closedAt()), Texts.label("closure", record.closeReason()))));
            UnorderedList results = new UnorderedList();
            record.closure()
                    .forEach((a, r) ->
                            results.add(new ListItem(getTranslation(a.key()) + ": " + Texts.label("result", r))));
            add(results, new H3(t("close.follow-ups")));
            for (CaseRecord.FollowUp f : record.followUps()) {
                Div row = new Div();
                row.add(new Paragraph(t("close.follow-up", f.months(), Texts.day(f.due()))
                        + (f.doneAt() == null
                                ? ""
                                : " · "
                                        + t(
                                                "close.follow-up-done",
                                                Texts.day(f.doneAt()),
                                                Objects.requireNonNullElse(f.note(), "")))));
                if (f.doneAt() == null && leads) {
                    TextField note = new TextField(t("close.follow-up-note"));
                    note.setWidthFull();
                    Button done = new Button(
                            t("close.follow-up-save"),
                            e -> act.run(
                                    () -> cases.completeFollowUp(record.id(), f.months(), note.getValue()),
                                    Map.of("note", note),
                                    null,
                                    t("close.follow-up-saved")));
                    row.add(note, done);
                }
                add(row);
            }
            return;
        }
        if (!leads) {
            add(new Paragraph(t("close.lead-only")));
            return;
        }
        add(CaseView.disclosure("open-close", t("close.title"), this::closeForm));
        add(CaseView.disclosure("open-step-up", t("stepup.title"), this::stepUpForm));
    }

    private Component closeForm() {
        Div form = new Div();
        Select<ClosureReason> reason = new Select<>();
        reason.setLabel(t("close.reason"));
        reason.setItems(List.of(
                ClosureReason.NEEDS_MET,
                ClosureReason.CONSENT_WITHDRAWN,
                ClosureReason.MOVED_AWAY,
                ClosureReason.DISENGAGED));
        reason.setItemLabelGenerator(r -> Texts.label("closure", r));
        reason.setId("close-reason");
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("reason", reason);
        Map<OutcomeArea, RadioButtonGroup<NeedResult>> results = new EnumMap<>(OutcomeArea.class);
        for (OutcomeArea need : record.needs().keySet()) {
            RadioButtonGroup<NeedResult> result = new RadioButtonGroup<>(getTranslation(need.key()));
            result.setItems(NeedResult.values());
            result.setItemLabelGenerator(r -> Texts.label("result", r));
            result.setId("close-result-" + need.name().toLowerCase(Locale.ROOT));
            results.put(need, result);
            fields.put("results." + need.name(), result);
        }
        TextArea note = CaseView.area(t("close.note"), "close-note");
        fields.put("note", note);
        Paragraph errors = CaseView.errors();
        Button close = new Button(t("close.save"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(t("close.confirm-title", record.familyLabel()));
            // Actions in the plan not done or dropped are named: closing leaves them unfinished.
            List<String> unfinished = record.plan().stream()
                    .flatMap(o -> o.actions().stream())
                    .filter(a -> a.status() == ActionStatus.NOT_STARTED || a.status() == ActionStatus.IN_PROGRESS)
                    .map(a -> a.action() + " (" + a.owner() + ")")
                    .toList();
            confirm.setText(
                    unfinished.isEmpty()
                            ? t("close.confirm-text")
                            : t("close.confirm-unfinished", unfinished.size(), String.join("; ", unfinished)) + " "
                                    + t("close.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(t("close.save"));
            confirm.addConfirmListener(c -> {
                Map<OutcomeArea, NeedResult> chosen = new EnumMap<>(OutcomeArea.class);
                results.forEach((a, r) -> {
                    if (r.getValue() != null) {
                        chosen.put(a, r.getValue());
                    }
                });
                act.run(
                        () -> cases.close(record.id(), record.version(), reason.getValue(), chosen, note.getValue()),
                        fields,
                        errors,
                        t("close.saved"));
            });
            Confirmations.focusCancel(confirm);
            confirm.open();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("close-case");
        form.add(reason);
        results.values().forEach(form::add);
        form.add(note, errors, close);
        return form;
    }

    private Component stepUpForm() {
        Div form = new Div(new Paragraph(t("stepup.intro")));
        TextArea why = CaseView.area(t("stepup.reason"), "step-up-reason");
        // Unticked, the borough's duty address is mailed as well as the hub's leads.
        Checkbox called = new Checkbox(t("stepup.front-door-called"));
        called.setId("step-up-front-door-called");
        Paragraph stepErrors = CaseView.errors();
        Button stepUp = new Button(t("stepup.save"), e -> {
            // The reason is checked first: a confirmation is never asked for a step-up that would be refused.
            Optional<String> problem = Cases.stepUpReasonProblem(why.getValue()).map(Words::of);
            why.setInvalid(problem.isPresent());
            why.setErrorMessage(problem.orElse(null));
            if (problem.isPresent()) {
                why.focus();
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(t("stepup.confirm-title", record.familyLabel()));
            confirm.setText(t("stepup.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(t("stepup.save"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> act.run(
                    () -> cases.stepUp(record.id(), record.version(), why.getValue(), called.getValue()),
                    Map.of("reason", why),
                    stepErrors,
                    t("stepup.saved")));
            Confirmations.focusCancel(confirm);
            confirm.open();
        });
        stepUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stepUp.setId("step-up");
        form.add(why, called, stepErrors, stepUp);
        return form;
    }
}
