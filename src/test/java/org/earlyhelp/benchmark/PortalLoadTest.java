package org.earlyhelp.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.testing.ProductionJar;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
 * ramp-seconds, warm-up-seconds, steady-seconds, think-min-ms, think-max-ms, scale).
 */
public final class PortalLoadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
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
    private final AtomicLong responseBytes = new AtomicLong();
    private String base;

    record Persona(String username, List<String> routes) {}

    public static void main(String[] args) throws Exception {
        new PortalLoadTest().run();
    }

    private void run() throws Exception {
        String user = System.getProperty("user.name");
        String database = "earlyhelp_load_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ProductionJar.execute("postgres", "CREATE DATABASE " + database);
        String url = "jdbc:postgresql://localhost:5432/" + database;
        int port = freePort();
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

            List<Session> all = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch ready = new CountDownLatch(sessions);
            long rampStart = System.nanoTime();
            try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < sessions; i++) {
                    int n = i;
                    users.submit(() -> {
                        Session s = new Session(personas.get(n % personas.size()), new Random(1000L + n));
                        try {
                            sleep((long) (rampSeconds * 1000.0 * n / sessions));
                            s.signIn();
                            all.add(s);
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
                ready.await();
                System.out.printf(
                        Locale.ROOT,
                        "%d sessions signed in over %.1f s%n",
                        all.size(),
                        (System.nanoTime() - rampStart) / 1e9);
                sleep(warmUpSeconds * 1000L); // every session busy before anything is measured
                measuring = true;
                long steadyStart = System.nanoTime();
                sleep(steadySeconds * 1000L);
                measuring = false;
                stopping = true;
                double steady = (System.nanoTime() - steadyStart) / 1e9;
                users.shutdown();
                users.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
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
                for (int i = 0; i < n; i++) {
                    Session s = new Session(persona, new Random(i));
                    s.signIn();
                    s.navigate(route(choices, s.random));
                    open.add(s);
                }
                long after = heapAfterFullGc(pid);
                System.out.printf(
                        Locale.ROOT,
                        "%-20s %-16s %8.1f KB per session%n",
                        persona.username(),
                        choices.contains("/") && choices.contains("|")
                                ? choices.substring(0, choices.indexOf('/'))
                                : choices,
                        (after - before) / (double) n);
                for (Session s : open) {
                    s.signOut();
                }
            }
        }
    }

    /** Hub leads and practitioners of the demonstration borough, with what each looks at. */
    private static List<Persona> personas(String url, String user) throws Exception {
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
    private static String route(String choices, Random random) {
        String[] options = choices.split("\\|");
        return options[random.nextInt(options.length)];
    }

    /** One person's browser: cookies, the UI's id, its security key and the message counters. */
    private final class Session {
        final Persona persona;
        final Random random;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        String securityKey;
        int uiId;
        int syncId;
        int clientId;
        int historyIndex;

        Session(Persona persona, Random random) {
            this.persona = persona;
            this.random = random;
        }

        void signIn() throws Exception {
            long started = System.nanoTime();
            HttpResponse<String> page = get("login");
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF token on the sign-in page");
            }
            String form = "username=" + encode(persona.username()) + "&password=" + encode("demo-early-help")
                    + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(
                        "Sign-in refused for " + persona.username() + ": " + signedIn.statusCode() + " " + location);
            }
            get(""); // the bootstrap page
            JsonNode init = JSON.readTree(get("?v-r=init&location=&query=").body());
            JsonNode config = init.path("appConfig");
            JsonNode uidl = config.path("uidl");
            securityKey = uidl.path("Vaadin-Security-Key").asString();
            uiId = config.path("v-uiId").asInt();
            syncId = uidl.path("syncId").asInt();
            clientId = uidl.path("clientId").asInt() + 0;
            logins.add(System.nanoTime() - started);
            navigate("");
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

        /** What the browser sends when someone follows a link: a navigation, then the grids' rows. */
        void navigate(String route) throws Exception {
            ObjectNode event = JSON.createObjectNode();
            event.put("type", "event");
            event.put("node", 1);
            event.put("event", "ui-navigate");
            ObjectNode data = event.putObject("data");
            data.put("route", route);
            data.put("query", "");
            data.put("appShellTitle", "");
            data.putObject("historyState").put("idx", historyIndex++);
            data.put("trigger", "");
            long started = System.nanoTime();
            JsonNode response = uidl(List.of(event), navigations);
            if (measuring) {
                byView.computeIfAbsent(
                                "/" + route.replaceAll("/[0-9a-f-]{36}", "/:id"), k -> new ConcurrentLinkedQueue<>())
                        .add(System.nanoTime() - started);
            }
            List<ObjectNode> rpcs = confirmations(response);
            Map<Integer, Boolean> visible = new HashMap<>();
            List<Integer> grids = new ArrayList<>();
            for (JsonNode change : response.path("changes")) {
                String key = change.path("key").asString("");
                if (key.equals("tag") && change.path("value").asString("").equals("vaadin-grid")) {
                    grids.add(change.path("node").asInt());
                }
                if (key.equals("visible")) {
                    visible.put(
                            change.path("node").asInt(), change.path("value").asBoolean());
                }
            }
            int promise = rpcs.size();
            for (int grid : grids) {
                if (visible.getOrDefault(grid, true)) {
                    ObjectNode rpc = JSON.createObjectNode();
                    rpc.put("type", "publishedEventHandler");
                    rpc.put("node", grid);
                    rpc.put("templateEventMethodName", "setViewportRange");
                    rpc.putArray("templateEventMethodArgs").add(0).add(50);
                    rpc.put("promise", promise++);
                    rpcs.add(rpc);
                }
            }
            if (!rpcs.isEmpty()) {
                List<ObjectNode> more = confirmations(uidl(rpcs, gridRequests));
                if (!more.isEmpty()) {
                    uidl(more, gridRequests);
                }
            }
        }

        /**
         * The grid connector confirms each update of rows it has applied ({@code
         * $connector.confirm(id)} calls back {@code confirmUpdate(id)}), so the server can let go of
         * the rows it kept for it.
         */
        private List<ObjectNode> confirmations(JsonNode response) {
            List<ObjectNode> confirmations = new ArrayList<>();
            for (JsonNode execute : response.path("execute")) {
                if (execute.isArray()
                        && execute.size() == 3
                        && execute.get(2).asString("").contains("$connector.confirm(")) {
                    ObjectNode rpc = JSON.createObjectNode();
                    rpc.put("type", "publishedEventHandler");
                    rpc.put("node", execute.get(0).path("@v-node").asInt());
                    rpc.put("templateEventMethodName", "confirmUpdate");
                    rpc.putArray("templateEventMethodArgs").add(execute.get(1).asInt());
                    rpc.put("promise", confirmations.size());
                    confirmations.add(rpc);
                }
            }
            return confirmations;
        }

        private JsonNode uidl(List<ObjectNode> rpc, ConcurrentLinkedQueue<Long> times) throws Exception {
            ObjectNode message = JSON.createObjectNode();
            message.put("csrfToken", securityKey);
            ArrayNode array = message.putArray("rpc");
            rpc.forEach(array::add);
            message.put("syncId", syncId);
            message.put("clientId", clientId);
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
            long elapsed = System.nanoTime() - started;
            if (measuring) {
                times.add(elapsed);
            }
            String body = response.body();
            responseBytes.addAndGet(body.length());
            if (body.startsWith("for(;;);")) {
                body = body.substring("for(;;);".length());
            }
            JsonNode json = JSON.readTree(body);
            if (json.isArray()) {
                json = json.get(0);
            }
            if (response.statusCode() != 200
                    || json.has("meta")
                            && (json.get("meta").has("appError")
                                    || json.get("meta").has("sessionExpired"))
                    || json.path("syncId").asInt(-1) != syncId + 1) {
                throw new IllegalStateException("Unexpected answer " + response.statusCode() + ": " + abbreviate(body));
            }
            syncId = json.path("syncId").asInt();
            clientId = json.path("clientId").asInt();
            return json;
        }

        void signOut() throws Exception {
            HttpResponse<String> page = get("about");
            Matcher csrf = CSRF.matcher(page.body());
            if (csrf.find()) {
                send(HttpRequest.newBuilder(URI.create(base + "logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)))));
            }
        }

        private HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).strip(),
                            pair.substring(eq + 1).strip());
                }
            }
            return response;
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
        new java.util.TreeMap<>(byView).forEach((view, times) -> {
            double[] v = percentiles(new ArrayList<>(times));
            System.out.printf(
                    Locale.ROOT, "  %-24s %8.0f %8.1f %8.1f %8.1f %8.1f%n", view, v[0], v[1], v[2], v[3], v[4]);
        });
        System.out.printf(
                Locale.ROOT, "throughput: %.1f round trips/s; errors: %d%n", all.size() / steadySeconds, errors.get());
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
                        + "  \"kbPerSession\": %.1f\n}\n",
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
                perSession);
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

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
