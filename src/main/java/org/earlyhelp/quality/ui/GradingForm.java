package org.earlyhelp.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.earlyhelp.quality.AuditChecks.ActionDraft;
import org.earlyhelp.quality.AuditChecks.GradeDraft;
import org.earlyhelp.quality.AuditFramework;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.quality.CaseAudits;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;
import org.jspecify.annotations.Nullable;

/**
 * The auditor's form: each domain of the framework version with its question and descriptors, a
 * grade and the evidence for it, and the actions with their owners and due dates; submitting asks
 * first, because it ends the auditor's read of the case.
 */
class GradingForm extends Div {

    /** How the page runs a change: shows problems by their fields, or saves and refreshes. */
    @FunctionalInterface
    interface Actor {
        void act(Runnable action, Map<String, ? extends Component> fields, @Nullable Paragraph errors, String done);
    }

    private final LocalDate today;

    GradingForm(CaseAudits audits, CaseAudit a, List<AuditFramework.Domain> domains, LocalDate today, Actor act) {
        this.today = today;
        Div form = this;
        form.setId("audit-grading");
        form.add(new H2(getTranslation("quality.audit.grades")));
        form.add(new Paragraph(getTranslation("quality.audit.grading-intro")));
        Map<String, Component> fields = new LinkedHashMap<>();
        List<RadioButtonGroup<Grade>> choices = new ArrayList<>();
        List<TextArea> evidence = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            form.add(AuditParts.question(this, i, domains.get(i)));
            RadioButtonGroup<Grade> choice = new RadioButtonGroup<>(getTranslation("quality.audit.grade"));
            choice.setItems(Grade.values());
            choice.setItemLabelGenerator(x -> AuditParts.grade(this, x));
            choice.setId("audit-grade-" + i);
            TextArea said = new TextArea(getTranslation("quality.audit.evidence"));
            said.setHelperText(getTranslation("quality.audit.evidence-help"));
            said.setWidthFull();
            said.setId("audit-evidence-" + i);
            fields.put("grade." + i, choice);
            fields.put("evidence." + i, said);
            choices.add(choice);
            evidence.add(said);
            form.add(choice, said);
        }
        form.add(new H2(getTranslation("quality.audit.actions")));
        form.add(new Paragraph(getTranslation("quality.audit.actions-intro")));
        Map<String, String> owners = audits.actionOwners(a.id());
        Div rows = new Div();
        rows.setId("audit-action-rows");
        List<ActionRow> actionRows = new ArrayList<>();
        Button add = new Button(getTranslation("quality.audit.add-action"), e -> {
            ActionRow row = new ActionRow(actionRows.size(), owners);
            actionRows.add(row);
            rows.add(row);
            row.action.focus();
        });
        add.setId("audit-add-action");
        form.add(rows, add);
        Paragraph problems = new Paragraph();
        problems.setId("audit-problems");
        problems.addClassName("field-error");
        Button submit = new Button(getTranslation("quality.audit.submit"), e -> {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader(getTranslation("quality.audit.submit.confirm.title"));
            dialog.setText(getTranslation("quality.audit.submit.confirm.text"));
            dialog.setConfirmText(getTranslation("quality.audit.submit.confirm.yes"));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("quality.audit.submit.confirm.no"));
            dialog.addConfirmListener(c -> {
                Map<String, Component> all = new LinkedHashMap<>(fields);
                actionRows.forEach(r -> {
                    all.put("action." + r.index, r.action);
                    all.put("owner." + r.index, r.owner);
                    all.put("due." + r.index, r.due);
                });
                act.act(
                        () -> audits.grade(
                                a.id(),
                                a.version(),
                                IntStream.range(0, choices.size())
                                        .mapToObj(i -> new GradeDraft(
                                                choices.get(i).getValue(),
                                                evidence.get(i).getValue()))
                                        .toList(),
                                actionRows.stream()
                                        .map(r -> new ActionDraft(
                                                r.action.getValue(), r.owner.getValue(), r.due.getValue()))
                                        .toList()),
                        all,
                        problems,
                        getTranslation("quality.audit.submitted"));
            });
            Confirmations.focusCancel(dialog);
            dialog.open();
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("audit-submit");
        form.add(problems, submit);
    }

    /** One action the auditor writes: what, who and by when. */
    private final class ActionRow extends Div {

        final int index;
        final TextField action = new TextField();
        final Select<String> owner = Data.mark(new Select<>());
        final DatePicker due;

        ActionRow(int index, Map<String, String> owners) {
            this.index = index;
            addClassName("case-form");
            action.setLabel(getTranslation("quality.audit.action", index + 1));
            action.setId("audit-action-" + index);
            action.setWidthFull();
            owner.setLabel(getTranslation("quality.audit.owner"));
            owner.setItems(owners.keySet());
            owner.setItemLabelGenerator(owners::get);
            owner.setId("audit-owner-" + index);
            due = DateFields.of(getTranslation("quality.audit.due"));
            due.setMin(today.plusDays(1));
            due.setId("audit-due-" + index);
            add(action, owner, due);
        }
    }
}
