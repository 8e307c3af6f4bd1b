package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Six years of made-up SSDA903 episodes for the borough (about 250 children coming into care a
 * year, one to four placements each, leaving by the usual routes), with home and placement
 * postcode sectors from the hubs' postcode lookup and beyond the borough, a short list of
 * children's homes, supply figures and a register of foster carers, so that commissioners see
 * the sufficiency pages working before they import their own returns. The first real import
 * replaces the episodes. Generated from a fixed seed; off with {@code
 * earlyhelp.demo.care-returns=false}.
 */
@Component
class CareReturnsDemonstrationData implements DemonstrationData {

    private static final Logger log = LoggerFactory.getLogger(CareReturnsDemonstrationData.class);

    /** Postcode sectors near the borough but outside it. */
    private static final List<String> OUTSIDE = List.of(
            "WV1 4", "WV10 6", "WS1 2", "WS10 8", "B17 9", "B31 2", "B66 1", "DY10 1", "DY11 5", "ST16 3", "TF3 4",
            "WR5 1", "CV6 5", "SY1 2", "LL11 4");

    private static final String[] LEGAL = {"C2", "C2", "C2", "C2", "C2", "V2", "V2", "E1", "C1", "J2", "L2"};
    private static final String[] PLACEMENTS = {
        "U1", "U2", "U3", "U4", "U4", "U5", "U5", "U6", "U6", "U6", "K2", "K2", "R1", "P1", "P1", "H5", "S1", "A6"
    };
    private static final String[] PROVIDERS = {"PR1", "PR1", "PR1", "PR2", "PR3", "PR4", "PR4", "PR5"};
    private static final String[] EXITS = {
        "E11", "E12", "E13", "E41", "E41", "E41", "E43", "E44", "E45", "E46", "E4A", "E8", "E15"
    };

    private final JdbcClient jdbc;
    private final HubDirectory hubs;
    private final PostcodeLookup postcodes;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final AsDemonstrationData asDemonstrationData;

    CareReturnsDemonstrationData(
            JdbcClient jdbc,
            HubDirectory hubs,
            PostcodeLookup postcodes,
            TransactionTemplate transactions,
            AsDemonstrationData asDemonstrationData,
            @Value("${earlyhelp.demo.care-returns:true}") boolean enabled) {
        this.asDemonstrationData = asDemonstrationData;
        this.jdbc = jdbc;
        this.hubs = hubs;
        this.postcodes = postcodes;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load() {
        if (!enabled
                || jdbc.sql(
                                        "SELECT (SELECT count(*) FROM sufficiency.child) + (SELECT count(*) FROM sufficiency.import_run)")
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        asDemonstrationData.run(this::loadAll);
    }

    private void loadAll() {
        List<List<String>> sectorsByHub = new ArrayList<>();
        List<String> hubIds = new ArrayList<>();
        for (Hub hub : hubs.hubs()) {
            List<String> sectors = postcodes.postcodesIn(hub.id(), 400).stream()
                    .map(PostcodeSectors::sectorOf)
                    .flatMap(Optional::stream)
                    .distinct()
                    .toList();
            if (!sectors.isEmpty()) {
                sectorsByHub.add(sectors);
                hubIds.add(hub.id().value());
            }
        }
        transactions.executeWithoutResult(tx -> fill(sectorsByHub));
        log.info("Demonstration care returns loaded: {} hubs' postcode sectors", hubIds.size());
    }

    private void fill(List<List<String>> sectorsByHub) {
        Random random = new Random(20261128L);
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        List<String> inBorough = sectorsByHub.stream().flatMap(List::stream).toList();
        // A short list of children's homes: five in the borough, three beyond it.
        List<String> homes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String urn = "SC9" + String.format("%05d", 100 + i);
            homes.add(urn);
            String postcode = i < 5 && !inBorough.isEmpty()
                    ? inBorough.get(random.nextInt(inBorough.size())) + "AA"
                    : OUTSIDE.get(random.nextInt(OUTSIDE.size())) + "ZZ";
            jdbc.sql("""
                            INSERT INTO sufficiency.provider (urn, list_name, name, kind, sector, local_authority, postcode, status, places)
                            VALUES (?, 'Demonstration list / Children''s homes', ?, 'Children''s home', ?, ?, ?, 'Active', ?)
                            ON CONFLICT DO NOTHING""")
                    .params(
                            urn,
                            "Demonstration children's home " + (i + 1),
                            i % 3 == 0 ? "Local authority" : "Private",
                            i < 5 ? "Dudley" : "Elsewhere",
                            postcode,
                            2 + random.nextInt(4))
                    .update();
        }
        // Two block contracts with the borough's own homes, one framework place beyond it that
        // ends in two months (so the page shows a renewal coming up).
        Object[][] contracts = {
            {homes.get(0), "Demonstration children's home 1", "block", 4, 3_900, null},
            {homes.get(1), "Demonstration children's home 2", "block", 3, 4_100, null},
            {homes.get(6), "Demonstration children's home 7", "framework", 2, 5_200, today.plusMonths(2)}
        };
        for (Object[] c : contracts) {
            jdbc.sql("""
                            INSERT INTO sufficiency.contract (id, urn, provider, category, kind, beds, weekly_cost, starts_on,
                              ends_on, created_by, created_at)
                            VALUES (gen_random_uuid(), ?, ?, 'Children''s homes', ?, ?, ?, ?, ?, 'system', now())""")
                    .params(c[0], c[1], c[2], c[3], c[4], today.minusYears(2), c[5])
                    .update();
        }
        int years = 6;
        long entries = 250L * years;
        List<Object[]> children = new ArrayList<>();
        List<@Nullable Object[]> episodes = new ArrayList<>();
        for (long i = 0; i < entries; i++) {
            String child = "DEMO" + String.format("%05d", i);
            LocalDate entered = today.minusDays(random.nextInt(years * 365));
            int ageAtEntry = random.nextDouble() < 0.25 ? random.nextInt(2) : random.nextInt(18);
            LocalDate born = entered.minusYears(ageAtEntry).minusDays(random.nextInt(365));
            children.add(new Object[] {child, random.nextBoolean() ? "1" : "2", born, "WBRI"});
            double h = random.nextDouble();
            @Nullable String home;
            if (h < 0.02) {
                home = null;
            } else if (h < 0.06 || inBorough.isEmpty()) {
                home = OUTSIDE.get(random.nextInt(OUTSIDE.size()));
            } else {
                List<String> hubSectors = sectorsByHub.get(random.nextInt(sectorsByHub.size()));
                home = hubSectors.get(random.nextInt(hubSectors.size()));
            }
            String status = LEGAL[random.nextInt(LEGAL.length)];
            String need = "N" + (1 + random.nextInt(8));
            LocalDate start = entered;
            int stays = 1 + random.nextInt(4);
            for (int k = 0; k < stays; k++) {
                LocalDate end = start.plusDays(30 + random.nextInt(900));
                LocalDate eighteen = born.plusYears(18);
                boolean last = k == stays - 1 || !end.isBefore(eighteen);
                if (end.isAfter(eighteen)) {
                    end = eighteen;
                }
                boolean open = !end.isBefore(today);
                String placement = status.equals("E1") ? "A6" : PLACEMENTS[random.nextInt(PLACEMENTS.length)];
                String provider = placement.equals("P1") ? "PR0" : PROVIDERS[random.nextInt(PROVIDERS.length)];
                String urn = placement.equals("K2") ? homes.get(random.nextInt(homes.size())) : null;
                String placedAt = placedAt(random, placement, home, inBorough);
                String reasonEnded = open
                        ? null
                        : last ? (end.equals(eighteen) ? "E17" : EXITS[random.nextInt(EXITS.length)]) : "X1";
                episodes.add(new @Nullable Object[] {
                    child,
                    start,
                    k == 0 ? "S" : "P",
                    status,
                    need,
                    placement,
                    provider,
                    open ? null : end,
                    reasonEnded,
                    k == 0 ? null : "CHANGE",
                    home,
                    placedAt,
                    urn,
                    (open ? today : end).getYear()
                });
                if (open || last) {
                    break;
                }
                start = end;
            }
        }
        // Many rows to a statement: start-up is not kept waiting by six thousand round trips.
        Rows.insertAll(jdbc, "INSERT INTO sufficiency.child (child_id, sex, born_on, ethnicity)", 4, children);
        Rows.insertAll(
                jdbc,
                "INSERT INTO sufficiency.episode (child_id, started_on, reason_new, legal_status, need, placement,"
                        + " provider, ended_on, reason_ended, reason_place_change, home_postcode, placement_postcode,"
                        + " urn, return_year)",
                14,
                episodes);
        int[][] supply = {{0, 0}, {1, 110}, {2, 210}, {3, 24}, {4, 45}, {5, 20}, {6, 15}};
        for (int[] s : supply) {
            jdbc.sql("""
                            INSERT INTO sufficiency.supply (category, places, note) VALUES (?, ?, 'demonstration figure')
                            ON CONFLICT DO NOTHING""")
                    .params(StockFlowModel.CATEGORIES.get(s[0]).english(), s[1])
                    .update();
        }
        for (int c = 1; c <= 24; c++) {
            int from = random.nextInt(12);
            int places = 1 + random.nextInt(3);
            jdbc.sql("""
                            INSERT INTO sufficiency.foster_carer (reference, kind, approved_places, vacancies, age_from, age_to)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(
                            "DEMO-FC-" + String.format("%03d", c),
                            c % 5 == 0 ? "family and friends" : "in-house",
                            places,
                            random.nextInt(places + 1),
                            from,
                            Math.min(17, from + 4 + random.nextInt(8)))
                    .update();
        }
    }

    /** Where a placement is: with parents at home; family and fostering mostly near; homes often far. */
    private static @Nullable String placedAt(
            Random random, String placement, @Nullable String home, List<String> inBorough) {
        double r = random.nextDouble();
        if (r < 0.04) {
            return null;
        }
        if (placement.equals("P1")) {
            return home;
        }
        double inside = placement.startsWith("U") ? 0.75 : placement.equals("K2") ? 0.35 : 0.6;
        if (inBorough.isEmpty() || random.nextDouble() > inside) {
            return OUTSIDE.get(random.nextInt(OUTSIDE.size()));
        }
        return inBorough.get(random.nextInt(inBorough.size()));
    }
}
