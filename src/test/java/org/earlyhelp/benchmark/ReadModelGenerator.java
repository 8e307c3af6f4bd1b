package org.earlyhelp.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates ten years of the insight read models at borough scale, deterministically from a seed,
 * and loads them with PostgreSQL's COPY: at 1x about 60,000 requests and 1,000,000 contacts across
 * the six hubs. Deprivation raises demand (areas are drawn by children times deprivation); most
 * cases close after 3 to 9 months; about one open case in ten drifts.
 */
final class ReadModelGenerator {

    /** The illustrative neighbourhoods' wards and hubs (Dudley, mid-2015), as in the demonstration. */
    static final Map<String, String> WARDS = Map.ofEntries(
            Map.entry("Coseley", "north-dudley"),
            Map.entry("Gornal", "north-dudley"),
            Map.entry("Sedgley", "north-dudley"),
            Map.entry("Upper Gornal & Woodsetton", "north-dudley"),
            Map.entry("Castle & Priory", "dudley-central"),
            Map.entry("Netherton & Holly Hall", "dudley-central"),
            Map.entry("St. James's", "dudley-central"),
            Map.entry("St. Thomas's", "dudley-central"),
            Map.entry("Amblecote", "brierley-hill"),
            Map.entry("Brierley Hill & Wordsley South", "brierley-hill"),
            Map.entry("Quarry Bank & Dudley Wood", "brierley-hill"),
            Map.entry("Wollaston & Stourbridge Town", "brierley-hill"),
            Map.entry("Brockmoor & Pensnett", "kingswinford"),
            Map.entry("Kingswinford North & Wall Heath", "kingswinford"),
            Map.entry("Kingswinford South", "kingswinford"),
            Map.entry("Wordsley North", "kingswinford"),
            Map.entry("Cradley North & Wollescote", "stourbridge"),
            Map.entry("Lye & Stourbridge North", "stourbridge"),
            Map.entry("Norton", "stourbridge"),
            Map.entry("Pedmore & Stourbridge East", "stourbridge"),
            Map.entry("Belle Vale", "halesowen"),
            Map.entry("Halesowen North", "halesowen"),
            Map.entry("Halesowen South", "halesowen"),
            Map.entry("Hayley Green & Cradley South", "halesowen"));

    record Scale(long requests, long cases, long contacts, long feedback, long careEpisodes, int years) {
        @Override
        public String toString() {
            return String.format(
                    "%,d requests, %,d cases, %,d contacts, %,d feedback, %,d care episodes over %d years",
                    requests, cases, contacts, feedback, careEpisodes, years);
        }
    }

    private record Area(String code, String hub, double weight) {}

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Random random;

    ReadModelGenerator(JdbcClient jdbc, DataSource dataSource, long seed) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.random = new Random(seed);
    }

    Scale generate(double scale) throws Exception {
        int years = 10;
        long requests = Math.round(60_000 * scale);
        double contactsPerCase = 30.0;
        List<Area> areas = areas();
        double totalWeight = areas.stream().mapToDouble(Area::weight).sum();
        List<String> hubs =
                List.of("north-dudley", "dudley-central", "brierley-hill", "kingswinford", "stourbridge", "halesowen");
        Instant now = Instant.now();
        long span =
                now.getEpochSecond() - now.minusSeconds(years * 365L * 86_400).getEpochSecond();

        Journey journey = new Journey();
        StringBuilder requestRows = new StringBuilder();
        StringBuilder caseRows = new StringBuilder();
        StringBuilder contactRows = new StringBuilder();
        Map<String, long[]> monthly = new HashMap<>();
        long cases = 0;
        long contacts = 0;
        for (long i = 0; i < requests; i++) {
            String hub;
            String area;
            if (areas.isEmpty()) {
                hub = hubs.get(random.nextInt(hubs.size()));
                area = null;
            } else {
                Area a = pick(areas, totalWeight);
                hub = a.hub();
                area = a.code();
            }
            Instant submitted = now.minusSeconds((long) (random.nextDouble() * span));
            Instant due = endOfNextWorkingDay(submitted);
            UUID request = UUID.randomUUID();
            UUID family = UUID.randomUUID();
            String label = "Family " + Long.toString(i, 36).toUpperCase();
            boolean reReferral = random.nextDouble() < 0.12;
            boolean stepDown = random.nextDouble() < 0.04;
            bump(monthly, hub, submitted, 0, 1);
            if (reReferral) {
                bump(monthly, hub, submitted, 10, 1);
            }
            if (stepDown) {
                bump(monthly, hub, submitted, 9, 1);
            }
            boolean undecided = submitted.isAfter(now.minusSeconds(2 * 86_400)) && random.nextDouble() < 0.5;
            Instant decided = null;
            String outcome = null;
            int level = 0;
            Instant allocated = null;
            Instant steppedUp = null;
            if (!undecided) {
                boolean late = random.nextDouble() < 0.15;
                decided = late
                        ? due.plusSeconds(3_600 + random.nextInt(3 * 86_400))
                        : submitted.plusSeconds(
                                random.nextInt((int) Math.max(60, due.getEpochSecond() - submitted.getEpochSecond())));
                if (decided.isAfter(now)) {
                    decided = now;
                }
                double o = random.nextDouble();
                outcome = o < 0.55
                        ? "EARLY_HELP"
                        : o < 0.70
                                ? "ADVICE"
                                : o < 0.85 ? "UNIVERSAL_SERVICE" : o < 0.93 ? "STEP_UP" : "NO_FURTHER_ACTION";
                level = outcome.equals("EARLY_HELP") ? 3 : outcome.equals("STEP_UP") ? 4 : 1 + random.nextInt(2);
                bump(monthly, hub, decided, 1, 1);
                if (!decided.isAfter(due)) {
                    bump(monthly, hub, decided, 2, 1);
                }
                if (outcome.equals("STEP_UP")) {
                    steppedUp = decided;
                    bump(monthly, hub, decided, 8, 1);
                }
            }
            if ("EARLY_HELP".equals(outcome) && random.nextDouble() < 0.97) {
                allocated = decided.plusSeconds(86_400L * (1 + random.nextInt(5)));
                if (allocated.isAfter(now)) {
                    allocated = now;
                }
                cases++;
                bump(monthly, hub, allocated, 3, 1);
                UUID caseId = UUID.randomUUID();
                String lead = hub + ".practitioner." + random.nextInt(40);
                LocalDate assessmentDue = allocated.atZone(LONDON).toLocalDate().plusDays(20);
                Instant closed = allocated.plusSeconds(86_400L * (90 + random.nextInt(180)));
                boolean open = closed.isAfter(now);
                boolean drifts = open && random.nextDouble() < 0.10;
                Instant assessed = allocated.plusSeconds(86_400L * (5 + random.nextInt(25)));
                if (assessed.isAfter(now)) {
                    assessed = null;
                }
                Instant end = open ? (drifts ? now.minusSeconds(86_400L * (35 + random.nextInt(30))) : now) : closed;
                Instant last = null;
                long contactsOfCase = 0;
                long n = Math.max(
                        1,
                        Math.round(contactsPerCase
                                * (end.getEpochSecond() - allocated.getEpochSecond())
                                / (180.0 * 86_400)));
                for (long k = 0; k < n && allocated.plusSeconds(k * 6 * 86_400L).isBefore(end); k++) {
                    Instant at = allocated.plusSeconds(k * 6 * 86_400L + random.nextInt(86_400));
                    if (at.isAfter(end)) {
                        break;
                    }
                    UUID contactId = UUID.randomUUID();
                    contactRows.append(contactId).append('\n');
                    boolean seen = random.nextInt(3) > 0;
                    journey.contact.write(row(
                            contactId,
                            caseId,
                            at.atZone(LONDON).toLocalDate(),
                            "HOME_VISIT",
                            45,
                            seen,
                            seen ? "Things are better." : null,
                            "Visited the family.",
                            lead,
                            "A practitioner",
                            at));
                    bump(monthly, hub, at, 4, 1);
                    last = at;
                    contacts++;
                    contactsOfCase++;
                }
                LocalDate nextReview = assessed == null
                        ? null
                        : assessed.atZone(LONDON).toLocalDate().plusWeeks(6);
                if (nextReview != null && open) {
                    while (nextReview.isBefore(LocalDate.now(LONDON).minusDays(drifts ? 10 : -1))) {
                        nextReview = nextReview.plusMonths(3);
                    }
                }
                int needs = 3 + random.nextInt(3);
                int achieved = open ? 0 : Math.max(0, needs - random.nextInt(3));
                if (!open) {
                    bump(monthly, hub, closed, 5, 1);
                    bump(monthly, hub, closed, 6, needs);
                    bump(monthly, hub, closed, 7, achieved);
                }
                caseRows.append(row(
                        caseId,
                        request,
                        family,
                        label,
                        hub,
                        lead,
                        allocated,
                        assessmentDue,
                        assessed,
                        nextReview,
                        last,
                        contactsOfCase,
                        open ? null : closed,
                        open ? null : "NEEDS_MET",
                        open ? null : needs,
                        open ? null : achieved));
                journey.caseFile.write(row(
                        caseId,
                        request,
                        family,
                        hub,
                        lead,
                        "Practitioner " + lead.substring(lead.lastIndexOf('.') + 1),
                        "Dudley Council",
                        allocated,
                        "A hub lead",
                        assessmentDue,
                        assessed,
                        open ? nextReview : null,
                        open ? null : closed,
                        open ? null : "NEEDS_MET",
                        null,
                        null,
                        0));
            }
            requestRows.append(row(
                    request,
                    family,
                    label,
                    hub,
                    area,
                    submitted,
                    due,
                    reReferral,
                    stepDown,
                    decided,
                    decided == null ? null : level,
                    outcome,
                    allocated,
                    steppedUp));
            String surname = SURNAMES.get((int) (i % SURNAMES.size())) + Long.toString(i, 36);
            journey.family.write(row(
                    family, label, (1 + i % 200) + " High Street", postcodeOf(area), area, hub, false, submitted, 0));
            journey.person.write(row(
                    UUID.randomUUID(),
                    family,
                    "Sam",
                    surname,
                    LocalDate.now(LONDON).minusYears(25 + random.nextInt(20)),
                    "PARENT",
                    null,
                    null,
                    0));
            journey.person.write(row(
                    UUID.randomUUID(),
                    family,
                    "Alex",
                    surname,
                    LocalDate.now(LONDON).minusYears(1 + random.nextInt(16)),
                    "CHILD",
                    null,
                    null,
                    1));
            String status = decided == null
                    ? "AWAITING_DECISION"
                    : switch (outcome) {
                        case "EARLY_HELP" -> allocated == null ? "AWAITING_ALLOCATION" : "ALLOCATED";
                        case "STEP_UP" -> "STEPPED_UP";
                        default -> "DECIDED";
                    };
            journey.request.write(row(
                    request,
                    family,
                    hub,
                    null,
                    "referrer." + random.nextInt(400),
                    "A referrer",
                    "A school",
                    "portal",
                    submitted,
                    due,
                    "",
                    "",
                    reReferral,
                    stepDown,
                    false,
                    status,
                    decided,
                    decided == null ? null : "A hub lead",
                    decided == null ? null : level,
                    outcome,
                    decided == null ? null : "Reasons given.",
                    0));
            journey.need.write(row(request, AREAS.get(random.nextInt(AREAS.size())), "What the referrer sees."));
            journey.consent.write(row(
                    UUID.randomUUID(),
                    family,
                    request,
                    "A parent",
                    submitted.atZone(LONDON).toLocalDate(),
                    "IN_PERSON",
                    "School and health",
                    "referrer",
                    submitted));
        }
        StringBuilder monthlyRows = new StringBuilder();
        monthly.forEach((key, v) -> {
            String[] parts = key.split("\\|");
            monthlyRows.append(parts[0]).append('\t').append(parts[1]);
            for (long value : v) {
                monthlyRows.append('\t').append(value);
            }
            monthlyRows.append('\n');
        });
        jdbc.sql("TRUNCATE insight.request_row, insight.case_row, insight.contact_seen, insight.monthly")
                .update();
        long started = System.nanoTime();
        copy(
                "COPY insight.request_row (id, family_id, family_label, hub_id, area_code, submitted_at, decision_due,"
                        + " re_referral, step_down, decided_at, level, outcome, allocated_at, stepped_up_at) FROM STDIN",
                requestRows);
        copy(
                "COPY insight.case_row (id, request_id, family_id, family_label, hub_id, lead_practitioner,"
                        + " allocated_at, assessment_due, assessment_done_at, next_review_due, last_contact_at, contacts,"
                        + " closed_at, close_reason, needs, needs_achieved) FROM STDIN",
                caseRows);
        copy("COPY insight.contact_seen (id) FROM STDIN", contactRows);
        copy(
                "COPY insight.monthly (hub_id, month, requests, decided, decided_on_time, allocations, contacts,"
                        + " closures, needs, needs_achieved, step_ups, step_downs, re_referrals) FROM STDIN",
                monthlyRows);
        journey.load();
        long feedback = feedback(scale, hubs, now, years);
        long careEpisodes = careEpisodes(scale, now, years);
        jdbc.sql("ANALYZE insight.request_row").update();
        jdbc.sql("ANALYZE insight.case_row").update();
        jdbc.sql("ANALYZE insight.monthly").update();
        System.out.printf("Loaded with COPY in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return new Scale(requests, cases, contacts, feedback, careEpisodes, years);
    }

    private static final List<String> WORDS = List.of(
            "My worker listens to me.",
            "School is better now.",
            "I don't like the shouting at home.",
            "The youth club is good.",
            "I want to see my dad more.",
            "Mornings are easier.",
            "Nobody told me what was happening.",
            "Too many meetings.");

    /**
     * Feedback from young people and parents: about 2,000 a year at 1x across the hubs, through one
     * campaign invitation per hub and year; most anonymous, a few raising a safeguarding alert.
     */
    private long feedback(double scale, List<String> hubs, Instant now, int years) throws Exception {
        StringBuilder invitations = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        long count = Math.round(2_000 * scale * years);
        Map<String, UUID> invitationOf = new HashMap<>();
        for (String hub : hubs) {
            for (int y = 0; y < years; y++) {
                UUID id = UUID.randomUUID();
                invitationOf.put(hub + "|" + y, id);
                Instant created = now.minusSeconds((y + 1) * 365L * 86_400);
                invitations.append(row(
                        id,
                        "GEN"
                                + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
                                        .toUpperCase(),
                        "CAMPAIGN",
                        hub,
                        null,
                        "Survey " + (y + 1) + " years ago",
                        null,
                        "system",
                        created,
                        created.plusSeconds(365L * 86_400),
                        0));
            }
        }
        String[] bands = {"PICTURES", "CHILD", "TEEN", "PARENT"};
        for (long i = 0; i < count; i++) {
            String hub = hubs.get(random.nextInt(hubs.size()));
            int y = random.nextInt(years);
            Instant at = now.minusSeconds(y * 365L * 86_400 + random.nextInt(365 * 86_400));
            double m = random.nextDouble();
            String mode = m < 0.7 ? "ANONYMOUS" : m < 0.8 ? "PSEUDONYMOUS" : "NAMED";
            double safe = random.nextDouble();
            String feelSafe = safe < 0.93 ? "YES" : safe < 0.97 ? "NOT_SURE" : "NO";
            rows.append(row(
                    UUID.randomUUID(),
                    invitationOf.get(hub + "|" + y),
                    hub,
                    null,
                    bands[random.nextInt(bands.length)],
                    mode,
                    mode.equals("NAMED") ? "Sam" : null,
                    feelSafe,
                    1 + random.nextInt(5),
                    WORDS.get(random.nextInt(WORDS.size())),
                    random.nextBoolean() ? WORDS.get(random.nextInt(WORDS.size())) : null,
                    null,
                    null,
                    !feelSafe.equals("YES"),
                    null,
                    at,
                    null,
                    null));
        }
        copy(
                "COPY voice.invitation (id, code, kind, hub_id, case_id, label, age_band, created_by, created_at,"
                        + " expires_at, answers) FROM STDIN",
                invitations);
        copy(
                "COPY voice.feedback (id, invitation_id, hub_id, case_id, age_band, mode, first_name, feel_safe, mood,"
                        + " helping, change, worker, anything, safeguarding, concerns, submitted_at, text_deleted_at,"
                        + " account) FROM STDIN",
                rows);
        jdbc.sql("ANALYZE voice.feedback").update();
        return count;
    }

    /**
     * SSDA903 episodes of children in care, as the imports store them: about 300 children come
     * into care a year at 1x (a stock of about 740), each with one to four placements, leaving by
     * returning home, special guardianship, adoption, reaching 18 or otherwise. Replaces whatever
     * the sufficiency tables held.
     */
    private long careEpisodes(double scale, Instant now, int years) throws Exception {
        LocalDate today = now.atZone(LONDON).toLocalDate();
        StringBuilder children = new StringBuilder();
        StringBuilder episodes = new StringBuilder();
        long count = 0;
        long entries = Math.round(300 * scale * years);
        String[] legal = {"C2", "C2", "C2", "C2", "V2", "V2", "E1", "J2", "C1", "L2"};
        String[] placements = {"U1", "U2", "U3", "U4", "U4", "U5", "U5", "U6", "U6", "K2", "R1", "P1", "H5", "S1"};
        String[] providers = {"PR1", "PR1", "PR2", "PR3", "PR4", "PR5", "PR0"};
        String[] ends = {"E11", "E12", "E13", "E41", "E41", "E43", "E44", "E45", "E46", "E4A", "E8", "E15"};
        for (long i = 0; i < entries; i++) {
            String child = "G" + i;
            LocalDate entered = today.minusDays(random.nextInt(years * 365));
            int ageAtEntry = random.nextDouble() < 0.25 ? random.nextInt(2) : random.nextInt(18);
            LocalDate born = entered.minusYears(ageAtEntry).minusDays(random.nextInt(365));
            children.append(row(child, random.nextBoolean() ? "1" : "2", born, "WBRI"));
            LocalDate start = entered;
            int stays = 1 + random.nextInt(4);
            String status = legal[random.nextInt(legal.length)];
            String need = "N" + (1 + random.nextInt(8));
            for (int k = 0; k < stays; k++) {
                LocalDate end = start.plusDays(30 + random.nextInt(900));
                LocalDate eighteen = born.plusYears(18);
                boolean last = k == stays - 1 || !end.isBefore(eighteen);
                if (end.isAfter(eighteen)) {
                    end = eighteen;
                }
                boolean open = !end.isBefore(today);
                String reasonEnded =
                        open ? null : last ? (end.equals(eighteen) ? "E17" : ends[random.nextInt(ends.length)]) : "X1";
                episodes.append(row(
                        child,
                        start,
                        k == 0 ? "S" : "P",
                        status,
                        need,
                        placements[random.nextInt(placements.length)],
                        providers[random.nextInt(providers.length)],
                        open ? null : end,
                        reasonEnded,
                        k == 0 ? null : "CHANGE",
                        null,
                        null,
                        null,
                        (open ? today : end).getYear()));
                count++;
                if (open || last) {
                    break;
                }
                start = end;
            }
        }
        jdbc.sql("TRUNCATE sufficiency.episode, sufficiency.child CASCADE").update();
        copy("COPY sufficiency.child (child_id, sex, born_on, ethnicity) FROM STDIN", children);
        copy(
                "COPY sufficiency.episode (child_id, started_on, reason_new, legal_status, need, placement, provider,"
                        + " ended_on, reason_ended, reason_place_change, home_postcode, placement_postcode, urn,"
                        + " return_year) FROM STDIN",
                episodes);
        jdbc.sql("ANALYZE sufficiency.episode").update();
        return count;
    }

    private static final List<String> SURNAMES = List.of(
            "Smith",
            "Jones",
            "Taylor",
            "Brown",
            "Williams",
            "Wilson",
            "Johnson",
            "Davies",
            "Patel",
            "Khan",
            "Begum",
            "Evans",
            "Thomas",
            "Roberts",
            "Walker",
            "Wright",
            "Hussain",
            "Singh",
            "Green",
            "Hall");
    private static final List<String> AREAS = List.of(
            "EDUCATION",
            "EARLY_YEARS",
            "HEALTH",
            "SUBSTANCE_USE",
            "FAMILY_RELATIONSHIPS",
            "SAFE_FROM_ABUSE",
            "CRIME",
            "DOMESTIC_ABUSE",
            "HOUSING",
            "FINANCIAL_STABILITY");

    private final Map<String, String> postcodes = new HashMap<>();

    private String postcodeOf(String area) {
        if (area == null) {
            return "DY1 1AA";
        }
        return postcodes.computeIfAbsent(
                area,
                a -> jdbc.sql("SELECT min(postcode) FROM hubs.postcode WHERE area_code = ?")
                        .param(a)
                        .query(String.class)
                        .optional()
                        .filter(Objects::nonNull)
                        .orElse("DY1 1AA"));
    }

    /**
     * The referrals module's own tables, written row by row to temporary files (ten years at 10x
     * do not fit in memory) and loaded with COPY, consistent with the read models above.
     */
    private final class Journey {

        private final Map<Writer, Path> files = new LinkedHashMap<>();
        final Writer family = writer("family");
        final Writer person = writer("person");
        final Writer request = writer("request");
        final Writer need = writer("need");
        final Writer consent = writer("consent");
        final Writer caseFile = writer("case");
        final Writer contact = writer("contact");

        private Writer writer(String name) {
            try {
                Path file = Files.createTempFile("earlyhelp-" + name, ".copy");
                file.toFile().deleteOnExit();
                Writer w = Files.newBufferedWriter(file);
                files.put(w, file);
                return w;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void load() throws Exception {
            Map<Writer, Path> all = files;
            for (Writer w : all.keySet()) {
                w.close();
            }
            jdbc.sql("""
                    TRUNCATE referrals.contact, referrals.case_member, referrals.assessment, referrals.review_score,
                      referrals.review, referrals.plan_action, referrals.plan_outcome, referrals.closure_outcome,
                      referrals.follow_up, referrals.case_file, referrals.consent, referrals.request_need,
                      referrals.request, referrals.person, referrals.family CASCADE""").update();
            copyFile(
                    "COPY referrals.family (id, label, address, postcode, area_code, hub_id, restricted, created_at,"
                            + " version) FROM STDIN",
                    all.get(family));
            copyFile(
                    "COPY referrals.person (id, family_id, given_name, family_name, date_of_birth, relationship, sex,"
                            + " ethnicity, position) FROM STDIN",
                    all.get(person));
            copyFile(
                    "COPY referrals.request (id, family_id, hub_id, hub_reason, referrer, referrer_name, referrer_org,"
                            + " source, submitted_at, decision_due, tried, involved, re_referral, step_down, safeguarding,"
                            + " status, decided_at, decided_by, level, outcome, reasons, version) FROM STDIN",
                    all.get(request));
            copyFile("COPY referrals.request_need (request_id, area, description) FROM STDIN", all.get(need));
            copyFile(
                    "COPY referrals.consent (id, family_id, request_id, given_by, given_on, how, share_with,"
                            + " recorded_by, recorded_at) FROM STDIN",
                    all.get(consent));
            copyFile(
                    "COPY referrals.case_file (id, request_id, family_id, hub_id, lead, lead_name, lead_org,"
                            + " allocated_at, allocated_by, assessment_due, assessed_at, next_review_due, closed_at,"
                            + " close_reason, close_note, stepped_up_at, version) FROM STDIN",
                    all.get(caseFile));
            copyFile(
                    "COPY referrals.contact (id, case_id, happened_on, kind, minutes, child_seen, child_views, note,"
                            + " logged_by, logged_name, logged_at) FROM STDIN",
                    all.get(contact));
            for (String table :
                    List.of("family", "person", "request", "request_need", "consent", "case_file", "contact")) {
                jdbc.sql("ANALYZE referrals." + table).update();
            }
            for (Path file : all.values()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void copyFile(String sql, Path file) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Reader reader = Files.newBufferedReader(file)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(sql, reader);
        }
    }

    private void copy(String sql, CharSequence rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(sql, new StringReader(rows.toString()));
        }
    }

    /** One COPY text row: values separated by tabs, {@code \\N} for null. */
    private static String row(Object... values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            row.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i]);
        }
        return row.append('\n').toString();
    }

    private List<Area> areas() {
        return jdbc.sql("""
                        SELECT code, hub_id, children * (11 - coalesce(imd_decile, 5)) FROM hubs.area
                        WHERE hub_id IS NOT NULL""")
                .query((rs, n) -> new Area(rs.getString(1), rs.getString(2), rs.getDouble(3)))
                .list();
    }

    private Area pick(List<Area> areas, double total) {
        double r = random.nextDouble() * total;
        for (Area a : areas) {
            r -= a.weight();
            if (r <= 0) {
                return a;
            }
        }
        return areas.getLast();
    }

    private static Instant endOfNextWorkingDay(Instant received) {
        LocalDate day = received.atZone(LONDON).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(23, 59, 59).atZone(LONDON).toInstant();
    }

    private static void bump(Map<String, long[]> monthly, String hub, Instant at, int index, long by) {
        String key = hub + "|" + YearMonth.from(at.atZone(LONDON)).atDay(1);
        monthly.computeIfAbsent(key, k -> new long[11])[index] += by;
    }
}
