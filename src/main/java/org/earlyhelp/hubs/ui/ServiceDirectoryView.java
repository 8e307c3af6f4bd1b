package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.hubs.ServiceDirectory;
import org.earlyhelp.hubs.ServiceListing;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;

/** The hubs' service directory: what is on offer for a family's needs, and where. */
@View
@Route("services")
@Menu(order = 30, title = "menu.services")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY})
class ServiceDirectoryView extends Page {

    private final transient ServiceDirectory directory;
    private final ComboBox<Hub> hub = Data.mark(new ComboBox<>());
    private final ComboBox<OutcomeArea> need = new ComboBox<>();
    private final ComboBox<ServiceCategory> category = new ComboBox<>();
    private final TextField words = new TextField();
    private final TextField postcode = new TextField();
    private final IntegerField withinKm = new IntegerField();
    private final Grid<ServiceListing> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private boolean canManage;
    private final transient TableDownloads downloads;
    private List<ServiceListing> found = List.of();

    ServiceDirectoryView(
            ServiceDirectory directory, HubDirectory hubs, CurrentUsers currentUsers, TableDownloads downloads) {
        super("");
        this.directory = directory;
        this.downloads = downloads;
        setHeading(getTranslation("services.title"));
        add(new Paragraph(getTranslation("services.intro")));
        CurrentUser user = currentUsers.require();
        List<Hub> mine = hubs.hubs().stream().filter(h -> user.worksIn(h.id())).toList();

        hub.setLabel(getTranslation("hubs.hub"));
        hub.setItems(mine);
        hub.setItemLabelGenerator(Hub::name);
        hub.setPlaceholder(getTranslation("services.all-my-hubs"));
        hub.setClearButtonVisible(true);
        hub.setVisible(mine.size() > 1);
        need.setLabel(getTranslation("services.need"));
        need.setItems(OutcomeArea.values());
        need.setItemLabelGenerator(n -> getTranslation(n.key()));
        need.setClearButtonVisible(true);
        need.setId("need");
        category.setLabel(getTranslation("services.category"));
        category.setItems(ServiceCategory.values());
        category.setItemLabelGenerator(c -> c.parent() == null
                ? getTranslation(c.key())
                : getTranslation(c.parent().key()) + ": " + getTranslation(c.key()));
        category.setClearButtonVisible(true);
        words.setLabel(getTranslation("services.words"));
        words.setClearButtonVisible(true);
        words.setId("service-words");
        postcode.setLabel(getTranslation("services.postcode"));
        postcode.setHelperText(getTranslation("services.postcode-help"));
        postcode.setMaxLength(16);
        postcode.setId("near-postcode");
        withinKm.setLabel(getTranslation("services.within-km"));
        withinKm.setMin(1);
        withinKm.setMax(50);
        Button search = new Button(getTranslation("services.search"), e -> search());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("search-services");
        search.addClickShortcut(Key.ENTER);
        FlexLayout filters = new FlexLayout(hub, need, category, words, postcode, withinKm, search);
        if (user.has(Role.HUB_LEAD) || user.has(Role.ADMIN)) {
            Button addService = new Button(
                    getTranslation("services.add"),
                    e -> new AddServiceDialog(directory, mine, hubs.organisations(), listing -> {
                                Notification.show(
                                                getTranslation("services.added", listing.name()),
                                                4000,
                                                Notification.Position.BOTTOM_START)
                                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                                search();
                            })
                            .open());
            addService.setId("add-service");
            filters.add(addService);
            canManage = true;
        }
        filters.addClassName("form-row");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexLayout.Alignment.END);

        grid.addColumn(ServiceListing::name)
                .setHeader(getTranslation("services.name"))
                .setAutoWidth(true);
        grid.addColumn(ServiceListing::organisationName)
                .setHeader(getTranslation("services.organisation"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.category().key())).setHeader(getTranslation("services.category"));
        grid.addColumn(s -> s.needs().stream()
                        .sorted()
                        .map(n -> getTranslation(n.key()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("services.helps-with"))
                .setFlexGrow(2);
        grid.addColumn(s -> s.locationName()).setHeader(getTranslation("services.where"));
        grid.addColumn(s -> s.distanceKm() == null ? "" : String.format(Locale.UK, "%.1f km", s.distanceKm()))
                .setHeader(getTranslation("services.distance"));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setAriaLabel(getTranslation("services.title"));
        grid.setId("service-grid");
        grid.setHeight("32rem");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.setId("service-summary");
        String title = getTranslation("services.title");
        add(
                filters,
                summary,
                grid,
                CsvDownload.of(
                        "services-csv",
                        getTranslation("services.csv"),
                        TableDownloads.fileName(title),
                        () -> downloads.csv(
                                title,
                                hub.getValue() == null ? null : hub.getValue().id(),
                                headers(),
                                new TableRows(rows()))));
        search();
    }

    private Div details(ServiceListing s) {
        Div details = new Div();
        details.addClassName("service-details");
        details.add(new Paragraph(s.description()));
        details.add(new Paragraph(new Span(getTranslation("services.eligibility") + " "), new Span(s.eligibility())));
        details.add(new Paragraph(new Span(getTranslation("services.when") + " "), new Span(s.openingTimes())));
        String contact = Arrays.stream(new String[] {s.contactPhone(), s.contactEmail(), s.website()})
                .filter(v -> !v.isBlank())
                .collect(Collectors.joining(" · "));
        details.add(new Paragraph(new Span(getTranslation("services.contact") + " "), new Span(contact)));
        if (canManage) {
            Button remove = new Button(getTranslation("services.remove"), e -> {
                ConfirmDialog confirm = new ConfirmDialog();
                confirm.setHeader(getTranslation("services.remove.title", s.name()));
                confirm.setText(getTranslation("services.remove.text"));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmText(getTranslation("services.remove"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.addConfirmListener(c -> {
                    try {
                        directory.remove(s);
                    } catch (ChangedBySomeoneElseException gone) {
                        Notification.show(Words.of(gone), 6000, Notification.Position.MIDDLE);
                    }
                    search();
                    // The listing and its button are gone: focus goes to how many were found.
                    Focus.afterDialog(summary);
                });
                Confirmations.focusCancel(confirm);
                confirm.open();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            details.add(remove);
        }
        return details;
    }

    private List<String> headers() {
        return List.of(
                getTranslation("services.name"),
                getTranslation("services.organisation"),
                getTranslation("services.category"),
                getTranslation("services.helps-with"),
                getTranslation("services.add.eligibility"),
                getTranslation("services.add.min-age"),
                getTranslation("services.add.max-age"),
                getTranslation("services.where"),
                getTranslation("services.add.address"),
                getTranslation("services.add.postcode"),
                getTranslation("services.add.opening-times"),
                getTranslation("services.add.phone"),
                getTranslation("services.add.email"),
                getTranslation("services.add.website"),
                getTranslation("services.distance-km"));
    }

    /** The services found by the last search, as the grid lists them. */
    private List<List<Object>> rows() {
        return found.stream()
                .map(s -> Arrays.<Object>asList(
                        s.name(),
                        s.organisationName(),
                        getTranslation(s.category().key()),
                        s.needs().stream()
                                .sorted()
                                .map(n -> getTranslation(n.key()))
                                .collect(Collectors.joining(", ")),
                        s.eligibility(),
                        s.minAge(),
                        s.maxAge(),
                        s.locationName(),
                        s.address(),
                        s.postcode(),
                        s.openingTimes(),
                        s.contactPhone(),
                        s.contactEmail(),
                        s.website(),
                        s.distanceKm() == null ? null : Math.round(s.distanceKm() * 10) / 10.0))
                .toList();
    }

    private void search() {
        ServiceDirectory.Result result = directory.search(new ServiceDirectory.Query(
                hub.getValue() == null ? null : hub.getValue().id(),
                need.getValue(),
                category.getValue(),
                words.getValue(),
                postcode.getValue(),
                withinKm.getValue() == null ? null : withinKm.getValue().doubleValue()));
        postcode.setInvalid(result.postcodeProblem().isPresent());
        postcode.setErrorMessage(result.postcodeProblem().map(Words::of).orElse(null));
        found = result.services();
        grid.setItems(found);
        summary.setText(
                result.services().isEmpty()
                        ? getTranslation("services.none")
                        : result.more()
                                ? getTranslation(
                                        "services.found-more", result.services().size())
                                : getTranslation(
                                        "services.found", result.services().size()));
    }
}
