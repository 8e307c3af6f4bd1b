package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.Relationship;

/** One family member's fields on the request form, with the button that takes them off it. */
final class FamilyMemberFields {

    final FormLayout layout = new FormLayout();
    final TextField given = new TextField(t("member.given"));
    final TextField family = new TextField(t("member.family"));
    final DatePicker born = new DatePicker(t("member.born"));
    final Select<Relationship> relationship = new Select<>();
    final TextField sex = new TextField(t("member.sex"));
    final TextField ethnicity = new TextField(t("member.ethnicity"));

    FamilyMemberFields(int index, Relationship initial, LocalDate today, Runnable onRemove) {
        String id = "member-" + index + "-";
        given.setId(id + "given");
        family.setId(id + "family");
        born.setId(id + "born");
        born.setLocale(Locale.UK);
        born.setMax(today);
        born.setHelperText(t("member.born-help"));
        relationship.setLabel(t("member.relationship"));
        relationship.setItems(Relationship.values());
        relationship.setItemLabelGenerator(r -> Texts.label("relationship", r));
        relationship.setValue(initial);
        relationship.setId(id + "relationship");
        sex.setHelperText(t("member.optional"));
        ethnicity.setHelperText(t("member.optional"));
        Button remove = new Button(t("member.remove"), e -> {
            layout.setVisible(false);
            onRemove.run();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel(t("member.remove-label", index + 1));
        layout.add(given, family, born, relationship, sex, ethnicity, remove);
        layout.addClassName("member-row");
        Span number = new Span(t("member.number", index + 1));
        number.addClassName("member-number");
        layout.addComponentAsFirst(number);
        layout.setColspan(number, 2);
    }

    FamilyMemberDraft draft() {
        return new FamilyMemberDraft(
                given.getValue(),
                family.getValue(),
                born.getValue(),
                relationship.getValue(),
                sex.getValue(),
                ethnicity.getValue());
    }

    Map<String, Component> fields(int index) {
        String p = "members[" + index + "].";
        return Map.of(
                p + "givenName",
                given,
                p + "familyName",
                family,
                p + "dateOfBirth",
                born,
                p + "relationship",
                relationship);
    }
}
