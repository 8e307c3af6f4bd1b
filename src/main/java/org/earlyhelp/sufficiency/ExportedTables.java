package org.earlyhelp.sufficiency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.earlyhelp.sufficiency.TableExports.Children;
import org.earlyhelp.sufficiency.TableExports.Protection;

/**
 * The rows of the sufficiency tables that can be downloaded, and what a reader of each knows
 * besides its cells: the relations between its columns and the totals the page shows beside it.
 * The pages and the tests that try to work withheld counts back out use the same rows and
 * relations, so a relation left out here is a relation the tests' own attacker knows and finds.
 */
public final class ExportedTables {

    private ExportedTables() {}

    /** A breakdown of the children in care (group, children). */
    public static List<List<Object>> breakdown(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> List.<Object>of(e.getKey().replaceFirst("^\\d\\. ", ""), new Children(e.getValue())))
                .toList();
    }

    /** Its counts add up to the children in care shown above it. */
    public static Protection breakdownKnown(long total) {
        return Protection.of().columnAddsUpTo(1, total);
    }

    /** Need against supply by category (category, need, high, supply, gap). */
    public static List<List<Object>> gaps(List<Forecasts.Gap> gaps) {
        return gaps.stream()
                .map(g -> List.<Object>of(
                        g.category().english(),
                        new Children(g.need()),
                        new Children(g.high()),
                        g.supply(),
                        Math.round(g.gap())))
                .toList();
    }

    /**
     * Need is supply plus gap; the supply is in the form on the same page; the high end of each
     * category is its need times the band's share, which the page's total and band give; need adds
     * up to the forecast total, and the high ends to the band's top.
     *
     * @param end the forecast at the horizon that the table breaks down
     */
    public static Protection gapsKnown(Forecasts.Point end) {
        double factor = end.total() == 0 ? 1 : end.high() / end.total();
        return Protection.of()
                .sum(1, 3, 4)
                .rows(row -> Map.of(2, 1.0, 1, -factor))
                .shownOnPage(3)
                .columnAddsUpTo(1, end.total())
                .columnAddsUpTo(2, end.high());
    }

    /** Need against places by area (area, in care now, need, places, gap). */
    public static List<List<Object>> areaGaps(List<Forecasts.AreaGap> gaps) {
        return gaps.stream()
                .map(g -> List.<Object>of(
                        g.area(), new Children(g.inCareNow()), new Children(g.need()), g.places(), Math.round(g.gap())))
                .toList();
    }

    /**
     * Need is places plus gap; an area's need is the forecast shared out in proportion to the
     * children in care from it now; the needs add up to the forecast and the children now to the
     * children in care.
     */
    public static Protection areaGapsKnown(List<Forecasts.AreaGap> gaps, double forecast) {
        long now = gaps.stream().mapToLong(Forecasts.AreaGap::inCareNow).sum();
        double factor = now == 0 ? 0 : forecast / now;
        return Protection.of()
                .sum(2, 3, 4)
                .rows(row -> Map.of(2, 1.0, 1, -factor))
                .columnAddsUpTo(1, now)
                .columnAddsUpTo(2, forecast);
    }

    /**
     * Contracts in force (URN, provider, kind, category, beds, placed, empty beds, weekly cost,
     * empty beds' cost a week, starts, ends, ends soon).
     */
    public static List<List<Object>> contracts(List<Contracts.Occupancy> rows, LocalDate on, String yes) {
        return rows.stream()
                .map(c -> Arrays.<Object>asList(
                        c.urn(),
                        c.provider(),
                        c.kind(),
                        c.category().english(),
                        c.beds(),
                        new Children(c.childrenPlaced()),
                        c.emptyBeds(),
                        c.weeklyCost(),
                        c.emptyCostAWeek(),
                        c.startsOn(),
                        c.endsOn(),
                        c.endsSoon(on) ? yes : ""))
                .toList();
    }

    /**
     * The beds, empty beds and their cost are in the sentence above the table; in each row the
     * children placed are the beds less the empty beds (where no more are placed than there are
     * beds), and a block contract's empty beds cost its weekly price each.
     */
    public static Protection contractsKnown(List<Contracts.Occupancy> rows) {
        return Protection.of()
                .rows(row -> {
                    Double beds = TableExports.number(row.get(4));
                    Double placed = TableExports.number(row.get(5));
                    return beds != null && placed != null && placed <= beds ? Map.of(4, 1.0, 5, -1.0, 6, -1.0) : null;
                })
                .rows(row -> "block".equals(row.get(2)) && row.get(7) instanceof BigDecimal weekly
                        ? Map.of(8, 1.0, 6, -weekly.doubleValue())
                        : null)
                .columnAddsUpTo(
                        4, rows.stream().mapToInt(Contracts.Occupancy::beds).sum())
                .columnAddsUpTo(
                        6,
                        rows.stream().mapToInt(Contracts.Occupancy::emptyBeds).sum())
                .columnAddsUpTo(
                        8,
                        rows.stream()
                                .map(Contracts.Occupancy::emptyCostAWeek)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .doubleValue());
    }

    /** A back-test by category (category, forecast, actual). */
    public static List<List<Object>> backTest(Forecasts.BackTest test) {
        return test.byCategory().entrySet().stream()
                .map(x -> List.<Object>of(
                        x.getKey().english(), new Children(x.getValue()[0]), new Children(x.getValue()[1])))
                .toList();
    }

    /** The sentence above the table gives both totals. */
    public static Protection backTestKnown(Forecasts.BackTest test) {
        return Protection.of().columnAddsUpTo(1, test.forecastTotal()).columnAddsUpTo(2, test.actualTotal());
    }
}
