package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earlyhelp.shared.ui.SvgChart;
import org.earlyhelp.sufficiency.ExportedTables;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.sufficiency.FosterCarers;
import org.earlyhelp.sufficiency.TableExports;

/**
 * The forecast's gaps at the horizon: need by home area against the places there, and fostering
 * need by age band against the carers' register.
 */
final class ForecastGapSections {

    private final TableExports exports;
    private final NumberFormat whole = NumberFormat.getIntegerInstance(Locale.UK);

    ForecastGapSections(TableExports exports) {
        this.exports = exports;
    }

    /** Need shared out by home area against providers' places there. */
    Section byArea(List<Forecasts.AreaGap> gaps, double total) {
        String title = I18NProvider.translate("forecast.area-gap.title");
        Section section = new Section(new H3(title));
        if (gaps.isEmpty()) {
            Paragraph none = new Paragraph(I18NProvider.translate("forecast.area-gap.no-lookup"));
            none.addClassName("empty-state");
            section.add(none);
            return section;
        }
        section.add(
                new Paragraph(I18NProvider.translate("forecast.area-gap.intro")),
                Labels.define("forecast.area-gap.title"));
        Grid<Forecasts.AreaGap> grid = new Grid<>();
        grid.addColumn(Forecasts.AreaGap::area)
                .setHeader(I18NProvider.translate("forecast.area-gap.area"))
                .setAutoWidth(true);
        grid.addColumn(g -> whole.format(g.inCareNow()))
                .setHeader(I18NProvider.translate("forecast.area-gap.now"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> whole.format(Math.round(g.need())))
                .setHeader(I18NProvider.translate("forecast.gap.need"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> whole.format(g.places()))
                .setHeader(I18NProvider.translate("forecast.gap.supply"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> whole.format(Math.round(g.gap())))
                .setHeader(I18NProvider.translate("forecast.gap.gap"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(gaps);
        grid.setAllRowsVisible(true);
        grid.setId("area-gap");
        grid.setAriaLabel(title);
        List<SvgChart.Bar> bars = new ArrayList<>();
        gaps.forEach(g -> bars.add(new SvgChart.Bar(g.area(), g.gap(), whole.format(Math.round(g.gap())))));
        section.add(
                grid,
                SvgChart.bars(title, bars, 0),
                CsvLink.forTable(
                        exports,
                        "area-gap-csv",
                        title,
                        List.of(
                                I18NProvider.translate("forecast.area-gap.area"),
                                I18NProvider.translate("forecast.area-gap.now"),
                                I18NProvider.translate("forecast.gap.need"),
                                I18NProvider.translate("forecast.gap.supply"),
                                I18NProvider.translate("forecast.gap.gap")),
                        ExportedTables.areaGaps(gaps),
                        ExportedTables.areaGapsKnown(gaps, total)));
        return section;
    }

    /** Fostering need by age band at the horizon against the carers' register. */
    Section fosteringByAge(List<FosterCarers.AgeGap> gaps) {
        String title = I18NProvider.translate("forecast.age-gap.title");
        Section section = new Section(
                new H3(title),
                new Paragraph(I18NProvider.translate("forecast.age-gap.intro")),
                Labels.define("forecast.age-gap.title"));
        Grid<FosterCarers.AgeGap> grid = new Grid<>();
        grid.addColumn(g -> g.ageBand().replaceFirst("^\\d\\. ", ""))
                .setHeader(I18NProvider.translate("forecast.age-gap.band"))
                .setAutoWidth(true);
        grid.addColumn(g -> whole.format(Math.round(g.need())))
                .setHeader(I18NProvider.translate("forecast.age-gap.need"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> whole.format(g.approvedPlaces()))
                .setHeader(I18NProvider.translate("forecast.carers.places"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(g -> whole.format(g.vacancies()))
                .setHeader(I18NProvider.translate("forecast.carers.vacancies"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(gaps);
        grid.setAllRowsVisible(true);
        grid.setId("age-gap");
        grid.setAriaLabel(title);
        section.add(
                grid,
                CsvLink.forTable(
                        exports,
                        "age-gap-csv",
                        title,
                        List.of(
                                I18NProvider.translate("forecast.age-gap.band"),
                                I18NProvider.translate("forecast.age-gap.need"),
                                I18NProvider.translate("forecast.carers.places"),
                                I18NProvider.translate("forecast.carers.vacancies")),
                        gaps.stream()
                                .map(g -> List.<Object>of(
                                        g.ageBand().replaceFirst("^\\d\\. ", ""),
                                        new TableExports.Children(g.need()),
                                        g.approvedPlaces(),
                                        g.vacancies()))
                                .toList()));
        return section;
    }
}
