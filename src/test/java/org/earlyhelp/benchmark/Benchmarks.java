package org.earlyhelp.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.earlyhelp.EarlyHelpApplication;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.HubDashboard;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.testing.SignedIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmarks of the key server paths at borough scale, run with {@code ./mvnw -Pbenchmarks
 * verify}: prints p50, p95 and p99 in milliseconds with the data scale, and writes them to {@code
 * target/benchmarks.json}. Each run uses a fresh database, dropped at the end.
 *
 * <p>Paths measured so far: the hub dashboard and the borough comparison, over read models
 * generated at borough scale by {@link ReadModelGenerator} (the referrals module that will feed
 * them through events does not exist yet).
 */
public final class Benchmarks {

    private static final int WARM_UP = 30;
    private static final int RUNS = 200;

    record Result(String path, String scale, double p50, double p95, double p99, double target) {}

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("earlyhelp.benchmark.scale", "1"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EarlyHelpApplication.class)
                .run("--server.port=0", "--earlyhelp.db.fresh=true", "--earlyhelp.events.retry-every=PT1H")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            SignedIn.admin();
            importAreasIfThere(context.getBean(HubAdministration.class));
            // Loaded as the schemas' owner (as a bulk load would be), so ANALYZE updates the statistics.
            javax.sql.DataSource owner = context.getBean("flywayDataSource", javax.sql.DataSource.class);
            ReadModelGenerator.Scale generated =
                    new ReadModelGenerator(JdbcClient.create(owner), owner, 20261126L).generate(scale);
            String scaleText = generated.toString();
            System.out.println("Data: " + scaleText);

            HubDashboard dashboards = context.getBean(HubDashboard.class);
            BoroughComparison borough = context.getBean(BoroughComparison.class);
            HubId biggest = new HubId("dudley-central");
            List<Result> results = new ArrayList<>();
            results.add(measure("hub dashboard (dudley-central)", scaleText, 100, () -> dashboards.of(biggest)));
            results.add(measure("borough comparison", scaleText, 200, borough::compare));
            results.addAll(journeyPaths(context, jdbc, scaleText, biggest));
            results.add(feedbackUnderLoad(context, scaleText, biggest, 50, 20, false));
            results.add(feedbackUnderLoad(context, scaleText, biggest, 30, 10, true));
            results.addAll(sufficiencyPaths(context));

            System.out.println();
            System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s%n", "path", "p50 ms", "p95 ms", "p99 ms", "target");
            for (Result r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "%-36s %9.1f %9.1f %9.1f %9s%n",
                        r.path(),
                        r.p50(),
                        r.p95(),
                        r.p99(),
                        "p95<=" + (int) r.target());
            }
            write(results);
        } finally {
            SignedIn.nobody();
        }
    }

    /** My work, the hub queue, the drift list, the family timeline and submitting a request. */
    private static List<Result> journeyPaths(
            ConfigurableApplicationContext context, JdbcClient jdbc, String scale, HubId hub) {
        org.earlyhelp.referrals.Cases cases = context.getBean(org.earlyhelp.referrals.Cases.class);
        org.earlyhelp.referrals.HubQueue queue = context.getBean(org.earlyhelp.referrals.HubQueue.class);
        org.earlyhelp.referrals.Families families = context.getBean(org.earlyhelp.referrals.Families.class);
        org.earlyhelp.referrals.RequestsForSupport requests =
                context.getBean(org.earlyhelp.referrals.RequestsForSupport.class);
        String busiest = jdbc.sql("""
                        SELECT lead FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NULL
                        GROUP BY lead ORDER BY count(*) DESC LIMIT 1""").param(hub.value()).query(String.class).single();
        List<java.util.UUID> familyIds =
                jdbc.sql("""
                        SELECT family_id FROM referrals.case_file WHERE hub_id = ? ORDER BY id LIMIT 500""").param(hub.value()).query(java.util.UUID.class).list();
        java.util.Random random = new java.util.Random(7);
        List<Result> results = new ArrayList<>();
        SignedIn.as(busiest, java.util.Set.of(org.earlyhelp.shared.Role.PRACTITIONER), java.util.Set.of(hub.value()));
        int open = cases.myCases().size();
        results.add(measure("my work (" + open + " open cases)", scale, 50, cases::myCases));
        SignedIn.as(
                "lead." + hub.value(),
                java.util.Set.of(org.earlyhelp.shared.Role.HUB_LEAD),
                java.util.Set.of(hub.value()));
        results.add(measure("hub queue (decide and allocate)", scale, 50, () -> {
            queue.awaitingDecision(hub);
            return queue.awaitingAllocation(hub);
        }));
        results.add(measure("drift list", scale, 50, () -> cases.drift(hub)));
        results.add(measure(
                "family timeline (record, audited)",
                scale,
                50,
                () -> families.family(familyIds.get(random.nextInt(familyIds.size())))));
        // With real areas imported and no postcode directory loaded, the postcode is unknown and the
        // practitioner picks the hub with a reason: the same work, one lookup that finds nothing.
        List<String> known =
                context.getBean(org.earlyhelp.hubs.PostcodeLookup.class).postcodesIn(hub, 1);
        String postcode = known.isEmpty() ? "DY1 1AA" : known.getFirst();
        HubId chosen = known.isEmpty() ? hub : null;
        String reason = known.isEmpty() ? "No postcode directory loaded in the benchmark" : null;
        SignedIn.as("teacher", java.util.Set.of(org.earlyhelp.shared.Role.PRACTITIONER), java.util.Set.of(hub.value()));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        results.add(measure(
                "submit a request for support",
                scale,
                100,
                () -> requests.submit(new org.earlyhelp.referrals.RequestDraft(
                        List.of(
                                new org.earlyhelp.referrals.FamilyMemberDraft(
                                        "Sam",
                                        "Bench" + n.incrementAndGet(),
                                        java.time.LocalDate.of(1990, 1, 1),
                                        org.earlyhelp.referrals.Relationship.PARENT,
                                        null,
                                        null),
                                new org.earlyhelp.referrals.FamilyMemberDraft(
                                        "Alex",
                                        "Bench" + n.get(),
                                        java.time.LocalDate.of(2016, 1, 1),
                                        org.earlyhelp.referrals.Relationship.CHILD,
                                        null,
                                        null)),
                        "1 High Street",
                        postcode,
                        chosen,
                        reason,
                        Map.of(org.earlyhelp.shared.OutcomeArea.EDUCATION, "Attendance has fallen."),
                        "",
                        "",
                        new org.earlyhelp.referrals.ConsentDraft(
                                "Sam",
                                java.time.LocalDate.now(),
                                org.earlyhelp.referrals.ConsentMethod.IN_PERSON,
                                "School"),
                        null))));
        return results;
    }

    /** The 903 import (five years of the demand model's returns), the forecast and a scenario. */
    private static List<Result> sufficiencyPaths(ConfigurableApplicationContext context) throws Exception {
        List<Result> results = new ArrayList<>();
        org.earlyhelp.sufficiency.Forecasts generatedForecasts =
                context.getBean(org.earlyhelp.sufficiency.Forecasts.class);
        SignedIn.as("commissioner", java.util.Set.of(org.earlyhelp.shared.Role.COMMISSIONER), java.util.Set.of());
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long generatedEpisodes = jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                .query(Long.class)
                .single();
        if (generatedEpisodes > 0) {
            // The generator's ten years of episodes: the forecast over a borough's whole history.
            java.time.LocalDate generatedEnd = generatedForecasts.dataEnd().orElseThrow();
            results.add(measure(
                    "forecast, generated episodes (5 years)",
                    String.format("%,d episodes over 10 years", generatedEpisodes),
                    300,
                    5,
                    30,
                    () -> generatedForecasts.forecast(generatedEnd.minusYears(2), generatedEnd, 5, 3, List.of())));
            // The import below is measured into an empty store, as a council's first upload.
            jdbc.sql("TRUNCATE sufficiency.episode, sufficiency.child CASCADE").update();
        }
        Path folder = Path.of(
                System.getProperty("earlyhelp.test.shared-data", "../shared/data"), "ssda903", "d2i-cs-demand-model");
        if (!Files.isDirectory(folder)) {
            System.out.println("No ../shared/data/ssda903: the 903 import, forecast and scenarios are not measured.");
            return results;
        }
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        org.earlyhelp.sufficiency.CareReturns returns = context.getBean(org.earlyhelp.sufficiency.CareReturns.class);
        org.earlyhelp.sufficiency.Forecasts forecasts = context.getBean(org.earlyhelp.sufficiency.Forecasts.class);
        SignedIn.as("commissioner", java.util.Set.of(org.earlyhelp.shared.Role.COMMISSIONER), java.util.Set.of());
        var report = returns.importFiles(files, true);
        String scale = files.size() + " files, " + report.children() + " children, " + report.episodes() + " episodes";
        results.add(measure(
                "903 import (5 years, all tables)", scale, 5000, 3, 20, () -> returns.importFiles(files, true)));
        java.time.LocalDate end = forecasts.dataEnd().orElseThrow();
        results.add(measure(
                "forecast (3 years, current trends)",
                scale,
                2000,
                5,
                30,
                () -> forecasts.forecast(end.minusYears(2), end, 3, 3, List.of())));
        var strategy = new org.earlyhelp.sufficiency.Forecasts.Scenario(null, "Strategy", 1, 0, 1, 1, 10, 10, 0.1);
        results.add(measure(
                "forecast with a scenario (5 years)",
                scale,
                2000,
                5,
                30,
                () -> forecasts.forecast(end.minusYears(2), end, 5, 3, List.of(strategy))));
        SignedIn.nobody();
        return results;
    }

    /**
     * Submitting feedback with people submitting at once: 50, each through their own invitation,
     * or a class of 30 answering one survey's code (every submission then updates the same
     * invitation's count of answers).
     */
    private static Result feedbackUnderLoad(
            ConfigurableApplicationContext context, String scale, HubId hub, int submitters, int each, boolean oneCode)
            throws Exception {
        org.earlyhelp.voice.Invitations invitations = context.getBean(org.earlyhelp.voice.Invitations.class);
        org.earlyhelp.voice.FeedbackForms forms = context.getBean(org.earlyhelp.voice.FeedbackForms.class);
        SignedIn.as(
                "lead." + hub.value(),
                java.util.Set.of(org.earlyhelp.shared.Role.HUB_LEAD),
                java.util.Set.of(hub.value()));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < (oneCode ? 1 : submitters); i++) {
            codes.add(invitations
                    .create(
                            org.earlyhelp.voice.InvitationKind.CAMPAIGN,
                            hub,
                            null,
                            (oneCode ? "Benchmark class " : "Benchmark ") + i,
                            org.earlyhelp.voice.AgeBand.TEEN,
                            1)
                    .code());
        }
        SignedIn.nobody();
        // Warm up, then all submitters at once.
        for (int i = 0; i < 30; i++) {
            forms.submit(codes.get(i % codes.size()), feedback(i), "192.0.2." + (i % 250));
        }
        double[] millis = new double[submitters * each];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(submitters);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < submitters; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int k = 0; k < each; k++) {
                    long begin = System.nanoTime();
                    forms.submit(codes.get(thread % codes.size()), feedback(k), "198.51." + thread + "." + k);
                    millis[thread * each + k] = (System.nanoTime() - begin) / 1e6;
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        Arrays.sort(millis);
        return new Result(
                oneCode ? "feedback, class of 30 on one code" : "submit feedback (50 concurrent)",
                scale,
                percentile(millis, 50),
                percentile(millis, 95),
                percentile(millis, 99),
                150);
    }

    private static org.earlyhelp.voice.FeedbackDraft feedback(int i) {
        return new org.earlyhelp.voice.FeedbackDraft(
                org.earlyhelp.voice.AgeBand.TEEN,
                org.earlyhelp.voice.Mode.ANONYMOUS,
                null,
                null,
                i % 10 == 0 ? org.earlyhelp.voice.FeelSafe.NO : org.earlyhelp.voice.FeelSafe.YES,
                1 + i % 5,
                "The youth club",
                "Open more often",
                null,
                "Thanks 🙂");
    }

    private static void importAreasIfThere(HubAdministration administration) throws Exception {
        Path data = Path.of(System.getProperty("earlyhelp.test.shared-data", "../shared/data"), "dudley");
        if (!Files.isDirectory(data)) {
            System.out.println("No ../shared/data/dudley: hubs have no areas, so reach by area is not measured.");
            return;
        }
        for (String[] file : new String[][] {
            {"AREAS", "dudley_iod2019_population_lsoa11.csv"},
            {"DEPRIVATION", "dudley_iod2019_domains_lsoa11.csv"},
            {"AREA_BOUNDARIES", "dudley_lsoa11_boundaries.geojson"},
            {"WARD_BOUNDARIES", "dudley_ward_boundaries.geojson"}
        }) {
            try (InputStream in = Files.newInputStream(data.resolve(file[1]))) {
                administration.importFile(FileKind.valueOf(file[0]), file[1], in);
            }
        }
        Map<String, String> wards = new LinkedHashMap<>();
        ReadModelGenerator.WARDS.forEach(wards::put);
        for (var ward : administration.wards()) {
            String hub = wards.get(ward.name());
            if (hub != null) {
                administration.assignWard(ward.code(), new HubId(hub));
            }
        }
    }

    private static Result measure(String path, String scale, double target, Supplier<?> call) {
        return measure(path, scale, target, WARM_UP, RUNS, call);
    }

    private static Result measure(String path, String scale, double target, int warmUp, int runs, Supplier<?> call) {
        for (int i = 0; i < warmUp; i++) {
            call.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Result(path, scale, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), target);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void write(List<Result> results) throws Exception {
        StringBuilder json = new StringBuilder("{\n  \"machineCores\": ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(",\n  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"path\": \"%s\", \"scale\": \"%s\", \"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f,"
                            + " \"targetP95Ms\": %.0f}%s%n",
                    r.path(),
                    r.scale(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.target(),
                    i < results.size() - 1 ? "," : ""));
        }
        json.append("  ]\n}\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmarks.json"), json);
        System.out.println("Written to target/benchmarks.json");
    }
}
