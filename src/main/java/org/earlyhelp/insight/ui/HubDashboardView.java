package org.earlyhelp.insight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.hubs.AreaMap;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.insight.HubDashboard;
import org.earlyhelp.insight.HubDashboard.Dashboard;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Definition;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.Table;
import org.earlyhelp.shared.ui.TextList;
import org.earlyhelp.shared.ui.View;
import org.jspecify.annotations.Nullable;

/**
 * The hub lead's morning view of their patch: what is waiting, what is drifting, caseloads,
 * outcomes, 12-month trends and reach by area beside deprivation. Every figure links to the list
 * behind it.
 */
@View
@Route("hub/dashboard")
@Menu(order = 10, title = "menu.dashboard")
@RolesAllowed({Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY, Role.PRACTITIONER_AUTHORITY})
class HubDashboardView extends Page {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Reach bands, light to dark (ColorBrewer Blues, readable on white). */
    private final transient HubDashboard dashboards;

    private final transient HubDirectory hubs;
    private final transient TableDownloads downloads;
    private final ComboBox<Hub> hub = Data.mark(new ComboBox<>());
    private final Div content = new Div();
    private final DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK);
    private int[] weeks = {4, 6};

    /** Sections whose figures need saying how they are counted, beyond the tiles'. */
    static final Set<String> DEFINED_SECTIONS = Set.of("caseloads", "trends", "reach");

    private final DateTimeFormatter day =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

    HubDashboardView(HubDashboard dashboards, HubDirectory hubs, CurrentUsers currentUsers, TableDownloads downloads) {
        super("");
        this.dashboards = dashboards;
        this.hubs = hubs;
        this.downloads = downloads;
        setHeading(getTranslation("dashboard.title"));
        CurrentUser user = currentUsers.require();
        List<Hub> mine = hubs.hubs().stream().filter(h -> user.worksIn(h.id())).toList();
        hub.setLabel(getTranslation("hubs.hub"));
        hub.setItems(mine);
        hub.setItemLabelGenerator(Hub::name);
        hub.setId("dashboard-hub");
        hub.setVisible(mine.size() > 1);
        hub.addValueChangeListener(e -> show());
        content.setId("dashboard");
        add(hub, content);
        if (mine.isEmpty()) {
            content.add(new Paragraph(getTranslation("hubs.team.no-hub")));
        } else {
            hub.setValue(mine.getFirst());
        }
    }

    private void show() {
        content.removeAll();
        if (hub.getValue() == null) {
            return;
        }
        Dashboard d = dashboards.of(hub.getValue().id());
        weeks = new int[] {d.driftWeeks(), d.oversightWeeks()};
        content.add(Data.mark(new H2(hub.getValue().name())));
        content.add(tiles(d));
        if (d.withNames()) {
            content.add(awaiting(d), drift(d), caseloads(d));
        }
        content.add(outcomes(d), themes(d), trends(d), reach(d));
    }

    // ---- figures ---------------------------------------------------------------------------------

    private Component tiles(Dashboard d) {
        UnorderedList tiles = new UnorderedList();
        tiles.addClassName("tiles");
        tiles.setId("figures");
        tiles.add(tile("dashboard.awaiting", String.valueOf(d.awaitingCount()), "awaiting", d.withNames()));
        tiles.add(tile("dashboard.on-time", percent(d.decidedOnTimePercent()), "trends", true));
        tiles.add(tile("dashboard.open-cases", String.valueOf(d.openCases()), "caseloads", d.withNames()));
        tiles.add(tile("dashboard.unallocated", String.valueOf(d.unallocated()), "awaiting", d.withNames()));
        tiles.add(tile("dashboard.drift", String.valueOf(d.driftCount()), "drift", d.withNames()));
        tiles.add(tile("dashboard.needs-achieved", percent(d.needsAchievedPercent()), "outcomes", true));
        tiles.add(tile("dashboard.re-referrals", percent(d.reReferralPercent()), "outcomes", true));
        tiles.add(tile("dashboard.step-ups", d.stepUps12m() + " / " + d.stepDowns12m(), "outcomes", true));
        return tiles;
    }

    private ListItem tile(String key, String value, String anchor, boolean linked) {
        Span number = new Span(value);
        number.addClassName("tile-value");
        Span label = new Span(getTranslation(key));
        label.addClassName("tile-label");
        ListItem item = new ListItem();
        item.addClassName("tile");
        if (linked) {
            Anchor link = new Anchor("#" + anchor, number, label);
            link.getElement().setAttribute("router-ignore", true);
            item.add(link);
        } else {
            item.add(number, label);
        }
        item.add(definition(key));
        return item;
    }

    /** How a figure is counted, one click away from it; the same words are in docs/figures.md. */
    private Component definition(String key) {
        return Definition.of(
                getTranslation("define.summary"),
                key,
                key.equals("dashboard.drift")
                        ? getTranslation("define." + key, weeks[0], weeks[1])
                        : getTranslation("define." + key));
    }

    private String percent(@Nullable Double value) {
        return value == null ? getTranslation("dashboard.none-yet") : String.format(Locale.UK, "%.0f%%", value);
    }

    // ---- lists --------------------------------------------------------------------------------------

    private Section awaiting(Dashboard d) {
        Section section = section("awaiting", "dashboard.awaiting.title");
        if (d.awaiting().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.awaiting.empty")));
            return section;
        }
        Grid<HubDashboard.Awaiting> grid = new Grid<>();
        grid.addColumn(HubDashboard.Awaiting::familyLabel).setHeader(getTranslation("dashboard.family"));
        grid.addColumn(a -> when.format(a.submittedAt().atZone(LONDON))).setHeader(getTranslation("dashboard.arrived"));
        grid.addColumn(a -> when.format(a.due().atZone(LONDON))).setHeader(getTranslation("dashboard.decide-by"));
        grid.addColumn(a -> getTranslation(a.overdue() ? "dashboard.overdue" : "dashboard.in-time"))
                .setHeader(getTranslation("dashboard.clock"));
        grid.setItems(d.awaiting());
        grid.setAllRowsVisible(d.awaiting().size() <= 15);
        grid.setAriaLabel(getTranslation("dashboard.awaiting.title"));
        section.add(grid);
        return section;
    }

    private Section drift(Dashboard d) {
        Section section = section("drift", "dashboard.drift.title");
        if (d.drift().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.drift.empty")));
            return section;
        }
        Grid<HubDashboard.Drift> grid = new Grid<>();
        grid.addColumn(HubDashboard.Drift::familyLabel).setHeader(getTranslation("dashboard.family"));
        grid.addColumn(HubDashboard.Drift::leadPractitioner).setHeader(getTranslation("dashboard.lead"));
        grid.addColumn(x -> getTranslation("dashboard.drift."
                        + x.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .setHeader(getTranslation("dashboard.why"));
        grid.addColumn(x -> x.lastContact() == null
                        ? ""
                        : day.format(x.lastContact().atZone(LONDON)))
                .setHeader(getTranslation("dashboard.last-contact"));
        grid.addColumn(x -> x.due() == null ? "" : day.format(x.due())).setHeader(getTranslation("dashboard.was-due"));
        grid.setItems(d.drift());
        grid.setAllRowsVisible(d.drift().size() <= 15);
        grid.setAriaLabel(getTranslation("dashboard.drift.title"));
        section.add(grid);
        return section;
    }

    private Section caseloads(Dashboard d) {
        Section section = section("caseloads", "dashboard.caseloads.title");
        if (d.caseloads().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.caseloads.empty")));
            return section;
        }
        Table<HubDashboard.Caseload> table = Table.of(HubDashboard.Caseload.class)
                .text(getTranslation("hubs.team.name"), HubDashboard.Caseload::name)
                .number(getTranslation("dashboard.open-cases-header"), HubDashboard.Caseload::openCases)
                .number(getTranslation("hubs.team.capacity"), HubDashboard.Caseload::capacity)
                .text(
                        getTranslation("dashboard.load"),
                        c -> getTranslation(
                                c.overCapacity() ? "dashboard.over-capacity" : "dashboard.within-capacity"));
        section.add(
                table.grid(getTranslation("dashboard.caseloads.title"), d.caseloads()),
                download(d, "caseloads-csv", "dashboard.caseloads.title", table.headers(), table.rows(d.caseloads())));
        return section;
    }

    private Section outcomes(Dashboard d) {
        Section section = section("outcomes", "dashboard.outcomes.title");
        TextList list = new TextList();
        list.add(getTranslation("dashboard.outcomes.closures", d.closures12m()));
        list.add(getTranslation("dashboard.outcomes.needs", percent(d.needsAchievedPercent())));
        list.add(getTranslation("dashboard.outcomes.re-referrals", d.reReferrals12m(), percent(d.reReferralPercent())));
        list.add(getTranslation("dashboard.outcomes.steps", d.stepUps12m(), d.stepDowns12m()));
        section.add(list.build());
        return section;
    }

    private Section themes(Dashboard d) {
        Section section = section("themes", "dashboard.themes.title");
        if (d.themes().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.themes.empty")));
            return section;
        }
        section.add(new Paragraph(getTranslation("dashboard.themes.intro")));
        section.add(SvgChart.bars(
                getTranslation("dashboard.themes.title"),
                d.themes().stream()
                        .map(t -> new SvgChart.Bar(t.theme(), t.count(), String.valueOf(t.count())))
                        .toList(),
                0));
        TextList list = new TextList();
        d.themes().forEach(t -> list.add(getTranslation("dashboard.themes.item", t.theme(), t.count())));
        section.add(
                list.build(),
                download(
                        d,
                        "themes-csv",
                        "dashboard.themes.title",
                        List.of(getTranslation("dashboard.theme"), getTranslation("dashboard.pieces")),
                        d.themes().stream()
                                .map(t -> List.<Object>of(t.theme(), t.count()))
                                .toList()));
        return section;
    }

    // ---- charts and map -----------------------------------------------------------------------------

    private Section trends(Dashboard d) {
        Section section = section("trends", "dashboard.trends.title");
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.UK);
        List<SvgChart.Bar> requests = d.trend().stream()
                .map(m -> new SvgChart.Bar(month.format(m.month()), m.requests(), String.valueOf(m.requests())))
                .toList();
        section.add(new Paragraph(getTranslation("dashboard.trends.requests")));
        section.add(SvgChart.bars(getTranslation("dashboard.trends.requests"), requests, 0));
        List<SvgChart.Bar> onTime = d.trend().stream()
                .map(m -> {
                    double p = m.decided() == 0 ? 0 : m.decidedOnTime() * 100.0 / m.decided();
                    return new SvgChart.Bar(
                            month.format(m.month()),
                            p,
                            m.decided() == 0
                                    ? getTranslation("dashboard.none-yet")
                                    : String.format(Locale.UK, "%.0f%%", p));
                })
                .toList();
        section.add(new Paragraph(getTranslation("dashboard.trends.on-time")));
        section.add(SvgChart.bars(getTranslation("dashboard.trends.on-time"), onTime, 100));

        List<HubDashboard.Month> trend = d.trend();
        section.add(Disclosure.of(getTranslation("dashboard.trends.table"), () -> {
            Grid<HubDashboard.Month> table = new Grid<>();
            table.addColumn(m ->
                            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).format(m.month()))
                    .setHeader(getTranslation("dashboard.month"));
            table.addColumn(HubDashboard.Month::requests).setHeader(getTranslation("dashboard.requests"));
            table.addColumn(HubDashboard.Month::decided).setHeader(getTranslation("dashboard.decided"));
            table.addColumn(HubDashboard.Month::decidedOnTime).setHeader(getTranslation("dashboard.decided-on-time"));
            table.addColumn(HubDashboard.Month::contacts).setHeader(getTranslation("dashboard.contacts"));
            table.addColumn(HubDashboard.Month::closures).setHeader(getTranslation("dashboard.closures"));
            table.setItems(trend);
            table.setAllRowsVisible(true);
            table.setAriaLabel(getTranslation("dashboard.trends.table"));
            return table;
        }));
        section.add(download(
                d,
                "trends-csv",
                "dashboard.trends.title",
                List.of(
                        getTranslation("dashboard.month"),
                        getTranslation("dashboard.requests"),
                        getTranslation("dashboard.decided"),
                        getTranslation("dashboard.decided-on-time"),
                        getTranslation("dashboard.contacts"),
                        getTranslation("dashboard.closures")),
                trend.stream()
                        .map(m -> List.<Object>of(
                                m.month().toString(),
                                m.requests(),
                                m.decided(),
                                m.decidedOnTime(),
                                m.contacts(),
                                m.closures()))
                        .toList()));
        return section;
    }

    private Section reach(Dashboard d) {
        Section section = section("reach", "dashboard.reach.title");
        section.add(new Paragraph(getTranslation("dashboard.reach.intro")));
        AreaMap map = hubs.mapOf(d.hub());
        section.add(ReachMap.of(map, d.reach()), ReachMap.table(d.reach()));
        List<HubDashboard.Reach> reach = d.reach();
        section.add(download(
                d,
                "reach-csv",
                "dashboard.reach.title",
                List.of(
                        getTranslation("hubs.area.code"),
                        getTranslation("hubs.area.name"),
                        getTranslation("hubs.children"),
                        getTranslation("dashboard.requests"),
                        getTranslation("dashboard.per-10000"),
                        getTranslation("hubs.area.imd-decile")),
                reach.stream()
                        .map(r -> Arrays.<Object>asList(
                                r.areaCode(),
                                r.areaName(),
                                r.children(),
                                r.requests(),
                                Math.round(r.per10000() * 10) / 10.0,
                                r.imdDecile()))
                        .toList()));
        return section;
    }

    /**
     * A link that downloads a table of this section as CSV, recorded in the audit log with the
     * hub. Lists naming families (waiting, drifting) are not offered as files.
     */
    private Anchor download(
            Dashboard d, String id, String titleKey, List<String> headers, List<? extends List<?>> rows) {
        String title = getTranslation(titleKey) + ", " + hub.getValue().name();
        return CsvDownload.of(
                id,
                getTranslation("export.csv", getTranslation(titleKey)),
                TableDownloads.fileName(title),
                () -> downloads.csv(title, d.hub(), headers, new TableRows(rows)));
    }

    private Section section(String id, String titleKey) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        if (DEFINED_SECTIONS.contains(id)) {
            section.add(definition("dashboard." + id));
        }
        section.setId(id);
        section.addClassName("dashboard-section");
        return section;
    }
}
