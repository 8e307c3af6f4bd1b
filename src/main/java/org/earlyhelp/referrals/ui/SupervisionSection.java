package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.CaseSupervision;
import org.earlyhelp.referrals.Supervision;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;

/**
 * A case's management oversight: the hub lead's recorded supervisions, the latest first, and for
 * the hub lead of an open case the form to record the next one.
 */
final class SupervisionSection extends Div {

    SupervisionSection(
            CaseSupervision supervision,
            CaseId caseId,
            boolean mayRecord,
            LocalDate today,
            int everyWeeks,
            CaseAct act) {
        setId("tab-oversight");
        add(new Paragraph(t("oversight.intro", everyWeeks)));
        List<Supervision> held = supervision.of(caseId);
        if (held.isEmpty()) {
            add(new Paragraph(t("oversight.none")));
        }
        for (Supervision s : held) {
            add(new H3(t("oversight.held", Texts.day(s.heldOn()), s.recordedBy())));
            add(new Paragraph(t("oversight.discussed")), Data.mark(new Paragraph(s.discussion())));
            add(new Paragraph(t("oversight.decided")), Data.mark(new Paragraph(s.decisions())));
            add(new Paragraph(t("oversight.next", Texts.day(s.nextOn()))));
        }
        if (mayRecord) {
            add(CaseView.disclosure(
                    "open-oversight", t("oversight.record"), () -> form(supervision, caseId, today, everyWeeks, act)));
        }
    }

    private static Component form(
            CaseSupervision supervision, CaseId caseId, LocalDate today, int everyWeeks, CaseAct act) {
        DatePicker held = DateFields.of(t("oversight.date"));
        held.setValue(today);
        held.setMax(today);
        held.setId("oversight-date");
        TextArea discussion = CaseView.area(t("oversight.discussion"), "oversight-discussion");
        TextArea decisions = CaseView.area(t("oversight.decisions"), "oversight-decisions");
        DatePicker next = DateFields.of(t("oversight.next-date"));
        next.setValue(today.plusWeeks(everyWeeks));
        next.setHelperText(t("oversight.next-help"));
        next.setId("oversight-next");
        held.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                next.setValue(e.getValue().plusWeeks(everyWeeks));
            }
        });
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("heldOn", held);
        fields.put("discussion", discussion);
        fields.put("decisions", decisions);
        fields.put("nextOn", next);
        Paragraph errors = CaseView.errors();
        Button save = new Button(
                t("oversight.save"),
                e -> act.run(
                        () -> supervision.record(
                                caseId,
                                new CaseSupervision.Draft(
                                        held.getValue(), discussion.getValue(), decisions.getValue(), next.getValue())),
                        fields,
                        errors,
                        t("oversight.saved")));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-oversight");
        return new Div(held, discussion, decisions, next, errors, save);
    }
}
