package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.earlyhelp.shared.Message;
import org.earlyhelp.sufficiency.Problem;
import org.earlyhelp.sufficiency.internal.Returns.EpisodeRow;
import org.earlyhelp.sufficiency.internal.Returns.HeaderRow;
import org.jspecify.annotations.Nullable;

/**
 * The SSDA903 checks that matter most for counting children in care, each with a plain-English
 * message. Errors stop an upload (nothing is saved): they make the data impossible to count
 * (dates that are not dates, unknown codes, an episode ending before it starts, a child missing
 * from the header). Inconsistencies a count can live with are warnings, reported and kept.
 * The full list, with what each checks, is in {@code docs/sufficiency.md}.
 */
public final class Rules {

    static final Set<String> ETHNIC = Set.of(
            "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
            "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    static final Set<String> RNE = Set.of("S", "P", "L", "T", "U", "B");
    static final Set<String> LS = Set.of("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4");
    static final Set<String> CIN = Set.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
    static final Set<String> PLACE = Set.of(
            "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1",
            "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14");
    static final Set<String> PROVIDER = Set.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    static final Set<String> REC = Set.of(
            "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E43", "E44", "E45", "E46", "E47",
            "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "X1");
    static final Set<String> PLACE_CHANGE = Set.of(
            "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD",
            "OTHER");
    private static final Pattern POSTCODE =
            Pattern.compile("^[A-Z]{1,2}\\d[A-Z\\d]?(\\s*\\d[A-Z]{2})?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern URN = Pattern.compile("^(SC)?\\d{6,7}$|^XXXXXXX$", Pattern.CASE_INSENSITIVE);

    /**
     * Every rule: its code, what it checks, whether it stops the upload, and the DfE SSDA903
     * validation rules it corresponds to (their codes as the DfE's validator numbers them; none
     * where the check is this application's own, for example about the files themselves).
     */
    public record Rule(String code, boolean error, List<String> dfe) {

        public Rule {
            dfe = List.copyOf(dfe);
        }

        /** What it checks, from the translation files ({@code sufficiency.rule.<code>}). */
        public Message checks() {
            return new Message("sufficiency.rule." + code.toLowerCase(Locale.ROOT));
        }
    }

    /** The DfE validation rules a check corresponds to, or none (also for a problem with a file). */
    public static List<String> dfe(String code) {
        Rule rule = BY_CODE.get(code);
        return rule == null ? List.of() : rule.dfe();
    }

    public static final List<Rule> ALL = List.of(
            new Rule("H01", true, List.of()),
            new Rule("H02", true, List.of("101")),
            new Rule("H03", true, List.of("102")),
            new Rule("H04", true, List.of("301")),
            new Rule("H05", false, List.of("103")),
            new Rule("H06", true, List.of()),
            new Rule("E01", true, List.of()),
            new Rule("E02", true, List.of("141")),
            new Rule("E03", true, List.of()),
            new Rule("E04", true, List.of("302")),
            new Rule("E05", true, List.of("143")),
            new Rule("E06", true, List.of("144")),
            new Rule("E07", true, List.of("145")),
            new Rule("E08", true, List.of("146")),
            new Rule("E09", true, List.of("178")),
            new Rule("E10", false, List.of("526")),
            new Rule("E11", true, List.of("147")),
            new Rule("E12", true, List.of("356")),
            new Rule("E13", true, List.of("149")),
            new Rule("E14", true, List.of("148")),
            new Rule("E15", false, List.of("148")),
            new Rule("E16", false, List.of("1009")),
            new Rule("E17", false, List.of("392c")),
            new Rule("E18", false, List.of("392c")),
            new Rule("E19", false, List.of("218", "1008")),
            new Rule("E20", false, List.of("501")),
            new Rule("E21", true, List.of("352")),
            new Rule("E22", true, List.of()),
            new Rule("E23", false, List.of()),
            new Rule("E24", false, List.of("431")),
            new Rule("E25", false, List.of("433")),
            new Rule("E26", false, List.of("142")));

    private static final Map<String, Rule> BY_CODE = index();

    private static Map<String, Rule> index() {
        Map<String, Rule> m = new HashMap<>();
        ALL.forEach(r -> m.put(r.code(), r));
        return m;
    }

    private Rules() {}

    /** Every problem in an upload, in file and line order. */
    public static List<Problem> check(Returns.Read read, LocalDate today) {
        Found found = new Found();
        Map<String, HeaderRow> children = new LinkedHashMap<>();
        Map<String, LocalDate> born = new HashMap<>();
        for (HeaderRow h : read.headers()) {
            checkHeader(h, today, children, born, found);
        }
        Map<String, List<EpisodeRow>> byChild = new LinkedHashMap<>();
        Map<String, EpisodeRow> seen = new HashMap<>();
        for (EpisodeRow e : read.episodes()) {
            checkEpisode(e, today, children.containsKey(e.child()), born.get(e.child()), found);
            LocalDate start = Returns.date(e.decom());
            if (start != null) {
                EpisodeRow twin = seen.putIfAbsent(e.file() + "|" + e.child() + "|" + start, e);
                if (twin != null && !twin.equals(e) && !sameEpisode(twin, e)) {
                    found.at(e, "E22", new Message("sufficiency.rule.e22.episode-also-line-0-with", twin.line()));
                }
                byChild.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<EpisodeRow> episodes : byChild.values()) {
            checkSequence(merge(episodes), found);
        }
        found.problems.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
        return found.problems;
    }

    /** A child's header row (H01 to H06); a child seen before must agree with its first row. */
    private static void checkHeader(
            HeaderRow h, LocalDate today, Map<String, HeaderRow> children, Map<String, LocalDate> born, Found found) {
        if (h.child().isBlank()) {
            found.at(h, "H01", "", new Message("sufficiency.rule.h01.child-has-no-child-id"));
            return;
        }
        if (Returns.sex(h.sex()) == null) {
            found.at(h, "H02", h.child(), new Message("sufficiency.rule.h02.sex-0-should-1-male", h.sex()));
        }
        LocalDate dob = Returns.date(h.dob());
        if (dob == null) {
            found.at(h, "H03", h.child(), new Message("sufficiency.rule.h03.dob-0-not-date-like", h.dob()));
        } else if (dob.isAfter(today)) {
            found.at(h, "H04", h.child(), new Message("sufficiency.rule.h04.dob-0-future", h.dob()));
        } else {
            born.putIfAbsent(h.child(), dob);
        }
        if (!ETHNIC.contains(h.ethnic().toUpperCase())) {
            found.at(h, "H05", h.child(), new Message("sufficiency.rule.h05.ethnic-0-not-dfe-ethnicity", h.ethnic()));
        }
        HeaderRow before = children.putIfAbsent(h.child(), h);
        if (before != null
                && !(same(Returns.sex(before.sex()), Returns.sex(h.sex())) && same(Returns.date(before.dob()), dob))) {
            found.at(
                    h,
                    "H06",
                    h.child(),
                    new Message("sufficiency.rule.h06.child-also-0-line-1", before.file(), before.line()));
        }
    }

    /** One episode on its own (E01 to E19, E21, E23): its dates, codes and postcodes. */
    private static void checkEpisode(
            EpisodeRow e, LocalDate today, boolean childKnown, @Nullable LocalDate dob, Found found) {
        if (!childKnown) {
            found.at(e, "E01", new Message("sufficiency.rule.e01.child-0-has-episode-but", e.child()));
        }
        LocalDate start = Returns.date(e.decom());
        LocalDate end = Returns.date(e.dec());
        if (start == null) {
            found.at(e, "E02", new Message("sufficiency.rule.e02.decom-0-not-date", e.decom()));
        } else {
            if (start.isAfter(today)) {
                found.at(e, "E03", new Message("sufficiency.rule.e03.decom-0-future", e.decom()));
            }
            if (dob != null && start.isBefore(dob)) {
                found.at(e, "E04", new Message("sufficiency.rule.e04.episode-starts-0-before-child", e.decom()));
            } else if (dob != null && Period.between(dob, start).getYears() >= 18) {
                found.at(e, "E21", new Message("sufficiency.rule.e21.child-was-18-over-when"));
            }
        }
        code(found, "E05", RNE, e.rne(), e, "RNE");
        code(found, "E06", LS, e.ls(), e, "LS");
        code(found, "E07", CIN, e.cin(), e, "CIN");
        code(found, "E08", PLACE, e.place(), e, "PLACE");
        if (!e.provider().isBlank()) {
            code(found, "E09", PROVIDER, e.provider(), e, "PLACE_PROVIDER");
        } else if (!Set.of("T0", "T1", "T2", "T3", "T4", "P1", "Z1")
                .contains(e.place().toUpperCase())) {
            found.at(e, "E10", new Message("sufficiency.rule.e10.place-provider-missing-placement-0", e.place()));
        }
        if (!e.dec().isBlank() && end == null) {
            found.at(e, "E11", new Message("sufficiency.rule.e11.dec-0-not-date", e.dec()));
        }
        if (start != null && end != null && end.isBefore(start)) {
            found.at(e, "E12", new Message("sufficiency.rule.e12.episode-ends-0-before-starts", e.dec(), e.decom()));
        }
        if (!e.rec().isBlank()) {
            code(found, "E13", REC, e.rec(), e, "REC");
        }
        if (!e.dec().isBlank() && e.rec().isBlank()) {
            found.at(e, "E14", new Message("sufficiency.rule.e14.episode-ended-0-but-rec", e.dec()));
        }
        if (e.dec().isBlank() && !e.rec().isBlank() && !e.rec().equalsIgnoreCase("X1")) {
            found.at(e, "E15", new Message("sufficiency.rule.e15.rec-0-but-there-no", e.rec()));
        }
        if (!e.reasonPlaceChange().isBlank()
                && !PLACE_CHANGE.contains(e.reasonPlaceChange().toUpperCase())) {
            found.at(e, "E16", new Message("sufficiency.rule.e16.reason-place-change-0-not", e.reasonPlaceChange()));
        }
        if (!e.homePost().isBlank() && !POSTCODE.matcher(e.homePost().strip()).matches()) {
            found.at(e, "E17", new Message("sufficiency.rule.e17.home-post-0-not-postcode", e.homePost()));
        }
        if (!e.plPost().isBlank() && !POSTCODE.matcher(e.plPost().strip()).matches()) {
            found.at(e, "E18", new Message("sufficiency.rule.e18.pl-post-0-not-postcode", e.plPost()));
        }
        if (Set.of("K1", "K2").contains(e.place().toUpperCase())
                && !URN.matcher(e.urn().strip()).matches()) {
            found.at(e, "E19", new Message("sufficiency.rule.e19.children-s-home-placement-needs"));
        }
        if ("P1".equalsIgnoreCase(e.place()) && "V2".equalsIgnoreCase(e.ls())) {
            found.at(e, "E23", new Message("sufficiency.rule.e23.child-accommodated-under-section-20"));
        }
    }

    /** A child's episodes in order (E20, E24 to E26): each starts where the one before ended. */
    private static void checkSequence(List<EpisodeRow> merged, Found found) {
        for (int i = 1; i < merged.size(); i++) {
            EpisodeRow previous = merged.get(i - 1);
            EpisodeRow e = merged.get(i);
            LocalDate prevEnd = Returns.date(previous.dec());
            LocalDate start = Returns.date(e.decom());
            if (start == null) {
                continue;
            }
            if (prevEnd == null) {
                found.at(
                        e,
                        "E26",
                        new Message("sufficiency.rule.e26.earlier-episode-0-has-no", previous.decom(), e.decom()));
            } else if (start.isBefore(prevEnd)) {
                found.at(
                        e,
                        "E20",
                        new Message(
                                "sufficiency.rule.e20.episode-starts-0-before-previous", e.decom(), previous.dec()));
            } else if (start.equals(prevEnd) && "S".equalsIgnoreCase(e.rne())) {
                found.at(e, "E24", new Message("sufficiency.rule.e24.new-period-care-rne-s"));
            } else if (start.isAfter(prevEnd) && !"S".equalsIgnoreCase(e.rne())) {
                found.at(e, "E25", new Message("sufficiency.rule.e25.after-gap-care-from-0", previous.dec()));
            }
        }
    }

    /** The problems found so far, each with its rule's severity. */
    private static final class Found {

        final List<Problem> problems = new ArrayList<>();

        void at(HeaderRow h, String rule, String child, Message why) {
            problems.add(new Problem(rule, BY_CODE.get(rule).error(), h.file(), h.line(), child, why));
        }

        void at(EpisodeRow e, String rule, Message why) {
            problems.add(new Problem(rule, BY_CODE.get(rule).error(), e.file(), e.line(), e.child(), why));
        }
    }

    /**
     * A child's episodes across years, one per start date: a later year's report of an episode
     * replaces an earlier one (an episode open at one year end is reported closed the next).
     */
    public static List<EpisodeRow> merge(List<EpisodeRow> episodes) {
        Map<LocalDate, EpisodeRow> byStart = new TreeMap<>();
        for (EpisodeRow e : episodes) {
            LocalDate start = Returns.date(e.decom());
            if (start == null) {
                continue;
            }
            EpisodeRow before = byStart.get(start);
            if (before == null || e.year() >= before.year()) {
                byStart.put(start, e);
            }
        }
        return new ArrayList<>(byStart.values());
    }

    private static boolean sameEpisode(EpisodeRow a, EpisodeRow b) {
        return a.rne().equals(b.rne())
                && a.ls().equals(b.ls())
                && a.place().equals(b.place())
                && a.dec().equals(b.dec())
                && a.rec().equals(b.rec());
    }

    private static void code(Found found, String rule, Set<String> valid, String value, EpisodeRow e, String field) {
        if (!valid.contains(value.strip().toUpperCase())) {
            found.at(
                    e,
                    rule,
                    new Message(
                            value.isBlank() ? "sufficiency.rule.code-empty" : "sufficiency.rule.not-a-code",
                            field,
                            value));
        }
    }

    private static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
