package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ContactDraft;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Words;

/** The work log form, shared with the quick-log screen. */
final class ContactForm extends Div {

    ContactForm(Cases cases, Supplier<CaseId> caseId, Runnable saved, LocalDate today) {
        DatePicker on = DateFields.of(t("log.date"));
        on.setValue(today);
        on.setMax(today);
        on.setId("contact-date");
        RadioButtonGroup<ContactKind> kind = new RadioButtonGroup<>(t("log.kind"));
        kind.setItems(ContactKind.values());
        kind.setItemLabelGenerator(k -> Texts.label("contact", k));
        kind.setId("contact-kind");
        IntegerField minutes = new IntegerField(t("log.minutes"));
        minutes.setMin(1);
        minutes.setMax(720);
        minutes.setId("contact-minutes");
        Checkbox seen = new Checkbox(t("log.child-seen"));
        seen.setId("contact-seen");
        TextArea views = CaseView.area(t("log.child-views"), "contact-views");
        views.setHelperText(t("log.child-views-help"));
        views.setVisible(false);
        seen.addValueChangeListener(e -> views.setVisible(e.getValue()));
        TextArea note = CaseView.area(t("log.note"), "contact-note");
        Paragraph errors = CaseView.errors();
        Button save = new Button(t("log.save"), e -> {
            try {
                cases.logContact(
                        caseId.get(),
                        new ContactDraft(
                                on.getValue(),
                                kind.getValue(),
                                minutes.getValue(),
                                seen.getValue(),
                                views.getValue(),
                                note.getValue()));
                Texts.show(
                        Map.of(),
                        Map.of("on", on, "kind", kind, "minutes", minutes, "note", note, "childViews", views));
                errors.setText("");
                note.clear();
                views.clear();
                saved.run();
            } catch (ValidationException invalid) {
                errors.setText(String.join(
                        " ",
                        Texts.show(
                                Words.of(invalid),
                                Map.of(
                                        "on",
                                        on,
                                        "kind",
                                        kind,
                                        "minutes",
                                        minutes,
                                        "note",
                                        note,
                                        "childViews",
                                        views))));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-contact");
        save.addClassName("big-button");
        add(new H2(t("log.title")), on, kind, minutes, seen, views, note, errors, save);
        addClassName("contact-form");
    }
}
