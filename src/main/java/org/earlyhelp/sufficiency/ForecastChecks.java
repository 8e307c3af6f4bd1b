package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.sufficiency.Forecasts.Scenario;

/**
 * What a forecast, a back-test and a scenario must hold, and the notes a forecast carries when a
 * scenario asks for more children than a cohort has: plain rules on the facts given, tested
 * without Spring or a database.
 */
final class ForecastChecks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private ForecastChecks() {}

    static void refuseProblems(Map<String, Message> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** A forecast runs 1 to 5 years, on a reference period of at least 90 days, with inflation of -10 to 30%. */
    static Map<String, Message> forecastProblems(
            LocalDate referenceFrom, LocalDate referenceTo, int years, double inflationPercent) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (years < 1 || years > 5) {
            problems.put("years", new Message("sufficiency.problem.years.forecast-from-1-5-years"));
        }
        if (!referenceFrom.isBefore(referenceTo)) {
            problems.put(
                    "referenceFrom",
                    new Message("sufficiency.problem.referencefrom.reference-period-must-start-before"));
        } else if (ChronoUnit.DAYS.between(referenceFrom, referenceTo) < 90) {
            problems.put(
                    "referenceFrom", new Message("sufficiency.problem.referencefrom.use-reference-period-least-3"));
        }
        if (inflationPercent < -10 || inflationPercent > 30) {
            problems.put("inflation", new Message("sufficiency.problem.inflation.inflation-between-10-30-year"));
        }
        return problems;
    }

    /**
     * A back-test forecasts forwards, on a reference period of at least 90 days that ends by the
     * day it forecasts from (it must not see what it forecasts).
     */
    static Map<String, Message> backTestProblems(
            LocalDate from, LocalDate to, LocalDate referenceFrom, LocalDate referenceTo) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (!from.isBefore(to)) {
            problems.put("backTest", new Message("sufficiency.problem.backtest.back-test-must-forecast-forwards"));
        }
        if (!referenceFrom.isBefore(referenceTo)) {
            problems.put(
                    "backTestReference",
                    new Message("sufficiency.problem.referencefrom.reference-period-must-start-before"));
        } else if (ChronoUnit.DAYS.between(referenceFrom, referenceTo) < 90) {
            problems.put(
                    "backTestReference", new Message("sufficiency.problem.referencefrom.use-reference-period-least-3"));
        } else if (referenceTo.isAfter(from)) {
            problems.put(
                    "backTestReference",
                    new Message("sufficiency.problem.backtestreference.reference-period-must-end-by"));
        }
        return problems;
    }

    /**
     * A scenario has a name of up to 80 characters, factors from 0 to 5, no negative numbers of
     * children and no more than a cohort holds on the day forecasts start ({@code cohorts}: those
     * placed with parents, and in family and friends fostering), an early help reduction from 0 to
     * 1, and adds or takes away at most 10,000 entries a year.
     */
    static Map<String, Message> scenarioProblems(Scenario s, Optional<int[]> cohorts, Optional<LocalDate> start) {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > 80) {
            problems.put("name", new Message("sufficiency.problem.name.name-scenario-up-80-characters"));
        }
        if (s.entryFactor() < 0
                || s.entryFactor() > 5
                || s.exitFactor() < 0
                || s.exitFactor() > 5
                || s.moveFactor() < 0
                || s.moveFactor() > 5) {
            problems.put("factors", new Message("sufficiency.problem.factors.multiply-rates-by-0-5"));
        }
        if (s.dischargeCareOrdersAtHome() < 0 || s.familyAndFriendsToSgo() < 0) {
            problems.put("numbers", new Message("sufficiency.problem.numbers.numbers-children-cannot-negative"));
        } else if (start.isPresent() && cohorts.isPresent()) {
            int[] cohort = cohorts.get();
            if (s.dischargeCareOrdersAtHome() > cohort[0]) {
                problems.put(
                        "discharge",
                        new Message(
                                "sufficiency.problem.discharge.only-0-children-are-placed",
                                cohort[0],
                                DAY.format(start.get()),
                                cohort[0]));
            }
            if (s.familyAndFriendsToSgo() > cohort[1]) {
                problems.put(
                        "sgo",
                        new Message(
                                "sufficiency.problem.sgo.only-0-children-are-family",
                                cohort[1],
                                DAY.format(start.get()),
                                cohort[1]));
            }
        }
        if (s.earlyHelpEntryReduction() < 0 || s.earlyHelpEntryReduction() > 1) {
            problems.put("earlyHelp", new Message("sufficiency.problem.earlyhelp.early-help-reduces-entries-by"));
        }
        if (Math.abs(s.entriesAddedAYear()) > 10_000) {
            problems.put("entries", new Message("sufficiency.problem.entries.add-take-away-most-10"));
        }
        return problems;
    }

    /** Where a scenario asks for more children than its cohort had on the start day, and what the forecast does. */
    static List<String> cohortNotes(List<Scenario> scenarios, int[] cohorts, LocalDate start) {
        List<String> notes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.dischargeCareOrdersAtHome() > cohorts[0]) {
                notes.add(scenario.name() + " discharges " + scenario.dischargeCareOrdersAtHome()
                        + " children placed with parents, but " + cohorts[0] + " are on " + DAY.format(start)
                        + "; the forecast discharges " + cohorts[0] + ".");
            }
            if (scenario.familyAndFriendsToSgo() > cohorts[1]) {
                notes.add(scenario.name() + " moves " + scenario.familyAndFriendsToSgo()
                        + " family and friends placements to an SGO, but " + cohorts[1] + " are on " + DAY.format(start)
                        + "; the forecast moves " + cohorts[1] + ".");
            }
        }
        return notes;
    }
}
