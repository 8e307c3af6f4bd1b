package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.DateFields;

/** A case's reviews of the plan, the latest last, and for its lead the form to record the next. */
final class ReviewsSection extends Div {

    private final transient Cases cases;
    private final CaseRecord record;
    private final LocalDate today;
    private final CaseAct act;

    ReviewsSection(Cases cases, CaseRecord record, boolean leads, LocalDate today, CaseAct act) {
        this.cases = cases;
        this.record = record;
        this.today = today;
        this.act = act;
        setId("tab-reviews");
        if (record.reviews().isEmpty()) {
            add(new Paragraph(t("review.none")));
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        record.plan().forEach(o -> names.put(o.id(), getTranslation(o.area().key())));
        for (CaseRecord.Review r : record.reviews()) {
            add(new H3(t("review.held", Texts.day(r.heldOn()), r.heldBy())));
            add(Data.mark(new Paragraph(r.notes())));
            UnorderedList scores = new UnorderedList();
            r.scores().forEach((o, s) -> scores.add(new ListItem(names.getOrDefault(o, "") + ": " + s + "/10")));
            add(scores);
        }
        if (!leads || !record.open()) {
            return;
        }
        if (!record.assessed() || record.plan().isEmpty()) {
            add(new H3(t("review.record")));
            add(new Paragraph(t("review.not-yet")));
            return;
        }
        add(CaseView.disclosure("open-review", t("review.record"), this::reviewForm));
    }

    private Component reviewForm() {
        DatePicker held = DateFields.of(t("review.date"));
        held.setValue(today);
        held.setId("review-date");
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("heldOn", held);
        Map<UUID, IntegerField> scoreFields = new LinkedHashMap<>();
        FormLayout scores = new FormLayout();
        for (CaseRecord.PlanOutcome o : record.plan()) {
            IntegerField score =
                    new IntegerField(t("review.score", getTranslation(o.area().key())));
            score.setMin(1);
            score.setMax(10);
            score.setStepButtonsVisible(true);
            score.setHelperText(t("review.score-help"));
            score.addClassName("review-score");
            scoreFields.put(o.id(), score);
            fields.put("scores." + o.id(), score);
            scores.add(score);
        }
        TextArea notes = CaseView.area(t("review.notes"), "review-notes");
        fields.put("notes", notes);
        Paragraph errors = CaseView.errors();
        Button save = new Button(t("review.save"), e -> {
            Map<UUID, Integer> values = new LinkedHashMap<>();
            scoreFields.forEach((o, f) -> {
                if (f.getValue() != null) {
                    values.put(o, f.getValue());
                }
            });
            act.run(
                    () -> cases.review(record.id(), record.version(), held.getValue(), notes.getValue(), values),
                    fields,
                    errors,
                    t("review.saved"));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-review");
        return new Div(held, scores, notes, errors, save);
    }
}
