package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;

/** The organisations that work in the hubs, and the form to add one. */
final class OrganisationsSection extends Section {

    private final transient HubAdministration administration;
    private final transient HubDirectory directory;
    private final Runnable onAdded;
    private final Grid<Organisation> organisationGrid = new Grid<>();
    private List<Hub> hubs = List.of();

    OrganisationsSection(
            HubAdministration administration,
            HubDirectory directory,
            Function<@Nullable HubId, String> hubName,
            Runnable onAdded) {
        this.administration = administration;
        this.directory = directory;
        this.onAdded = onAdded;
        add(new H2(getTranslation("hubs.organisations")));
        setId("organisations");
        organisationGrid.addColumn(Organisation::name).setHeader(getTranslation("hubs.team.organisation"));
        organisationGrid
                .addColumn(o ->
                        getTranslation("organisation-type." + o.type().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("hubs.organisation.type"));
        organisationGrid
                .addColumn(o -> o.hubs().stream().map(hubName).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("hubs.organisation.hubs"))
                .setFlexGrow(2);
        organisationGrid.setAriaLabel(getTranslation("hubs.organisations"));
        organisationGrid.setHeight("18rem");
        Button add = new Button(getTranslation("hubs.organisation.add"), e -> openAddOrganisation());
        add.setId("add-organisation");
        add(add, organisationGrid);
    }

    /** The organisations again, and the hubs a new one may be in. */
    void refresh(List<Hub> hubs) {
        this.hubs = hubs;
        organisationGrid.setItems(directory.organisations());
    }

    private void openAddOrganisation() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("hubs.organisation.add"));
        dialog.setWidth("min(32rem, 95vw)");
        TextField name = new TextField(getTranslation("hubs.team.organisation"));
        name.setWidthFull();
        ComboBox<OrganisationType> type = new ComboBox<>(getTranslation("hubs.organisation.type"));
        type.setItems(OrganisationType.values());
        type.setItemLabelGenerator(
                t -> getTranslation("organisation-type." + t.name().toLowerCase(Locale.ROOT)));
        type.setWidthFull();
        MultiSelectComboBox<Hub> in = new MultiSelectComboBox<>(getTranslation("hubs.organisation.hubs"));
        in.setItems(hubs);
        in.setItemLabelGenerator(Hub::name);
        in.setWidthFull();
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.addOrganisation(
                        name.getValue(),
                        type.getValue(),
                        in.getValue().stream().map(Hub::id).collect(Collectors.toSet()));
                dialog.close();
                Notification.show(
                                getTranslation(
                                        "hubs.organisation.added",
                                        name.getValue().strip()),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onAdded.run();
            } catch (ValidationException invalid) {
                name.setInvalid(Words.of(invalid).containsKey("name"));
                name.setErrorMessage(Words.of(invalid).get("name"));
                type.setInvalid(Words.of(invalid).containsKey("type"));
                type.setErrorMessage(Words.of(invalid).get("type"));
                in.setInvalid(Words.of(invalid).containsKey("hubs"));
                in.setErrorMessage(Words.of(invalid).get("hubs"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, type, in));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
