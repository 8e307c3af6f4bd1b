package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.AreaMap;
import org.earlyhelp.hubs.AreaSummary;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.Ward;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubTotals;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgMap;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.shared.work.BackgroundWork;
import org.jspecify.annotations.Nullable;

/**
 * Where an administrator defines the hubs: imports the open data about areas, assigns areas to
 * hubs (a ward at a time, or area by area), and sees each hub's size and the map.
 */
@View
@Route("admin/hubs")
@Menu(order = 90, title = "menu.hub-setup")
@RolesAllowed(Role.ADMIN_AUTHORITY)
class HubSetupView extends Page {

    private final transient HubAdministration administration;
    private final transient HubDirectory directory;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.UK);

    private final Grid<HubTotals> hubGrid = new Grid<>();
    private final Div mapHolder = new Div();
    private final Grid<AreaSummary> areaGrid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Ward> wardFilter = new ComboBox<>();
    private final ComboBox<Hub> hubFilter = Data.mark(new ComboBox<>());
    private final Checkbox unassignedOnly = new Checkbox();
    private final ComboBox<Hub> targetHub = Data.mark(new ComboBox<>());
    private final ComboBox<Ward> wardToAssign = new ComboBox<>();
    private final ComboBox<Hub> wardTargetHub = Data.mark(new ComboBox<>());
    private final H2 hubsHeading = new H2();
    private final OrganisationsSection organisations;
    private List<Hub> hubs = List.of();

    private final transient BackgroundWork work;

    HubSetupView(HubAdministration administration, HubDirectory directory, BackgroundWork work) {
        super("");
        this.work = work;
        this.administration = administration;
        this.directory = directory;
        this.organisations = new OrganisationsSection(administration, directory, this::hubName, this::refresh);
        setHeading(getTranslation("hubs.setup.title"));
        hubsHeading.setText(getTranslation("hubs.setup.hubs"));
        hubsHeading.setId("hubs-heading");
        addClassName("hub-setup");
        add(new Paragraph(getTranslation("hubs.setup.intro")));
        add(hubsSection(), new HubImportsSection(administration, work, this::refresh), assignSection(), organisations);
        refresh();
    }

    // ---- hubs and map ---------------------------------------------------------------------------

    private Section hubsSection() {
        Section section = new Section(hubsHeading);
        section.setId("hub-totals");
        var range = administration.populationRange();
        section.add(new Paragraph(
                getTranslation("hubs.setup.range", numbers.format(range.min()), numbers.format(range.max()))));
        hubGrid.addColumn(t -> t.hub().name())
                .setHeader(getTranslation("hubs.hub"))
                .setFlexGrow(3);
        hubGrid.addColumn(t ->
                        getTranslation("hubs.status." + t.hub().status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("hubs.status"));
        hubGrid.addColumn(HubTotals::areas)
                .setHeader(getTranslation("hubs.areas"))
                .setTextAlign(ColumnTextAlign.END);
        hubGrid.addColumn(t -> numbers.format(t.population()))
                .setHeader(getTranslation("hubs.population"))
                .setTextAlign(ColumnTextAlign.END);
        hubGrid.addColumn(t -> numbers.format(t.children()))
                .setHeader(getTranslation("hubs.children"))
                .setTextAlign(ColumnTextAlign.END);
        hubGrid.addComponentColumn(t -> {
                    Span s = new Span(
                            t.outsideRange() ? getTranslation("hubs.outside-range") : getTranslation("hubs.in-range"));
                    s.addClassName(t.outsideRange() ? "warning-text" : "ok-text");
                    return s;
                })
                .setHeader(getTranslation("hubs.size-check"))
                .setFlexGrow(2);
        hubGrid.addComponentColumn(t -> {
                    Button change = new Button(getTranslation("hubs.change-status"), e -> openStatus(t));
                    change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    change.setAriaLabel(
                            getTranslation("hubs.change-status-of", t.hub().name()));
                    return change;
                })
                .setHeader(getTranslation("hubs.team.actions"))
                .setAutoWidth(true);
        hubGrid.setAllRowsVisible(true);
        hubGrid.setAriaLabel(getTranslation("hubs.setup.hubs"));
        mapHolder.addClassName("map-holder");
        mapHolder.setId("borough-map");
        section.add(hubGrid, new H3(getTranslation("hubs.setup.map")), mapHolder);
        return section;
    }

    private void openStatus(HubTotals totals) {
        new HubStatusDialog(administration, totals, saved -> {
            if (saved) {
                // The hubs' rows are drawn again: focus goes to their heading, not the page.
                Focus.afterDialog(hubsHeading);
                notify(getTranslation("hubs.status-saved", totals.hub().name()));
            }
            refresh();
        });
    }

    private void drawMap() {
        mapHolder.removeAll();
        AreaMap map = administration.boroughMap();
        if (map.isEmpty()) {
            mapHolder.add(new Paragraph(getTranslation("hubs.setup.map.empty")));
            return;
        }
        Map<HubId, Hub> byId = hubs.stream().collect(Collectors.toMap(Hub::id, Function.identity()));
        mapHolder.add(SvgMap.draw(
                map.width(),
                map.height(),
                getTranslation("hubs.setup.map.title"),
                map.areas().stream()
                        .map(a -> new SvgMap.Region(
                                a.code(),
                                a.path(),
                                a.hub() == null || !byId.containsKey(a.hub())
                                        ? null
                                        : HubColours.of(hubs, byId.get(a.hub())),
                                a.name() + " (" + a.code() + "): "
                                        + (a.hub() == null || !byId.containsKey(a.hub())
                                                ? getTranslation("hubs.unassigned")
                                                : byId.get(a.hub()).name())))
                        .toList()));
        UnorderedList legend = new UnorderedList();
        legend.addClassName("map-legend");
        for (Hub hub : hubs) {
            Span swatch = new Span();
            swatch.addClassName("swatch");
            swatch.getStyle().set("background", HubColours.of(hubs, hub));
            legend.add(new ListItem(swatch, Data.mark(new Span(hub.name()))));
        }
        Span none = new Span();
        none.addClassName("swatch");
        none.getStyle().set("background", "#f2f2f2");
        legend.add(new ListItem(none, new Span(getTranslation("hubs.unassigned"))));
        mapHolder.add(legend);
    }

    // ---- assignment -------------------------------------------------------------------------------

    private Section assignSection() {
        Section section = new Section(new H2(getTranslation("hubs.setup.assign")));
        section.setId("assign-areas");
        section.add(new Paragraph(getTranslation("hubs.setup.assign.intro")));

        wardToAssign.setLabel(getTranslation("hubs.ward"));
        wardToAssign.setItemLabelGenerator(w -> getTranslation("hubs.ward.option", w.name(), w.areas()));
        wardToAssign.setId("ward-to-assign");
        wardTargetHub.setLabel(getTranslation("hubs.to-hub"));
        wardTargetHub.setItemLabelGenerator(Hub::name);
        wardTargetHub.setId("ward-target-hub");
        Button assignWard = new Button(getTranslation("hubs.assign-ward"), e -> assignWard());
        assignWard.setId("assign-ward");
        assignWard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout wardRow = row(wardToAssign, wardTargetHub, assignWard);

        search.setLabel(getTranslation("hubs.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refreshAreas());
        wardFilter.setLabel(getTranslation("hubs.filter.ward"));
        wardFilter.setItemLabelGenerator(Ward::name);
        wardFilter.setClearButtonVisible(true);
        wardFilter.addValueChangeListener(e -> refreshAreas());
        hubFilter.setLabel(getTranslation("hubs.filter.hub"));
        hubFilter.setItemLabelGenerator(Hub::name);
        hubFilter.setClearButtonVisible(true);
        hubFilter.addValueChangeListener(e -> refreshAreas());
        unassignedOnly.setLabel(getTranslation("hubs.filter.unassigned"));
        unassignedOnly.addValueChangeListener(e -> refreshAreas());
        FlexLayout filters = row(search, wardFilter, hubFilter, unassignedOnly);

        areaGrid.setSelectionMode(Grid.SelectionMode.MULTI);
        areaGrid.addColumn(AreaSummary::code)
                .setHeader(getTranslation("hubs.area.code"))
                .setAutoWidth(true);
        areaGrid.addColumn(AreaSummary::name)
                .setHeader(getTranslation("hubs.area.name"))
                .setAutoWidth(true);
        areaGrid.addColumn(a -> a.wardName() == null ? "" : a.wardName())
                .setHeader(getTranslation("hubs.ward"))
                .setAutoWidth(true);
        areaGrid.addColumn(a -> numbers.format(a.population()))
                .setHeader(getTranslation("hubs.population"))
                .setTextAlign(ColumnTextAlign.END);
        areaGrid.addColumn(a -> a.imdDecile() == null ? "" : String.valueOf(a.imdDecile()))
                .setHeader(getTranslation("hubs.area.imd-decile"))
                .setTextAlign(ColumnTextAlign.END);
        areaGrid.addColumn(a -> hubName(a.hub()))
                .setHeader(getTranslation("hubs.hub"))
                .setAutoWidth(true);
        areaGrid.setAriaLabel(getTranslation("hubs.setup.areas"));
        areaGrid.setHeight("28rem");
        areaGrid.setId("area-grid");

        targetHub.setLabel(getTranslation("hubs.to-hub"));
        targetHub.setItemLabelGenerator(Hub::name);
        targetHub.setId("target-hub");
        Button assignSelected = new Button(getTranslation("hubs.assign-selected"), e -> assignSelected());
        assignSelected.setId("assign-selected");
        FlexLayout assignRow = row(targetHub, assignSelected);

        section.add(
                new H3(getTranslation("hubs.setup.assign.ward")),
                wardRow,
                new H3(getTranslation("hubs.setup.assign.areas")),
                filters,
                areaGrid,
                assignRow);
        return section;
    }

    private static FlexLayout row(Component... components) {
        FlexLayout row = new FlexLayout(components);
        row.addClassName("form-row");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.END);
        return row;
    }

    private void assignWard() {
        Ward ward = wardToAssign.getValue();
        Hub hub = wardTargetHub.getValue();
        wardToAssign.setInvalid(ward == null);
        wardToAssign.setErrorMessage(getTranslation("hubs.choose-ward"));
        wardTargetHub.setInvalid(hub == null);
        wardTargetHub.setErrorMessage(getTranslation("hubs.choose-hub"));
        if (ward == null || hub == null) {
            return;
        }
        int moved = administration.assignWard(ward.code(), hub.id());
        notify(getTranslation("hubs.ward-assigned", ward.name(), moved, hub.name()));
        wardToAssign.clear();
        refresh();
    }

    private void assignSelected() {
        Set<AreaSummary> selected = areaGrid.getSelectedItems();
        Hub hub = targetHub.getValue();
        targetHub.setInvalid(hub == null);
        targetHub.setErrorMessage(getTranslation("hubs.choose-hub"));
        if (hub == null) {
            return;
        }
        if (selected.isEmpty()) {
            notify(getTranslation("hubs.select-areas"));
            return;
        }
        long moving = selected.stream()
                .filter(a -> a.hub() != null && !a.hub().equals(hub.id()))
                .count();
        if (moving == 0) {
            doAssign(selected, hub);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("hubs.confirm-move.title"));
        confirm.setText(getTranslation("hubs.confirm-move.text", moving, hub.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("hubs.confirm-move.confirm"));
        confirm.addConfirmListener(e -> doAssign(selected, hub));
        Confirmations.focusCancel(confirm);
        confirm.open();
    }

    private void doAssign(Set<AreaSummary> selected, Hub hub) {
        try {
            administration.assign(selected, hub.id());
            notify(getTranslation("hubs.areas-assigned", selected.size(), hub.name()));
        } catch (ChangedBySomeoneElseException e) {
            Notification n = Notification.show(Words.of(e), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void notify(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    // ---- data ---------------------------------------------------------------------------------------

    private void refresh() {
        hubs = directory.hubs();
        hubGrid.setItems(administration.hubTotals());
        List<Ward> wards = administration.wards();
        wardToAssign.setItems(wards);
        wardFilter.setItems(wards);
        for (ComboBox<Hub> box : List.of(hubFilter, targetHub, wardTargetHub)) {
            Hub value = box.getValue();
            box.setItems(hubs);
            if (value != null) {
                hubs.stream().filter(h -> h.id().equals(value.id())).findFirst().ifPresent(box::setValue);
            }
        }
        refreshAreas();
        drawMap();
        organisations.refresh(hubs);
    }

    private void refreshAreas() {
        areaGrid.deselectAll();
        areaGrid.setItems(administration.areas(
                search.getValue(),
                wardFilter.getValue() == null ? null : wardFilter.getValue().code(),
                hubFilter.getValue() == null ? null : hubFilter.getValue().id(),
                unassignedOnly.getValue()));
    }

    private String hubName(@Nullable HubId id) {
        if (id == null) {
            return getTranslation("hubs.unassigned");
        }
        return hubs.stream()
                .filter(h -> Objects.equals(h.id(), id))
                .map(Hub::name)
                .findFirst()
                .orElse(id.value());
    }
}
