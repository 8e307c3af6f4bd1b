package org.earlyhelp.insight.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.audit.TableDownloads;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.BoroughComparison.Comparison;
import org.earlyhelp.insight.BoroughComparison.HubRow;
import org.earlyhelp.insight.BoroughComparison.PilotMonth;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.shared.ui.Definition;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.shared.ui.View;
import org.jspecify.annotations.Nullable;

/** The borough view: hubs side by side, and the pilot hubs against the others over time. */
@View
@Route("borough")
@Menu(order = 15, title = "menu.borough")
@RolesAllowed({Role.ADMIN_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class BoroughView extends Page {

    private final transient TableDownloads downloads;

    BoroughView(BoroughComparison borough, TableDownloads downloads) {
        super("");
        this.downloads = downloads;
        setHeading(getTranslation("borough.title"));
        add(new Paragraph(getTranslation("borough.intro")));
        Comparison c = borough.compare();

        Section hubs = new Section(new H2(getTranslation("borough.hubs")));
        hubs.setId("borough-hubs");
        Grid<HubRow> grid = new Grid<>();
        grid.addColumn(r -> r.hub().name())
                .setHeader(getTranslation("hubs.hub"))
                .setAutoWidth(true);
        grid.addColumn(r ->
                        getTranslation("hubs.status." + r.hub().status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("hubs.status"));
        grid.addColumn(HubRow::requests)
                .setHeader(getTranslation("dashboard.requests"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> String.format(Locale.UK, "%.0f", r.requestsPer10000Children()))
                .setHeader(getTranslation("dashboard.per-10000"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> percent(r.decidedOnTimePercent())).setHeader(getTranslation("borough.on-time"));
        grid.addColumn(HubRow::openCases)
                .setHeader(getTranslation("dashboard.open-cases-header"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(HubRow::drifting)
                .setHeader(getTranslation("borough.drifting"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> percent(r.needsAchievedPercent())).setHeader(getTranslation("borough.needs-achieved"));
        grid.addColumn(r -> percent(r.reReferralPercent())).setHeader(getTranslation("borough.re-referrals"));
        grid.addColumn(r -> r.stepUps() + " / " + r.stepDowns()).setHeader(getTranslation("borough.steps"));
        grid.setItems(c.hubs());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("borough.hubs"));
        hubs.add(
                grid,
                download(
                        "borough-hubs-csv",
                        "borough.hubs",
                        List.of(
                                getTranslation("hubs.hub"),
                                getTranslation("hubs.status"),
                                getTranslation("dashboard.requests"),
                                getTranslation("dashboard.per-10000"),
                                getTranslation("borough.on-time"),
                                getTranslation("dashboard.open-cases-header"),
                                getTranslation("borough.drifting"),
                                getTranslation("borough.needs-achieved"),
                                getTranslation("borough.re-referrals"),
                                getTranslation("borough.step-ups"),
                                getTranslation("borough.step-downs")),
                        c.hubs().stream()
                                .map(r -> Arrays.<Object>asList(
                                        r.hub().name(),
                                        getTranslation("hubs.status."
                                                + r.hub().status().name().toLowerCase(Locale.ROOT)),
                                        r.requests(),
                                        tenth(r.requestsPer10000Children()),
                                        tenth(r.decidedOnTimePercent()),
                                        r.openCases(),
                                        r.drifting(),
                                        tenth(r.needsAchievedPercent()),
                                        tenth(r.reReferralPercent()),
                                        r.stepUps(),
                                        r.stepDowns()))
                                .toList()),
                definitions(c.driftWeeks(), c.oversightWeeks()));
        hubs.add(new Paragraph(getTranslation("borough.chart.requests")));
        hubs.add(SvgChart.bars(
                getTranslation("borough.chart.requests"),
                c.hubs().stream()
                        .map(r -> new SvgChart.Bar(
                                shortName(r.hub().name()),
                                r.requestsPer10000Children(),
                                String.format(Locale.UK, "%.0f", r.requestsPer10000Children())))
                        .toList(),
                0));
        add(hubs);

        Section pilot = new Section(new H2(getTranslation("borough.pilot")));
        pilot.setId("borough-pilot");
        pilot.add(new Paragraph(getTranslation("borough.pilot.intro")));
        pilot.add(Definition.of(
                getTranslation("define.summary"), "borough.pilot", getTranslation("define.borough.pilot")));
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.UK);
        List<PilotMonth> months = c.pilotAgainstOthers();
        pilot.add(new Paragraph(getTranslation("borough.chart.pilot")));
        pilot.add(SvgChart.bars(
                getTranslation("borough.chart.pilot"),
                months.stream()
                        .map(m -> new SvgChart.Bar(
                                month.format(m.month()),
                                m.pilotRequestsPer10000(),
                                String.format(Locale.UK, "%.1f", m.pilotRequestsPer10000())))
                        .toList(),
                0));
        pilot.add(new Paragraph(getTranslation("borough.chart.others")));
        pilot.add(SvgChart.bars(
                getTranslation("borough.chart.others"),
                months.stream()
                        .map(m -> new SvgChart.Bar(
                                month.format(m.month()),
                                m.otherRequestsPer10000(),
                                String.format(Locale.UK, "%.1f", m.otherRequestsPer10000())))
                        .toList(),
                0));
        Grid<PilotMonth> table = new Grid<>();
        table.addColumn(m -> DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).format(m.month()))
                .setHeader(getTranslation("dashboard.month"));
        table.addColumn(m -> String.format(Locale.UK, "%.1f", m.pilotRequestsPer10000()))
                .setHeader(getTranslation("borough.pilot.requests"));
        table.addColumn(m -> String.format(Locale.UK, "%.1f", m.otherRequestsPer10000()))
                .setHeader(getTranslation("borough.other.requests"));
        table.addColumn(m -> percent(m.pilotOnTimePercent())).setHeader(getTranslation("borough.pilot.on-time"));
        table.addColumn(m -> percent(m.otherOnTimePercent())).setHeader(getTranslation("borough.other.on-time"));
        table.setItems(months);
        table.setAllRowsVisible(true);
        table.setAriaLabel(getTranslation("borough.pilot"));
        pilot.add(
                table,
                download(
                        "borough-pilot-csv",
                        "borough.pilot",
                        List.of(
                                getTranslation("dashboard.month"),
                                getTranslation("borough.pilot.requests"),
                                getTranslation("borough.other.requests"),
                                getTranslation("borough.pilot.on-time"),
                                getTranslation("borough.other.on-time")),
                        months.stream()
                                .map(m -> Arrays.<Object>asList(
                                        m.month().toString(),
                                        tenth(m.pilotRequestsPer10000()),
                                        tenth(m.otherRequestsPer10000()),
                                        tenth(m.pilotOnTimePercent()),
                                        tenth(m.otherOnTimePercent())))
                                .toList()));
        add(pilot);
    }

    /**
     * How each column is counted, one click from the table: the same words as the hub dashboard's,
     * from the same texts (and in docs/figures.md).
     */
    private Details definitions(int driftWeeks, int oversightWeeks) {
        UnorderedList list = new UnorderedList();
        for (String[] column : BOROUGH_COLUMNS) {
            String text = column[1].equals("define.dashboard.drift")
                    ? getTranslation(column[1], driftWeeks, oversightWeeks)
                    : getTranslation(column[1]);
            list.add(new ListItem(getTranslation(column[0]) + ": " + text));
        }
        return Definition.of(getTranslation("define.summary"), "borough.hubs", list);
    }

    /** The table's columns and their definitions. */
    static final String[][] BOROUGH_COLUMNS = {
        {"dashboard.requests", "define.borough.requests"},
        {"dashboard.per-10000", "define.borough.per-10000"},
        {"borough.on-time", "define.dashboard.on-time"},
        {"dashboard.open-cases-header", "define.dashboard.open-cases"},
        {"borough.drifting", "define.dashboard.drift"},
        {"borough.needs-achieved", "define.dashboard.needs-achieved"},
        {"borough.re-referrals", "define.dashboard.re-referrals"},
        {"borough.steps", "define.dashboard.step-ups"}
    };

    /** A table of the page as CSV, recorded in the audit log; percentages without the % sign. */
    private Anchor download(String id, String titleKey, List<String> headers, List<? extends List<?>> rows) {
        String title = getTranslation(titleKey);
        return CsvDownload.of(
                id,
                getTranslation("export.csv", title),
                TableDownloads.fileName(title),
                () -> downloads.csv(title, null, headers, new TableRows(rows)));
    }

    /** A rate or percentage to one decimal place; nothing where there is none yet. */
    static @Nullable Double tenth(@Nullable Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private String percent(@Nullable Double value) {
        return value == null ? getTranslation("dashboard.none-yet") : String.format(Locale.UK, "%.0f%%", value);
    }

    private static String shortName(String name) {
        return name.split("[,(&]")[0].strip();
    }
}
