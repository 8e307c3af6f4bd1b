package org.earlyhelp.insight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.AreaMap;
import org.earlyhelp.insight.HubDashboard;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.SvgMap;

/**
 * How far a hub's early help reaches each of its areas: requests per 10,000 children, drawn as a
 * map in four bands with its legend, and the same rates as a table.
 */
final class ReachMap {

    private static final List<String> BANDS = List.of("#deebf7", "#9ecae1", "#4292c6", "#08519c");

    private ReachMap() {}

    /** The hub's areas shaded by their rate, or a sentence saying there is no map. */
    static Component of(AreaMap map, List<HubDashboard.Reach> reach) {
        Map<String, HubDashboard.Reach> byArea =
                reach.stream().collect(Collectors.toMap(HubDashboard.Reach::areaCode, Function.identity()));
        double max =
                reach.stream().mapToDouble(HubDashboard.Reach::per10000).max().orElse(0);
        if (map.isEmpty()) {
            return new Paragraph(I18NProvider.translate("dashboard.reach.no-map"));
        }
        Div holder = new Div();
        holder.addClassName("map-holder");
        holder.setId("reach-map");
        holder.add(SvgMap.draw(
                map.width(),
                map.height(),
                I18NProvider.translate("dashboard.reach.map-title"),
                map.areas().stream()
                        .map(a -> {
                            HubDashboard.Reach r = byArea.get(a.code());
                            double value = r == null ? 0 : r.per10000();
                            return new SvgMap.Region(
                                    a.code(),
                                    a.path(),
                                    BANDS.get(band(value, max)),
                                    I18NProvider.translate(
                                            "dashboard.reach.tooltip",
                                            a.name(),
                                            String.format(Locale.UK, "%.0f", value),
                                            a.imdDecile() == null ? "-" : a.imdDecile()));
                        })
                        .toList()));
        UnorderedList legend = new UnorderedList();
        legend.addClassName("map-legend");
        for (int i = 0; i < BANDS.size(); i++) {
            Span swatch = new Span();
            swatch.addClassName("swatch");
            swatch.getStyle().set("background", BANDS.get(i));
            legend.add(new ListItem(swatch, new Span(I18NProvider.translate("dashboard.reach.band." + i))));
        }
        holder.add(legend);
        return holder;
    }

    /** The same rates as a table, built when it is first opened. */
    static Component table(List<HubDashboard.Reach> reach) {
        return Disclosure.of(I18NProvider.translate("dashboard.reach.table"), () -> {
            Grid<HubDashboard.Reach> table = new Grid<>();
            table.addColumn(HubDashboard.Reach::areaName).setHeader(I18NProvider.translate("hubs.area.name"));
            table.addColumn(HubDashboard.Reach::children).setHeader(I18NProvider.translate("hubs.children"));
            table.addColumn(HubDashboard.Reach::requests).setHeader(I18NProvider.translate("dashboard.requests"));
            table.addColumn(r -> String.format(Locale.UK, "%.0f", r.per10000()))
                    .setHeader(I18NProvider.translate("dashboard.per-10000"));
            table.addColumn(r -> r.imdDecile() == null ? "" : String.valueOf(r.imdDecile()))
                    .setHeader(I18NProvider.translate("hubs.area.imd-decile"));
            table.setItems(reach);
            table.setAriaLabel(I18NProvider.translate("dashboard.reach.table"));
            table.setHeight("20rem");
            return table;
        });
    }

    /** Four bands: none, then thirds of the highest rate. */
    private static int band(double value, double max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.min(3, 1 + (int) Math.floor(value / max * 2.999));
    }
}
