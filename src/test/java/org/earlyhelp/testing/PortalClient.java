package org.earlyhelp.testing;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One person's browser without the browser: cookies, the UI's id, its security key and the message
 * counters, speaking Vaadin's own request protocol over HTTP (sign in with the form, the bootstrap
 * page, {@code ?v-r=init}, then UIDL requests: navigation events and the grids' data requests).
 * Used by the load test and the two-instance test.
 */
public final class PortalClient {

    /** What is told of each round trip: a navigation, the grids' rows or a sign-in, and how long. */
    public interface Timings {
        void roundTrip(Kind kind, String route, long nanos);
    }

    public enum Kind {
        SIGN_IN,
        NAVIGATION,
        GRID_ROWS
    }

    /** An answer the portal's client would not take as a page update: its status and what it said. */
    public static final class UnexpectedAnswer extends IllegalStateException {
        private final int status;
        private final String body;
        private final String location;

        UnexpectedAnswer(int status, String body, String location) {
            super("Unexpected answer " + status + (location.isEmpty() ? "" : " to " + location) + ": "
                    + abbreviate(body));
            this.status = status;
            this.body = body;
            this.location = location;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        /** Where a redirect pointed, or empty. */
        public String location() {
            return location;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    public static final String PASSWORD = "demo-early-help";

    private final HttpClient http;
    private final String base;
    private final String username;
    private final Timings timings;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private String securityKey = "";
    private int uiId;
    private int syncId;
    private int clientId;
    private int historyIndex;
    private volatile long bytes;

    /**
     * @param base the portal's address, ending with a slash
     */
    public PortalClient(HttpClient http, String base, String username, Timings timings) {
        this.http = http;
        this.base = base;
        this.username = username;
        this.timings = timings;
    }

    public String username() {
        return username;
    }

    /** Every cookie the portal (or a proxy in front of it) set, by name. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** A cookie the portal or a proxy in front of it set, such as the proxy's sticky-session cookie. */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Characters received so far. */
    public long received() {
        return bytes;
    }

    /** Signs in with the sign-in form and opens the home view. */
    public void signIn() throws Exception {
        long started = System.nanoTime();
        sendTheSignInForm();
        get(""); // the bootstrap page
        init("");
        timings.roundTrip(Kind.SIGN_IN, "login", System.nanoTime() - started);
        navigate("");
    }

    /**
     * Sends the sign-in form as the sign-in page does, with the page's CSRF token, and nothing more:
     * the session's cookies ({@link #cookies()}) are then those of a signed-in person.
     */
    public void sendTheSignInForm() throws Exception {
        HttpResponse<String> page = get("login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new UnexpectedAnswer(page.statusCode(), "No CSRF token on the sign-in page: " + page.body(), "");
        }
        String form =
                "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new UnexpectedAnswer(signedIn.statusCode(), "Sign-in refused for " + username, location);
        }
    }

    /** Vaadin's first request for a page: a new UI, its id, security key and counters. */
    private void init(String location) throws Exception {
        JsonNode init =
                JSON.readTree(get("?v-r=init&location=" + location + "&query=").body());
        JsonNode config = init.path("appConfig");
        JsonNode uidl = config.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        uiId = config.path("v-uiId").asInt();
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
    }

    /**
     * What the browser does when the page is loaded again (as Vaadin's client does when the server
     * says the session has expired): the page, following redirects, then Vaadin's init and the
     * navigation to where it ended. Returns where that was and what the navigation showed.
     */
    public Reloaded reload(String path) throws Exception {
        HttpResponse<String> page = get(path);
        for (int redirects = 0; page.statusCode() / 100 == 3 && redirects < 3; redirects++) {
            path = page.headers()
                    .firstValue("Location")
                    .orElse("")
                    .replaceFirst("^https?://[^/]+/", "")
                    .replaceFirst("^/", "");
            page = get(path);
        }
        if (page.statusCode() != 200) {
            throw new UnexpectedAnswer(page.statusCode(), page.body(), path);
        }
        init(path);
        JsonNode shown = uidl(List.of(navigation(path)), Kind.NAVIGATION, path);
        return new Reloaded(path, shown.toString());
    }

    /** Where a reload ended, and the changes the navigation there sent (tags, texts, properties). */
    public record Reloaded(String path, String changes) {}

    private ObjectNode navigation(String route) {
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
        return event;
    }

    /** What the browser sends when someone follows a link: a navigation, then the grids' rows. */
    public void navigate(String route) throws Exception {
        JsonNode response = uidl(List.of(navigation(route)), Kind.NAVIGATION, route);
        List<ObjectNode> rpcs = confirmations(response);
        Map<Integer, Boolean> visible = new HashMap<>();
        List<Integer> grids = new ArrayList<>();
        for (JsonNode change : response.path("changes")) {
            String key = change.path("key").asString("");
            if (key.equals("tag") && change.path("value").asString("").equals("vaadin-grid")) {
                grids.add(change.path("node").asInt());
            }
            if (key.equals("visible")) {
                visible.put(change.path("node").asInt(), change.path("value").asBoolean());
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
            List<ObjectNode> more = confirmations(uidl(rpcs, Kind.GRID_ROWS, route));
            if (!more.isEmpty()) {
                uidl(more, Kind.GRID_ROWS, route);
            }
        }
    }

    /**
     * The grid connector confirms each update of rows it has applied ({@code
     * $connector.confirm(id)} calls back {@code confirmUpdate(id)}), so the server can let go of the
     * rows it kept for it.
     */
    private static List<ObjectNode> confirmations(JsonNode response) {
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

    private JsonNode uidl(List<ObjectNode> rpc, Kind kind, String route) throws Exception {
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
        String body = response.body();
        if (body.startsWith("for(;;);")) {
            body = body.substring("for(;;);".length());
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            throw new UnexpectedAnswer(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Location").orElse(""));
        }
        if (json.isArray()) {
            json = json.get(0);
        }
        if (response.statusCode() != 200
                || json.has("meta")
                        && (json.get("meta").has("appError") || json.get("meta").has("sessionExpired"))
                || json.path("syncId").asInt(-1) != syncId + 1) {
            throw new UnexpectedAnswer(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Location").orElse(""));
        }
        timings.roundTrip(kind, route, elapsed);
        String keep = System.getProperty("earlyhelp.load.answers-to");
        if (keep != null && kind == Kind.NAVIGATION) {
            // What a page sends, to see where its size goes: the last answer for each route.
            Path dir = Path.of(keep);
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve((route.isEmpty()
                                    ? "home"
                                    : route.replaceAll("/[0-9a-f-]{36}", "").replace('/', '_')) + ".json"),
                    body);
        }
        syncId = json.path("syncId").asInt();
        clientId = json.path("clientId").asInt();
        return json;
    }

    public void signOut() throws Exception {
        HttpResponse<String> page = get("about");
        Matcher csrf = CSRF.matcher(page.body());
        if (csrf.find()) {
            send(HttpRequest.newBuilder(URI.create(base + "logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)))));
        }
    }

    /** A page as a browser would load it, with this person's cookies, redirects not followed. */
    public HttpResponse<String> get(String path) throws Exception {
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
        bytes += response.body().length();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
