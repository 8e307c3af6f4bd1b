package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.KubernetesManifestTests.at;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.testing.FreePorts;
import org.earlyhelp.testing.OciImage;
import org.earlyhelp.testing.ProductionJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The OCI image the pom builds (Jib, no Docker daemon) agrees with the Kubernetes manifest and
 * runs as the manifest runs it: as user 10001 on a read-only root file system, with the
 * production profile, which refuses to start unconfigured and, given the manifest's variables
 * and its Secret's keys, comes up ready on its management port and serves the sign-in page.
 * {@link OciImage} says how the image is built and run here, and what stands in for its base.
 */
class ContainerImageIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static OciImage image;
    private static Map<String, Object> container;
    private static Map<String, Object> pod;
    private static Map<String, Object> podSecurity;
    private static final String DATABASE = "earlyhelp_image_" + System.nanoTime();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void buildTheImage() throws Exception {
        if (!OciImage.runnableHere()) {
            String message = "\n\n*** CONTAINER IMAGE TEST SKIPPED: it needs root on x86-64 Linux with unshare and"
                    + " chroot, to run the image without a container engine ***\n";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "Under CI=true it must run.");
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        long started = System.nanoTime();
        image = OciImage.build();
        System.out.printf(
                Locale.ROOT,
                "%nImage built with Jib and unpacked in %.1f s: %d layers.%n",
                (System.nanoTime() - started) / 1e9,
                image.layerCount());
        for (Object document : new Yaml().loadAll(Files.readString(Path.of("docs/kubernetes/early-help.yaml")))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            if ("Deployment".equals(resource.get("kind"))) {
                pod = at(resource, "spec", "template", "spec");
                container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
                podSecurity = at(pod, "securityContext");
            }
        }
        ProductionJar.execute("postgres", "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        if (image != null) {
            ProductionJar.execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageRunsAsTheManifestsUserWithTheProductionProfileOnItsPorts() throws Exception {
        JsonNode config = image.config();
        assertThat(image.user())
                .isEqualTo(podSecurity.get("runAsUser") + ":" + podSecurity.get("runAsGroup"))
                .doesNotStartWith("0");
        assertThat(image.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        List<String> exposed = new ArrayList<>();
        config.get("ExposedPorts").propertyNames().forEach(exposed::add);
        List<String> declared = ((List<Map<String, Object>>) container.get("ports"))
                .stream().map(p -> p.get("containerPort") + "/tcp").toList();
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(config.get("Entrypoint").toString()).contains("org.earlyhelp.EarlyHelpApplication");
        assertThat(config.get("Labels").get("org.opencontainers.image.licenses").asString())
                .isEqualTo("Apache-2.0");
        assertThat((String) container.get("image")).endsWith("/early-help:" + projectVersion());
        // As the jar: without Vaadin's development server and tools.
        assertThat(image.files("/app/libs"))
                .anyMatch(f -> f.startsWith("vaadin-core"))
                .noneMatch(f -> f.startsWith("vaadin-dev") || f.startsWith("copilot"));
    }

    @Test
    void unconfiguredItRefusesToStartAndSaysWhatToSet() throws Exception {
        Path log = Files.createTempFile("earlyhelp-image", ".log");
        Process process = image.start(image.environment(), log);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            OciImage.stop(process, Duration.ZERO);
            fail("The unconfigured image did not stop:\n" + Files.readString(log));
        }
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("Sign-in: no Keycloak issuer is set")
                .contains("EARLYHELP_DB_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withTheManifestsVariablesAndSecretsItStartsReadyAsItsUserOnAReadOnlyRoot() throws Exception {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Map<String, String> secret = new HashMap<>();
        secret.put("EARLYHELP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        secret.put("EARLYHELP_DB_USERNAME", ProductionJar.user());
        secret.put("EARLYHELP_DB_PASSWORD", random());
        secret.put("EARLYHELP_DB_APPPASSWORD", random());
        secret.put("EARLYHELP_KEYCLOAK_ISSUER_URI", "http://localhost:" + FreePorts.next() + "/realms/earlyhelp");
        secret.put("EARLYHELP_KEYCLOAK_CLIENT_SECRET", random());
        secret.put("EARLYHELP_API_CLIENTS", "school-mis");
        secret.put("EARLYHELP_VOICE_PUBLICBASEURL", "https://earlyhelp.council.example");
        secret.put("EARLYHELP_VOICE_SEALINGKEYS", "k1:" + Base64.getEncoder().encodeToString(bytes(32)));
        secret.put("EARLYHELP_TRUSTED_PROXIES", "10\\.0\\.0\\.1");
        secret.put("EARLYHELP_MAIL_HOST", "127.0.0.1");
        secret.put("EARLYHELP_MAIL_USERNAME", "earlyhelp");
        secret.put("EARLYHELP_MAIL_PASSWORD", random());
        secret.put("EARLYHELP_VOICE_MAILDOMAIN", "council.example");
        secret.put("EARLYHELP_VOICE_MAILFROM", "earlyhelp@council.example");
        secret.put("EARLYHELP_VOICE_DUTYADDRESS", "front.door@council.example");
        Map<String, String> environment = new HashMap<>(image.environment());
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            String name = (String) variable.get("name");
            Object value = variable.get("value");
            if (value == null) {
                String key = at(variable, "valueFrom", "secretKeyRef", "key");
                assertThat(secret).as("the Secret's key %s", key).containsKey(key);
                environment.put(name, secret.get(key));
            } else {
                environment.put(name, value.toString());
            }
        }
        // The container has the host's network here, so the ports are chosen to be free.
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("EARLYHELP_MANAGEMENT_PORT", Integer.toString(managementPort));
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem"))
                .isTrue();

        Path log = Files.createTempFile("earlyhelp-image", ".log");
        long started = System.nanoTime();
        Process process = image.start(environment, log);
        try {
            waitUntilReady(process, managementPort, log);
            System.out.printf(
                    Locale.ROOT,
                    "The image's application was ready in %.1f s, on a read-only root, as user %s.%n",
                    (System.nanoTime() - started) / 1e9,
                    image.user());
            assertThat(get(port, "/login").statusCode()).isEqualTo(200);
            assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("UP");
            assertThat(get(port, "/actuator/health").body())
                    .as("health is on the management port only")
                    .doesNotContain("\"status\"");
            ProcessHandle java = process.toHandle()
                    .descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no java process under the container"));
            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status")))
                    .anySatisfy(line -> assertThat(line).matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
            assertThat(Files.readString(log)).doesNotContain("ERROR");

            // As Kubernetes stops a pod: SIGTERM, and the manifest's grace period before SIGKILL.
            long stopping = System.nanoTime();
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            assertThat(OciImage.stop(process, Duration.ofSeconds(grace)))
                    .as("stopped within the manifest's grace period of %d s", grace)
                    .isTrue();
            System.out.printf(Locale.ROOT, "On SIGTERM it stopped in %.1f s.%n", (System.nanoTime() - stopping) / 1e9);
        } finally {
            if (process.isAlive()) {
                OciImage.stop(process, Duration.ZERO);
            }
        }
    }

    private static void waitUntilReady(Process process, int managementPort, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!process.isAlive()) {
                fail("The image's application stopped:\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("Not ready within 3 minutes:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = get(managementPort, "/actuator/health/readiness");
                if (ready.statusCode() == 200 && ready.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The version Spring Boot's build information records for this build. */
    private static String projectVersion() throws Exception {
        Properties build = new Properties();
        try (var in = Files.newBufferedReader(Path.of("target/classes/META-INF/build-info.properties"))) {
            build.load(in);
        }
        return build.getProperty("build.version");
    }

    private static String random() {
        return HexFormat.of().formatHex(bytes(24));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
