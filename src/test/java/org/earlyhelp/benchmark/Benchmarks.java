package org.earlyhelp.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.earlyhelp.EarlyHelpApplication;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.insight.BoroughComparison;
import org.earlyhelp.insight.HubDashboard;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.sufficiency.CareReturns;
import org.earlyhelp.sufficiency.Forecasts;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
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
            DataSource owner = context.getBean("flywayDataSource", DataSource.class);
            ReadModelGenerator.Scale generated =
                    new ReadModelGenerator(JdbcClient.create(owner), owner, 20261126L).generate(scale);
            String scaleText = generated.toString();
            System.out.println("Data: " + scaleText);

            HubDashboard dashboards = context.getBean(HubDashboard.class);
            BoroughComparison borough = context.getBean(BoroughComparison.class);
            HubId biggest = new HubId("dudley-central");
            List<Result> results = new ArrayList<>();
            // -Dearlyhelp.benchmark.only=quality runs the board pack and the audit draw alone.
            boolean all = !"quality".equals(System.getProperty("earlyhelp.benchmark.only"));
            if (all) {
                results.add(measure("hub dashboard (dudley-central)", scaleText, 100, () -> dashboards.of(biggest)));
                results.add(measure("borough comparison", scaleText, 200, borough::compare));
                results.addAll(journeyPaths(context, jdbc, scaleText, biggest));
                results.add(feedbackUnderLoad(context, scaleText, biggest, 50, 20, false));
                results.add(feedbackUnderLoad(context, scaleText, biggest, 30, 10, true));
                results.addAll(sufficiencyPaths(context));
            }
            results.addAll(QualityBenchmark.boardPacks(context, scaleText));
            results.add(QualityBenchmark.sampleDraw(context, scaleText));

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
        Cases cases = context.getBean(Cases.class);
        HubQueue queue = context.getBean(HubQueue.class);
        Families families = context.getBean(Families.class);
        RequestsForSupport requests = context.getBean(RequestsForSupport.class);
        String busiest = jdbc.sql("""
                        SELECT lead FROM referrals.case_file WHERE hub_id = ? AND closed_at IS NULL
                        GROUP BY lead ORDER BY count(*) DESC LIMIT 1""").param(hub.value()).query(String.class).single();
        List<UUID> familyIds =
                jdbc.sql("""
                        SELECT family_id FROM referrals.case_file WHERE hub_id = ? ORDER BY id LIMIT 500""").param(hub.value()).query(UUID.class).list();
        Random random = new Random(7);
        List<Result> results = new ArrayList<>();
        SignedIn.as(busiest, Set.of(Role.PRACTITIONER), Set.of(hub.value()));
        int open = cases.myCases().size();
        results.add(measure("my work (" + open + " open cases)", scale, 50, cases::myCases));
        SignedIn.as("lead." + hub.value(), Set.of(Role.HUB_LEAD), Set.of(hub.value()));
        results.add(measure("hub queue (decide and allocate)", scale, 50, () -> {
            queue.awaitingDecision(hub);
            return queue.awaitingAllocation(hub);
        }));
        results.add(measure("drift list", scale, 50, () -> cases.drift(hub)));
        results.add(measure(
                "family timeline (record, audited)",
                scale,
                50,
                () -> families.family(new FamilyId(familyIds.get(random.nextInt(familyIds.size()))))));
        // With real areas imported and no postcode directory loaded, the postcode is unknown and the
        // practitioner picks the hub with a reason: the same work, one lookup that finds nothing.
        List<String> known = context.getBean(PostcodeLookup.class).postcodesIn(hub, 1);
        String postcode = known.isEmpty() ? "DY1 1AA" : known.getFirst();
        HubId chosen = known.isEmpty() ? hub : null;
        String reason = known.isEmpty() ? "No postcode directory loaded in the benchmark" : null;
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of(hub.value()));
        AtomicInteger n = new AtomicInteger();
        results.add(measure(
                "submit a request for support",
                scale,
                100,
                () -> requests.submit(new RequestDraft(
                        List.of(
                                new FamilyMemberDraft(
                                        "Sam",
                                        "Bench" + n.incrementAndGet(),
                                        LocalDate.of(1990, 1, 1),
                                        Relationship.PARENT,
                                        null,
                                        null),
                                new FamilyMemberDraft(
                                        "Alex",
                                        "Bench" + n.get(),
                                        LocalDate.of(2016, 1, 1),
                                        Relationship.CHILD,
                                        null,
                                        null)),
                        "1 High Street",
                        postcode,
                        chosen,
                        reason,
                        Map.of(OutcomeArea.EDUCATION, "Attendance has fallen."),
                        "",
                        "",
                        new ConsentDraft("Sam", LocalDate.now(), ConsentMethod.IN_PERSON, "School"),
                        null))));
        return results;
    }

    /** The 903 import (five years of the demand model's returns), the forecast and a scenario. */
    private static List<Result> sufficiencyPaths(ConfigurableApplicationContext context) throws Exception {
        List<Result> results = new ArrayList<>();
        Forecasts generatedForecasts = context.getBean(Forecasts.class);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long generatedEpisodes = jdbc.sql("SELECT count(*) FROM sufficiency.episode")
                .query(Long.class)
                .single();
        if (generatedEpisodes > 0) {
            // The generator's ten years of episodes: the forecast over a borough's whole history.
            LocalDate generatedEnd = generatedForecasts.dataEnd().orElseThrow();
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
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        CareReturns returns = context.getBean(CareReturns.class);
        Forecasts forecasts = context.getBean(Forecasts.class);
        SignedIn.as("commissioner", Set.of(Role.COMMISSIONER), Set.of());
        var report = returns.importFiles(files, true);
        String scale = files.size() + " files, " + report.children() + " children, " + report.episodes() + " episodes";
        results.add(measure(
                "903 import (5 years, all tables)", scale, 5000, 3, 20, () -> returns.importFiles(files, true)));
        LocalDate end = forecasts.dataEnd().orElseThrow();
        results.add(measure(
                "forecast (3 years, current trends)",
                scale,
                2000,
                5,
                30,
                () -> forecasts.forecast(end.minusYears(2), end, 3, 3, List.of())));
        var strategy = new Forecasts.Scenario(null, "Strategy", 1, 0, 1, 1, 10, 10, 0.1);
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
        Invitations invitations = context.getBean(Invitations.class);
        FeedbackForms forms = context.getBean(FeedbackForms.class);
        SignedIn.as("lead." + hub.value(), Set.of(Role.HUB_LEAD), Set.of(hub.value()));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < (oneCode ? 1 : submitters); i++) {
            codes.add(invitations
                    .create(
                            InvitationKind.CAMPAIGN,
                            hub,
                            null,
                            (oneCode ? "Benchmark class " : "Benchmark ") + i,
                            AgeBand.TEEN,
                            1)
                    .code());
        }
        SignedIn.nobody();
        // Warm up, then all submitters at once.
        for (int i = 0; i < 30; i++) {
            forms.submit(codes.get(i % codes.size()), feedback(i), "192.0.2." + (i % 250));
        }
        double[] millis = new double[submitters * each];
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
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

    private static FeedbackDraft feedback(int i) {
        return new FeedbackDraft(
                AgeBand.TEEN,
                Mode.ANONYMOUS,
                null,
                null,
                i % 10 == 0 ? FeelSafe.NO : FeelSafe.YES,
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

    static Result measure(String path, String scale, double target, Supplier<?> call) {
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

    static double percentile(double[] sorted, double p) {
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
