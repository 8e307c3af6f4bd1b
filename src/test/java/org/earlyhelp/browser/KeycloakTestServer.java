package org.earlyhelp.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.earlyhelp.testing.ChildJvm;
import org.earlyhelp.testing.Commands;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.TestFork;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak 26.7.3, from its Maven Central distribution (unpacked by the build into
 * {@code target/keycloak}), started once for each JVM that runs tests (a copy of its own for each
 * of failsafe's forks) with the realm from {@code keycloak/}, and stopped when that JVM ends.
 */
public final class KeycloakTestServer {

    /** The password of every person in the test realm, and of those tests add to it. */
    public static final String PASSWORD = "Early-help-test-1";

    private static KeycloakTestServer instance;

    private final int port;
    private final int appPort;
    private final Process process;

    private KeycloakTestServer(int port, int appPort, Process process) {
        this.port = port;
        this.appPort = appPort;
        this.process = process;
    }

    /**
     * Keycloak, started if need be with the portal client allowed to redirect to {@link #appPort()}:
     * for tests that only need tokens (the partner API), not the portal's browser login.
     */
    public static synchronized KeycloakTestServer running() {
        return instance != null ? instance : start(appPort());
    }

    private static int sharedAppPort;

    /** The one application port Keycloak's portal client redirects to in this test run. */
    public static synchronized int appPort() {
        if (sharedAppPort == 0) {
            sharedAppPort = FreePorts.next();
        }
        return sharedAppPort;
    }

    /**
     * Starts Keycloak, once, with the portal client allowed to redirect to the given application
     * port. Later calls return the same server.
     */
    public static synchronized KeycloakTestServer start(int appPort) {
        if (instance != null) {
            if (instance.appPort != appPort) {
                throw new IllegalStateException("Keycloak is already running for application port " + instance.appPort);
            }
            return instance;
        }
        Path unpacked = Path.of(System.getProperty("earlyhelp.test.keycloak-home", "target/keycloak/keycloak-26.7.3"));
        Path realmDir = Path.of(System.getProperty("earlyhelp.test.realm-dir", "keycloak"));
        if (!Files.isExecutable(unpacked.resolve("bin/kc.sh"))) {
            String message = "\n\n*** KEYCLOAK TESTS SKIPPED: no Keycloak at " + unpacked.toAbsolutePath()
                    + ". Run them with ./mvnw verify, which unpacks it from Maven Central. ***\n";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        try {
            builtOnce(unpacked);
            Path home = ownCopy(unpacked);
            int port = FreePorts.next();
            int management = FreePorts.next();
            Path data = home.resolve("data");
            deleteRecursively(data.resolve("h2"));
            Path importDir = Files.createDirectories(data.resolve("import"));
            String realm = Files.readString(realmDir.resolve("realm-earlyhelp.json"))
                    .replace("http://localhost:8080", "http://localhost:" + appPort);
            Files.writeString(importDir.resolve("realm-earlyhelp.json"), realm);
            Path log = Path.of("target", TestFork.own("keycloak") + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            // As built by builtOnce: no build at each start, as "start-dev" made (33 s
                            // of both cores for each JVM running tests).
                            "start",
                            "--optimized",
                            "--http-enabled=true",
                            "--http-port=" + port,
                            "--http-management-port=" + management,
                            "--hostname=http://localhost:" + port,
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_APPEND", ChildJvm.line());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            Instant started = Instant.now();
            Process process = builder.start();
            KeycloakTestServer server = new KeycloakTestServer(port, appPort, process);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            server.awaitReady(management, log);
            System.out.printf(
                    "Keycloak 26.7.3 ready on port %d in %d s%n",
                    port, Duration.between(started, Instant.now()).toSeconds());
            instance = server;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Building or copying it was interrupted.
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/earlyhelp";
    }

    /** An access token for a partner system's client (client credentials), as its system would get one. */
    public String clientToken(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(
                    "No token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** A token for the demonstration school's system, the partner client in the realm export. */
    public String schoolToken() throws Exception {
        return clientToken("earlyhelp-partner-school", "earlyhelp-partner-school-dev-secret");
    }

    /** A token of Keycloak's own administrator, for its admin API. */
    private String adminToken() throws Exception {
        HttpResponse<String> token = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /**
     * Creates a confidential client with a service account (client credentials) in the realm, as
     * an administrator would, with the realm role {@code practitioner} and, if asked, the partner
     * API's audience. Does nothing if it exists.
     */
    public void createPartnerClient(String clientId, String secret, boolean apiAudience) throws Exception {
        String mappers = apiAudience ? """
                  , "protocolMappers": [{"name": "partner-api-audience", "protocol": "openid-connect",
                     "protocolMapper": "oidc-audience-mapper", "config": {"included.custom.audience": "earlyhelp-api",
                     "id.token.claim": "false", "access.token.claim": "true"}}]""" : "";
        String json = """
                {"clientId": "%s", "enabled": true, "protocol": "openid-connect", "publicClient": false,
                 "clientAuthenticatorType": "client-secret", "secret": "%s", "standardFlowEnabled": false,
                 "directAccessGrantsEnabled": false, "serviceAccountsEnabled": true%s}""".formatted(clientId, secret, mappers);
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/clients"))
                                .header("Authorization", "Bearer " + adminToken())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException(
                    "Keycloak refused the client " + clientId + ": " + created.statusCode() + " " + created.body());
        }
    }

    /**
     * A person's access token from the portal's own client (the password grant, switched on for
     * the portal's client through the admin API for this): what a signed-in user's token looks like.
     */
    public String portalUserToken(String username, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = adminToken();
        HttpResponse<String> found = http.send(
                HttpRequest.newBuilder(
                                URI.create(baseUrl() + "/admin/realms/earlyhelp/clients?clientId=earlyhelp-portal"))
                        .header("Authorization", "Bearer " + admin)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String id = found.body().replaceAll("(?s)^\\[\\{\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/clients/" + id))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"clientId\": \"earlyhelp-portal\", \"directAccessGrantsEnabled\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String basic = Base64.getEncoder()
                .encodeToString("earlyhelp-portal:earlyhelp-portal-dev-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&scope=openid&username=" + username + "&password=" + password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(
                    "No token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** Enables or disables a user of the realm through Keycloak's admin API, as an administrator would. */
    public void setEnabled(String username, boolean enabled) throws Exception {
        String admin = adminToken();
        String id = userId(username, admin);
        HttpResponse<String> updated = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/users/" + id))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": " + enabled + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "Keycloak refused to change " + username + ": " + updated.statusCode() + " " + updated.body());
        }
    }

    /**
     * Adds a person to the realm through Keycloak's admin API, as an administrator would: the
     * given realm role, working in the given hub for Dudley Council, with the realm's test password.
     * Does nothing if they exist.
     */
    public void addPerson(String username, String realmRole, String hub) throws Exception {
        String admin = adminToken();
        HttpClient http = HttpClient.newHttpClient();
        String json = """
                {"username": "%1$s", "enabled": true, "firstName": "Test", "lastName": "%1$s",
                 "email": "%1$s@earlyhelp.example", "emailVerified": true,
                 "attributes": {"organisation": ["dudley-council"], "hub": ["%2$s"]},
                 "credentials": [{"type": "password", "value": "%3$s", "temporary": false}]}""".formatted(username, hub, PASSWORD);
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/users"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            return;
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Keycloak refused the person " + username + ": " + created.statusCode() + " " + created.body());
        }
        String role = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/roles/" + realmRole))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> granted = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/users/" + userId(username, admin)
                                + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (granted.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the role " + realmRole + " to " + username + ": "
                    + granted.statusCode() + " " + granted.body());
        }
    }

    /**
     * Gives a user of the realm another realm role in place of one they had, through Keycloak's
     * admin API, as an administrator does when someone changes job.
     */
    public void changeRealmRole(String username, String from, String to) throws Exception {
        String admin = adminToken();
        HttpClient http = HttpClient.newHttpClient();
        String mappings =
                baseUrl() + "/admin/realms/earlyhelp/users/" + userId(username, admin) + "/role-mappings/realm";
        for (String[] change : new String[][] {{"DELETE", from}, {"POST", to}}) {
            String role = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/earlyhelp/roles/" + change[1]))
                                    .header("Authorization", "Bearer " + admin)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            HttpResponse<String> changed = http.send(
                    HttpRequest.newBuilder(URI.create(mappings))
                            .header("Authorization", "Bearer " + admin)
                            .header("Content-Type", "application/json")
                            .method(change[0], HttpRequest.BodyPublishers.ofString("[" + role + "]"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (changed.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused to " + change[0] + " the role " + change[1] + " of "
                        + username + ": " + changed.statusCode() + " " + changed.body());
            }
        }
    }

    /** The id Keycloak gave a user of the realm. */
    private String userId(String username, String adminToken) throws Exception {
        HttpResponse<String> found = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        baseUrl() + "/admin/realms/earlyhelp/users?exact=true&username=" + username))
                                .header("Authorization", "Bearer " + adminToken)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("^\\[\\{\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(found.body());
        if (found.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Keycloak has no user " + username + ": " + found.body());
        }
        return m.group(1);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(int managementPort, Path log) throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + tail(log));
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within 5 minutes:\n" + tail(log));
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(TimeUnit.SECONDS.toMillis(20), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Builds the unpacked Keycloak once for every JVM running tests ({@code kc.sh build}: health on
     * the management port, caches local to the one node), before any copies it; the JVMs take turns
     * through {@code target/keycloak.lock}.
     */
    private static void builtOnce(Path unpacked) throws Exception {
        Path built = unpacked.resolve(".built-for-tests");
        TestFork.inTurn("keycloak", () -> {
            if (!Files.exists(built)) {
                Instant started = Instant.now();
                Commands.runToEnd(
                        "Keycloak's build failed",
                        Duration.ofMinutes(5),
                        Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS_APPEND", ChildJvm.line()),
                        unpacked.resolve("bin/kc.sh").toString(),
                        "build",
                        "--health-enabled=true",
                        "--cache=local");
                Files.writeString(built, Instant.now().toString());
                System.out.printf(
                        "Keycloak 26.7.3 built in %d s%n",
                        Duration.between(started, Instant.now()).toSeconds());
            }
            return built;
        });
    }

    /**
     * The Keycloak to start: the unpacked one when this JVM runs tests alone, else a copy of its
     * own for this fork. Two Keycloaks cannot share one: each keeps its database under {@code data/},
     * and the second finds the first's database file locked and stops.
     */
    private static Path ownCopy(Path unpacked) throws Exception {
        if (TestFork.number() == 0) {
            return unpacked;
        }
        Path copy = Path.of("target", TestFork.own("keycloak-fork")).resolve(unpacked.getFileName());
        Path copied = copy.resolve(".copied");
        // A copy made before the build (an older run's) would not start "--optimized": copy again.
        if (!Files.exists(copied) || !Files.exists(copy.resolve(".built-for-tests"))) {
            deleteRecursively(copy);
            Files.createDirectories(copy.getParent());
            // cp -a keeps the scripts executable.
            Commands.runToEnd(
                    "Could not copy Keycloak to " + copy,
                    Duration.ofMinutes(2),
                    Map.of(),
                    "cp",
                    "-a",
                    unpacked.toString(),
                    copy.toString());
            Files.writeString(copied, unpacked.toAbsolutePath().toString());
        }
        return copy;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
