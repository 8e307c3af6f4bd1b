package org.earlyhelp.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.PortalClient;
import org.earlyhelp.testing.ProductionJar;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load test of the portal: simulated hub leads and practitioners holding real Vaadin sessions
 * over HTTP, speaking Vaadin's own request protocol (sign in with the form, the bootstrap page,
 * {@code ?v-r=init}, then UIDL requests: navigation events and the grids' data requests), against
 * the production jar started as a separate process on a fresh database with borough-scale data.
 *
 * <p>Prints the round trips' p50, p95 and p99 in the steady phase (target: p95 at most 150 ms
 * with 200 sessions) and the heap per session: heap used after a full GC with the sessions open,
 * minus the same with none, divided by their number (target: at most 200 KB). Run with {@code
 * ./mvnw -Pload-test verify}; settings as system properties {@code earlyhelp.load.*} (sessions,
 * ramp-seconds, warm-up-seconds, steady-seconds, think-min-ms, think-max-ms, scale), and the modes
 * {@code cpu-by-page=true}, {@code saturation=50,100,...}, {@code by-view=true} and {@code jfr=true};
 * with {@code answers-to=target/answers}, the last answer to each page's navigation is written there
 * as a file, to see what a page sends.
 */
public final class PortalLoadTest {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final int sessions = Integer.getInteger("earlyhelp.load.sessions", 200);
    private final int rampSeconds = Integer.getInteger("earlyhelp.load.ramp-seconds", 30);
    private final int warmUpSeconds = Integer.getInteger("earlyhelp.load.warm-up-seconds", 20);
    private final int steadySeconds = Integer.getInteger("earlyhelp.load.steady-seconds", 60);
    private final int thinkMin = Integer.getInteger("earlyhelp.load.think-min-ms", 1000);
    private final int thinkMax = Integer.getInteger("earlyhelp.load.think-max-ms", 4000);
    private final double scale = Double.parseDouble(System.getProperty("earlyhelp.load.scale", "1"));

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private volatile boolean measuring;
    private volatile boolean stopping;
    private final ConcurrentLinkedQueue<Long> navigations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> gridRequests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> logins = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> byView = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private String base;
    private double serverCpuSeconds;
    /** Of the server's CPU in the steady phase: its JIT compiler's threads and its garbage collector's. */
    private double compilerCpuSeconds;

    private double collectorCpuSeconds;

    /** A demonstration account and the routes it looks at; a route may be alternatives split by |. */
    public record Persona(String username, List<String> routes) {}

    public static void main(String[] args) throws Exception {
        new PortalLoadTest().run();
    }

    private void run() throws Exception {
        String user = System.getProperty("user.name");
        String database = "earlyhelp_load_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ProductionJar.execute("postgres", "CREATE DATABASE " + database);
        String url = "jdbc:postgresql://localhost:5432/" + database;
        int port = FreePorts.next();
        base = "http://localhost:" + port + "/";
        Process app = null;
        try {
            // First start: migrations and the demonstration borough (accounts, hubs, families).
            app = ProductionJar.start(database, port);
            String dataScale = "demonstration data only";
            if (scale > 0) {
                app.destroy();
                app.waitFor();
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setUrl(url);
                dataSource.setUser(user);
                dataScale = new ReadModelGenerator(JdbcClient.create(dataSource), dataSource, 20261126L)
                        .generate(scale)
                        .toString();
                app = ProductionJar.start(database, port);
            }
            System.out.println("Data: " + dataScale);
            List<Persona> personas = personas(url, user);

            // Warm up every view with a few sessions, then sign them out: the baseline holds none.
            List<Session> warm = new ArrayList<>();
            for (int i = 0; i < personas.size(); i++) {
                Session s = new Session(personas.get(i), new Random(i));
                s.signIn();
                for (int round = 0; round < 3; round++) {
                    for (String route : s.persona.routes()) {
                        s.navigate(route(route, s.random));
                    }
                }
                warm.add(s);
            }
            for (Session s : warm) {
                s.signOut();
            }
            long baseline = heapAfterFullGc(app.pid());
            String diffView = System.getProperty("earlyhelp.load.histogram-view");
            if (diffView != null) {
                histogramDiff(app.pid(), personas, diffView);
                return;
            }
            if (Boolean.getBoolean("earlyhelp.load.by-view")) {
                memoryByView(app.pid(), personas);
                return;
            }
            if (Boolean.getBoolean("earlyhelp.load.cpu-by-page")) {
                cpuByPage(app.pid(), personas);
                return;
            }
            String steps = System.getProperty("earlyhelp.load.saturation");
            if (steps != null) {
                saturation(app.pid(), personas, steps);
                return;
            }

            List<Session> all = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch ready = new CountDownLatch(sessions);
            long rampStart = System.nanoTime();
            try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < sessions; i++) {
                    start(users, personas, i, (long) (rampSeconds * 1000.0 * i / sessions), all, ready);
                }
                ready.await();
                System.out.printf(
                        Locale.ROOT,
                        "%d sessions signed in over %.1f s%n",
                        all.size(),
                        (System.nanoTime() - rampStart) / 1e9);
                sleep(warmUpSeconds * 1000L); // every session busy before anything is measured
                measuring = true;
                long steadyStart = System.nanoTime();
                long cpuBefore = cpuNanos(app.pid());
                Map<String, Long> threadsBefore = threadCpuNanos(app.pid());
                boolean recording = Boolean.getBoolean("earlyhelp.load.jfr");
                if (recording) {
                    // Where the server's CPU goes: Java Flight Recorder over the steady phase
                    // (read with: jfr view hot-methods target/load-test.jfr).
                    jcmd(
                            app.pid(),
                            "JFR.start",
                            "name=load",
                            "settings=profile",
                            "filename=" + Path.of("target", "load-test.jfr").toAbsolutePath());
                }
                sleep(steadySeconds * 1000L);
                measuring = false;
                if (recording) {
                    jcmd(app.pid(), "JFR.stop", "name=load");
                }
                serverCpuSeconds = (cpuNanos(app.pid()) - cpuBefore) / 1e9;
                Map<String, Long> threadsAfter = threadCpuNanos(app.pid());
                compilerCpuSeconds = cpuOf(threadsBefore, threadsAfter, "C1 CompilerThre", "C2 CompilerThre") / 1e9;
                collectorCpuSeconds = cpuOf(threadsBefore, threadsAfter, "GC Thread", "G1 ") / 1e9;
                stopping = true;
                double steady = (System.nanoTime() - steadyStart) / 1e9;
                users.shutdown();
                users.awaitTermination(2, TimeUnit.MINUTES);
                long withSessions = heapAfterFullGc(app.pid());
                if (Boolean.getBoolean("earlyhelp.load.histogram")) {
                    // Where the sessions' memory goes: the biggest classes on the heap.
                    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd")
                            .toString();
                    Process histogram = new ProcessBuilder(jcmd, String.valueOf(app.pid()), "GC.class_histogram")
                            .redirectErrorStream(true)
                            .start();
                    new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .limit(45)
                            .forEach(System.out::println);
                }
                report(dataScale, all.size(), steady, baseline, withSessions, rssMegabytes(app.pid()));
            }
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor();
            }
            ProductionJar.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /**
     * Starts simulated person number {@code n} after {@code delay} ms: signs in, joins {@code
     * signedIn}, counts down {@code ready} (signed in or not), then works until the test stops.
     */
    private void start(
            ExecutorService users,
            List<Persona> personas,
            int n,
            long delay,
            List<Session> signedIn,
            CountDownLatch ready) {
        users.submit(() -> {
            Session s = new Session(personas.get(n % personas.size()), new Random(1000L + n));
            try {
                sleep(delay);
                s.signIn();
                signedIn.add(s);
            } catch (Exception e) {
                error("sign-in: " + e);
                return null;
            } finally {
                ready.countDown();
            }
            s.work();
            return null;
        });
    }

    /** Which classes grow when 100 sessions of the first hub lead rest on the view. */
    private void histogramDiff(long pid, List<Persona> personas, String view) throws Exception {
        Persona persona = personas.stream()
                .filter(p -> p.username().startsWith("lead."))
                .findFirst()
                .orElseThrow();
        heapAfterFullGc(pid);
        Map<String, Long> before = histogram(pid);
        List<Session> open = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Session s = new Session(persona, new Random(i));
            s.signIn();
            if (!view.isEmpty()) {
                s.navigate(view);
            }
            open.add(s);
        }
        heapAfterFullGc(pid);
        Map<String, Long> after = histogram(pid);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(30)
                .forEach(e -> System.out.printf(
                        Locale.ROOT, "%10.1f KB per session  %s%n", e.getValue() / 100.0 / 1024, e.getKey()));
    }

    private static Map<String, Long> histogram(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process histogram = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        Map<String, Long> bytes = new HashMap<>();
        Pattern row = Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*");
        new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .forEach(line -> {
                    Matcher m = row.matcher(line);
                    if (m.matches()) {
                        bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
                    }
                });
        histogram.waitFor();
        return bytes;
    }

    /** Heap per session for sessions resting on each view: where the memory goes. */
    private void memoryByView(long pid, List<Persona> personas) throws Exception {
        int n = 50;
        for (Persona persona : personas.stream()
                .filter(p -> p.username().equals("lead.dudley-central")
                        || p.username().equals("family.worker"))
                .toList()) {
            for (String choices : persona.routes()) {
                long before = heapAfterFullGc(pid);
                List<Session> open = new ArrayList<>();
                long answered = 0;
                for (int i = 0; i < n; i++) {
                    Session s = new Session(persona, new Random(i));
                    s.signIn();
                    long received = s.client.received();
                    s.navigate(route(choices, s.random));
                    answered += s.client.received() - received;
                    open.add(s);
                }
                long after = heapAfterFullGc(pid);
                // The page's answer: Vaadin keeps the last one in the session, to send again if
                // the browser repeats its message.
                System.out.printf(
                        Locale.ROOT,
                        "%-20s %-16s %8.1f KB per session, the page's answer %6.1f K characters%n",
                        persona.username(),
                        choices.contains("/") && choices.contains("|")
                                ? choices.substring(0, choices.indexOf('/'))
                                : choices,
                        (after - before) / (double) n,
                        answered / (double) n / 1000);
                for (Session s : open) {
                    s.signOut();
                }
            }
        }
    }

    /**
     * The server's CPU time per page view (the navigation and its grids' rows), page by page: ten
     * sessions of a hub lead and ten of a practitioner open the same page again and again, with no
     * pause, for eight seconds; the process's CPU time over that, divided by the page views.
     */
    private void cpuByPage(long pid, List<Persona> personas) throws Exception {
        int n = 10;
        System.out.printf(
                Locale.ROOT, "%-20s %-16s %8s %14s %10s%n", "person", "page", "views", "CPU ms / view", "p95 ms");
        for (Persona persona : personas.stream()
                .filter(p -> p.username().equals("lead.dudley-central")
                        || p.username().equals("family.worker"))
                .toList()) {
            List<Session> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Session s = new Session(persona, new Random(i));
                s.signIn();
                open.add(s);
            }
            for (String choices : persona.routes()) {
                for (Session s : open) {
                    for (int i = 0; i < 3; i++) {
                        s.navigate(route(choices, s.random));
                    }
                }
                ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
                long cpuBefore = cpuNanos(pid);
                long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
                try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Session s : open) {
                        users.submit(() -> {
                            while (System.nanoTime() < until) {
                                long started = System.nanoTime();
                                s.navigate(route(choices, s.random));
                                times.add(System.nanoTime() - started);
                            }
                            return null;
                        });
                    }
                }
                double cpuMs = (cpuNanos(pid) - cpuBefore) / 1e6;
                System.out.printf(
                        Locale.ROOT,
                        "%-20s %-16s %8d %14.2f %10.1f%n",
                        persona.username(),
                        page(choices),
                        times.size(),
                        cpuMs / Math.max(1, times.size()),
                        percentiles(new ArrayList<>(times))[2]);
            }
            for (Session s : open) {
                s.signOut();
            }
        }
    }

    private static String page(String choices) {
        String first = choices.split("\\|")[0];
        return first.isEmpty() ? "(home)" : first.replaceAll("/[0-9a-f-]{36}", "/:id");
    }

    /**
     * The saturation point: sessions are added step by step (for example 50,100,150,200,300), each
     * step measured for {@code earlyhelp.load.step-seconds} (default 30) after a short warm-up;
     * prints p95, throughput and the server's CPU per step, and the first step whose p95 passes
     * 150 ms. Stops after a step whose p95 passes a second.
     */
    private void saturation(long pid, List<Persona> personas, String steps) throws Exception {
        int stepSeconds = Integer.getInteger("earlyhelp.load.step-seconds", 30);
        List<Session> active = Collections.synchronizedList(new ArrayList<>());
        Integer saturated = null;
        System.out.printf(
                Locale.ROOT,
                "%8s %10s %8s %8s %12s %10s %14s%n",
                "sessions",
                "round trips",
                "per s",
                "p95 ms",
                "CPU % of all",
                "CPU ms/rt",
                "errors");
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String step : steps.split(",")) {
                int target = Integer.parseInt(step.strip());
                int adding = target - active.size();
                CountDownLatch ready = new CountDownLatch(Math.max(0, adding));
                for (int i = active.size(); i < target; i++) {
                    long delay = (long) (10_000.0 * (i - (target - adding)) / Math.max(1, adding));
                    start(users, personas, i, delay, active, ready);
                }
                ready.await();
                sleep(10_000);
                navigations.clear();
                gridRequests.clear();
                int errorsBefore = errors.get();
                measuring = true;
                long cpuBefore = cpuNanos(pid);
                long started = System.nanoTime();
                sleep(stepSeconds * 1000L);
                measuring = false;
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (cpuNanos(pid) - cpuBefore) / 1e9;
                List<Long> all = new ArrayList<>(navigations);
                all.addAll(gridRequests);
                double p95 = percentiles(all)[2];
                System.out.printf(
                        Locale.ROOT,
                        "%8d %10d %8.1f %8.1f %12.0f %10.2f %14d%n",
                        active.size(),
                        all.size(),
                        all.size() / seconds,
                        p95,
                        100 * cpuSeconds / seconds / Runtime.getRuntime().availableProcessors(),
                        all.isEmpty() ? 0 : cpuSeconds * 1000 / all.size(),
                        errors.get() - errorsBefore);
                if (saturated == null && p95 > 150) {
                    saturated = active.size();
                }
                if (p95 > 1000) {
                    break;
                }
            }
            stopping = true;
            users.shutdown();
        }
        System.out.println(
                saturated == null
                        ? "p95 stayed at or under 150 ms at every step"
                        : "saturation point: p95 passed 150 ms at " + saturated + " sessions");
        errorSamples.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        System.out.print(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        jcmd.waitFor();
    }

    /** The process's CPU time so far (user and system), from /proc. */
    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of /proc/pid/stat (utime, stime), counted after the command's name.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    /**
     * Each thread's CPU time so far, by thread id and name ({@code "1234 C2 CompilerThre"}), from
     * /proc/pid/task: to tell the JIT compiler's and the garbage collector's share of the server's
     * CPU from the requests' own.
     */
    private static Map<String, Long> threadCpuNanos(long pid) throws IOException {
        Map<String, Long> cpu = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.put(task.getFileName() + " " + name, ticks * 1_000_000_000L / CLOCK_TICKS);
                } catch (IOException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return cpu;
    }

    /**
     * The CPU used between two readings by the threads whose names start with one of {@code
     * prefixes}. A thread that ended in between is not counted (its time stays in "the rest").
     */
    private static long cpuOf(Map<String, Long> before, Map<String, Long> after, String... prefixes) {
        long sum = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                    break;
                }
            }
        }
        return sum;
    }

    /** The kernel's clock ticks per second (getconf CLK_TCK), 100 on Linux here. */
    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }

    /** Hub leads and practitioners of the demonstration borough, with what each looks at. */
    public static List<Persona> personas(String url, String user) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Persona> personas = new ArrayList<>();
        List<Map<String, Object>> accounts = jdbc.sql("""
                        SELECT username, roles[1] AS role, hub_ids[1] AS hub FROM identity.account
                        WHERE enabled AND roles[1] IN ('hub-lead', 'practitioner') ORDER BY username""").query().listOfRows();
        for (Map<String, Object> account : accounts) {
            String username = (String) account.get("username");
            String hub = (String) account.get("hub");
            List<String> routes = new ArrayList<>();
            if ("hub-lead".equals(account.get("role"))) {
                List<String> cases =
                        jdbc.sql("""
                                SELECT 'cases/' || id FROM referrals.case_file WHERE hub_id = ?
                                ORDER BY closed_at IS NULL DESC, allocated_at DESC LIMIT 50""").param(hub).query(String.class).list();
                List<String> families =
                        jdbc.sql("""
                                SELECT DISTINCT 'families/' || family_id FROM referrals.case_file WHERE hub_id = ?
                                LIMIT 50""").param(hub).query(String.class).list();
                routes.addAll(List.of("", "hub/dashboard", "hub/queue", "my-work"));
                routes.add(String.join("|", cases));
                routes.add(String.join("|", families));
                routes.add("voice/feedback");
            } else {
                List<String> cases =
                        jdbc.sql("""
                                SELECT 'cases/' || id FROM referrals.case_file WHERE lead = ? LIMIT 50""").param(username).query(String.class).list();
                routes.addAll(List.of("", "my-work", "requests", "requests/new", "services"));
                if (!cases.isEmpty()) {
                    routes.add(String.join("|", cases));
                }
                routes.add("log");
            }
            personas.add(new Persona(username, routes));
        }
        return personas;
    }

    /** One of the alternatives a route stands for (a case or family picked at random). */
    public static String route(String choices, Random random) {
        String[] options = choices.split("\\|");
        return options[random.nextInt(options.length)];
    }

    /** One simulated person: what they look at, their own random choices, and their portal client. */
    private final class Session {
        final Persona persona;
        final Random random;
        final PortalClient client;

        Session(Persona persona, Random random) {
            this.persona = persona;
            this.random = random;
            this.client = new PortalClient(http, base, persona.username(), PortalLoadTest.this::record);
        }

        void signIn() throws Exception {
            client.signIn();
        }

        void navigate(String route) throws Exception {
            client.navigate(route);
        }

        void signOut() throws Exception {
            client.signOut();
        }

        void work() {
            while (!stopping) {
                sleep(thinkMin + random.nextInt(Math.max(1, thinkMax - thinkMin)));
                if (stopping) {
                    return;
                }
                try {
                    navigate(route(
                            persona.routes().get(random.nextInt(persona.routes().size())), random));
                } catch (Exception e) {
                    error(persona.username() + ": " + e);
                }
            }
        }
    }

    private void record(PortalClient.Kind kind, String route, long nanos) {
        switch (kind) {
            case SIGN_IN -> logins.add(nanos);
            case NAVIGATION -> {
                if (measuring) {
                    navigations.add(nanos);
                    byView.computeIfAbsent(
                                    "/" + route.replaceAll("/[0-9a-f-]{36}", "/:id"),
                                    k -> new ConcurrentLinkedQueue<>())
                            .add(nanos);
                }
            }
            case GRID_ROWS -> {
                if (measuring) {
                    gridRequests.add(nanos);
                }
            }
        }
    }

    private void report(
            String dataScale, int open, double steadySeconds, long baselineKb, long withSessionsKb, long rssMb)
            throws IOException {
        List<Long> all = new ArrayList<>(navigations);
        all.addAll(gridRequests);
        double perSession = open == 0 ? 0 : (double) (withSessionsKb - baselineKb) / open;
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("all round trips", percentiles(all));
        rows.put("navigation (view built)", percentiles(new ArrayList<>(navigations)));
        rows.put("grid rows", percentiles(new ArrayList<>(gridRequests)));
        rows.put("sign-in (4 requests)", percentiles(new ArrayList<>(logins)));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Portal load test on %d cores: %d sessions, think time %d-%d ms, %.0f s steady, data: %s%n",
                Runtime.getRuntime().availableProcessors(),
                open,
                thinkMin,
                thinkMax,
                steadySeconds,
                dataScale);
        System.out.printf(
                Locale.ROOT,
                "%-26s %8s %8s %8s %8s %8s%n",
                "round trips",
                "count",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms");
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            double[] p = row.getValue();
            System.out.printf(
                    Locale.ROOT, "%-26s %8.0f %8.1f %8.1f %8.1f %8.1f%n", row.getKey(), p[0], p[1], p[2], p[3], p[4]);
        }
        new TreeMap<>(byView).forEach((view, times) -> {
            double[] v = percentiles(new ArrayList<>(times));
            System.out.printf(
                    Locale.ROOT, "  %-24s %8.0f %8.1f %8.1f %8.1f %8.1f%n", view, v[0], v[1], v[2], v[3], v[4]);
        });
        System.out.printf(
                Locale.ROOT, "throughput: %.1f round trips/s; errors: %d%n", all.size() / steadySeconds, errors.get());
        double cpuPerRoundTrip = all.isEmpty() ? 0 : serverCpuSeconds * 1000 / all.size();
        System.out.printf(
                Locale.ROOT,
                "server CPU: %.1f s in %.0f s steady (%.0f%% of %d cores): %.2f ms of CPU per round trip%n",
                serverCpuSeconds,
                steadySeconds,
                100 * serverCpuSeconds / steadySeconds / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(),
                cpuPerRoundTrip);
        double rounds = Math.max(1, all.size());
        System.out.printf(
                Locale.ROOT,
                "  of which the JIT compiler %.2f ms, the garbage collector %.2f ms, the rest (requests, jobs) %.2f ms%n",
                compilerCpuSeconds * 1000 / rounds,
                collectorCpuSeconds * 1000 / rounds,
                (serverCpuSeconds - compilerCpuSeconds - collectorCpuSeconds) * 1000 / rounds);
        errorSamples.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        System.out.printf(
                Locale.ROOT,
                "heap after full GC: %,d KB with no sessions, %,d KB with %d sessions: %.1f KB per session (target <= 200); resident %d MB%n",
                baselineKb,
                withSessionsKb,
                open,
                perSession,
                rssMb);
        double[] p = rows.get("all round trips");
        System.out.printf(
                Locale.ROOT,
                "targets: p95 round trip %.1f ms <= 150: %s; memory per session %.1f KB <= 200: %s%n",
                p[2],
                p[2] <= 150 ? "met" : "NOT MET",
                perSession,
                perSession <= 200 ? "met" : "NOT MET");
        String json = String.format(
                Locale.ROOT,
                "{\n  \"sessions\": %d,\n  \"data\": \"%s\",\n  \"thinkMs\": [%d, %d],\n  \"steadySeconds\": %.0f,\n"
                        + "  \"roundTrips\": %.0f,\n  \"p50\": %.1f,\n  \"p95\": %.1f,\n  \"p99\": %.1f,\n"
                        + "  \"errors\": %d,\n  \"heapBaselineKb\": %d,\n  \"heapWithSessionsKb\": %d,\n"
                        + "  \"kbPerSession\": %.1f,\n  \"serverCpuMsPerRoundTrip\": %.2f,\n"
                        + "  \"compilerCpuMsPerRoundTrip\": %.2f,\n  \"collectorCpuMsPerRoundTrip\": %.2f\n}\n",
                open,
                dataScale,
                thinkMin,
                thinkMax,
                steadySeconds,
                p[0],
                p[1],
                p[2],
                p[3],
                errors.get(),
                baselineKb,
                withSessionsKb,
                perSession,
                cpuPerRoundTrip,
                compilerCpuSeconds * 1000 / rounds,
                collectorCpuSeconds * 1000 / rounds);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-test.json"), json);
        System.out.println("Written to target/load-test.json");
    }

    /** Count, p50, p95, p99 and max in milliseconds. */
    private static double[] percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new double[5];
        }
        Collections.sort(nanos);
        return new double[] {nanos.size(), at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos.getLast() / 1e6};
    }

    private static double at(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private void error(String message) {
        errors.incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(message);
        }
    }

    /** Heap used after two full collections in the application's process, in KB. */
    private static long heapAfterFullGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (int i = 0; i < 2; i++) {
            new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        }
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String output = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        Matcher m = HEAP_USED.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No heap figure from jcmd:\n" + output);
        }
        return Long.parseLong(m.group(1));
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
