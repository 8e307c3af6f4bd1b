package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.hubs.ServiceDirectory;
import org.earlyhelp.hubs.ServiceDraft;
import org.earlyhelp.hubs.ServiceListing;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Words;

/** Adds a service to a hub's directory; every problem is shown next to its field. */
class AddServiceDialog extends Dialog {

    private final ComboBox<Hub> hub = Data.mark(new ComboBox<>());
    private final ComboBox<Organisation> organisation = new ComboBox<>();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<ServiceCategory> category = new ComboBox<>();
    private final CheckboxGroup<OutcomeArea> needs = new CheckboxGroup<>();
    private final TextField eligibility = new TextField();
    private final IntegerField minAge = new IntegerField();
    private final IntegerField maxAge = new IntegerField();
    private final TextField locationName = new TextField();
    private final TextField address = new TextField();
    private final TextField postcode = new TextField();
    private final TextField contactPhone = new TextField();
    private final TextField contactEmail = new TextField();
    private final TextField website = new TextField();
    private final TextField openingTimes = new TextField();

    AddServiceDialog(
            ServiceDirectory directory,
            List<Hub> hubs,
            List<Organisation> organisations,
            Consumer<ServiceListing> added) {
        setHeaderTitle(getTranslation("services.add.title"));
        setWidth("min(48rem, 96vw)");
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        if (hubs.size() == 1) {
            hub.setValue(hubs.getFirst());
        }
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::name);
        category.setItems(ServiceCategory.values());
        category.setItemLabelGenerator(c -> c.parent() == null
                ? getTranslation(c.key())
                : getTranslation(c.parent().key()) + ": " + getTranslation(c.key()));
        needs.setItems(OutcomeArea.values());
        needs.setItemLabelGenerator(n -> getTranslation(n.key()));
        description.setMaxLength(2000);
        name.setMaxLength(200);
        minAge.setMin(0);
        minAge.setMax(25);
        maxAge.setMin(0);
        maxAge.setMax(120);
        label(hub, "hubs.hub");
        label(organisation, "services.organisation");
        label(name, "services.name");
        label(description, "services.add.description");
        label(category, "services.category");
        label(needs, "services.add.needs");
        label(eligibility, "services.add.eligibility");
        label(minAge, "services.add.min-age");
        label(maxAge, "services.add.max-age");
        label(locationName, "services.add.location");
        label(address, "services.add.address");
        label(postcode, "services.add.postcode");
        label(contactPhone, "services.add.phone");
        label(contactEmail, "services.add.email");
        label(website, "services.add.website");
        label(openingTimes, "services.add.opening-times");
        hub.setRequiredIndicatorVisible(true);
        organisation.setRequiredIndicatorVisible(true);
        name.setRequiredIndicatorVisible(true);
        description.setRequiredIndicatorVisible(true);
        category.setRequiredIndicatorVisible(true);
        name.setId("service-name");
        description.setId("service-description");

        FormLayout form = new FormLayout(
                hub,
                organisation,
                name,
                category,
                description,
                needs,
                eligibility,
                minAge,
                maxAge,
                locationName,
                address,
                postcode,
                contactPhone,
                contactEmail,
                website,
                openingTimes);
        form.setColspan(description, 2);
        form.setColspan(needs, 2);
        add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                ServiceListing listing = directory.add(draft());
                close();
                added.accept(listing);
            } catch (ValidationException invalid) {
                show(Words.of(invalid));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-service");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void label(HasLabel field, String key) {
        field.setLabel(getTranslation(key));
    }

    private ServiceDraft draft() {
        return new ServiceDraft(
                hub.getValue() == null ? null : hub.getValue().id(),
                organisation.getValue() == null ? null : organisation.getValue().id(),
                name.getValue(),
                description.getValue(),
                category.getValue(),
                needs.getValue(),
                eligibility.getValue(),
                minAge.getValue(),
                maxAge.getValue(),
                locationName.getValue(),
                address.getValue(),
                postcode.getValue(),
                contactPhone.getValue(),
                contactEmail.getValue(),
                website.getValue(),
                openingTimes.getValue());
    }

    private void show(Map<String, String> problems) {
        Map<String, HasValidation> fields = Map.ofEntries(
                Map.entry("hub", hub),
                Map.entry("organisation", organisation),
                Map.entry("name", name),
                Map.entry("description", description),
                Map.entry("category", category),
                Map.entry("needs", needs),
                Map.entry("minAge", minAge),
                Map.entry("maxAge", maxAge),
                Map.entry("postcode", postcode),
                Map.entry("contactPhone", contactPhone),
                Map.entry("contactEmail", contactEmail),
                Map.entry("website", website));
        fields.forEach((key, field) -> {
            String problem = problems.get(key);
            field.setInvalid(problem != null);
            field.setErrorMessage(problem);
        });
    }
}
