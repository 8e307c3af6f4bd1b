package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.earlyhelp.shared.database.DatabaseProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests (docs/kubernetes/early-help.yaml) agree with the application: the
 * ports it listens on, the probes on the management port's health groups, every variable a
 * setting it reads, every secret by reference and every secret docker-compose requires given,
 * two replicas behind an ingress that keeps a person on one of them, large enough uploads, and a
 * container that does not run as root.
 */
class KubernetesManifestTests {

    private static final Path MANIFESTS = Path.of("docs/kubernetes/early-help.yaml");

    private static Map<String, Map<String, Object>> byKind = new HashMap<>();
    private static Properties production;
    private static Properties application;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readFiles() throws IOException {
        for (Object document : new Yaml().loadAll(Files.readString(MANIFESTS))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            byKind.put((String) resource.get("kind"), resource);
        }
        application = load("src/main/resources/application.properties");
        production = load("src/main/resources/application-production.properties");
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(path))) {
            p.load(in);
        }
        return p;
    }

    /** The value at a path of keys in a parsed YAML document (also used by ContainerImageIT). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object from, String... path) {
        Object here = from;
        for (String step : path) {
            assertThat(here).as("%s in %s", step, String.join(".", path)).isInstanceOf(Map.class);
            here = ((Map<String, Object>) here).get(step);
        }
        return (T) here;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = at(byKind.get("Deployment"), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> environment() {
        Map<String, Map<String, Object>> env = new HashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container().get("env")) {
            env.put((String) e.get("name"), e);
        }
        return env;
    }

    private static String value(String variable) {
        Object value = environment().get(variable).get("value");
        assertThat(value).as("%s has a value", variable).isNotNull();
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static int port(String name) {
        for (Map<String, Object> p : (List<Map<String, Object>>) container().get("ports")) {
            if (name.equals(p.get("name"))) {
                return (Integer) p.get("containerPort");
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    @Test
    void theContainerListensWhereTheApplicationDoesAndIsProbedOnItsManagementPort() {
        assertThat(value("SPRING_PROFILES_ACTIVE")).isEqualTo("production");
        assertThat(port("http")).isEqualTo(Integer.parseInt(value("SERVER_PORT")));
        assertThat(port("management")).isEqualTo(Integer.parseInt(value("EARLYHELP_MANAGEMENT_PORT")));
        assertThat(production.getProperty("management.server.port")).contains("${EARLYHELP_MANAGEMENT_PORT:");
        assertThat(application.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
        assertThat((String) at(container(), "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("readinessProbe", "startupProbe")) {
            assertThat((String) at(container(), probe, "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat((Object) at(container(), probe, "httpGet", "port")).isEqualTo("management");
        }
        // Kubernetes gives a probe 1 s by default; at full load the instance can take longer
        // (TwoInstancesBehindProxyIT saw HAProxy's 1 s checks fail at 300 sessions), and an
        // instance taken out of rotation loses its people's sessions.
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertThat((Object) at(container(), probe, "timeoutSeconds"))
                    .as("%s's timeout", probe)
                    .isInstanceOf(Integer.class)
                    .matches(t -> (Integer) t >= 5, "at least 5 seconds");
        }
        assertThat((Map<String, Object>) at(container(), "resources", "limits")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) at(container(), "resources", "requests"))
                .containsKeys("cpu", "memory");
    }

    @Test
    void everyVariableIsASettingAndEverySecretComesByReference() throws IOException {
        Map<String, Map<String, Object>> env = environment();
        for (Map.Entry<String, Map<String, Object>> e : env.entrySet()) {
            String variable = e.getKey();
            String property = variable.toLowerCase().replace('_', '.');
            boolean setting = List.of(application, production).stream()
                    .anyMatch(p ->
                            p.values().stream().anyMatch(v -> String.valueOf(v).contains("${" + variable + ":"))
                                    || p.stringPropertyNames().stream()
                                            .anyMatch(n -> n.replace("-", "").equals(property.replace("-", ""))
                                                    || n.replace("-", ".").equals(property)));
            boolean database = Arrays.stream(DatabaseProperties.class.getRecordComponents())
                    .map(c -> "EARLYHELP_DB_"
                            + c.getName().replaceAll("([A-Z])", "_$1").toUpperCase())
                    .anyMatch(variable::equals);
            boolean jvmOrSpring = List.of("SPRING_PROFILES_ACTIVE", "SERVER_PORT", "JAVA_TOOL_OPTIONS")
                    .contains(variable);
            assertThat(setting || database || jvmOrSpring)
                    .as("%s is not a setting the application reads", variable)
                    .isTrue();
        }
        // What docker-compose requires from .env for the portal (every secret, the addresses) comes
        // from the secret here.
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> app = at(compose, "services", "app", "environment");
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, Object> e : app.entrySet()) {
            if (String.valueOf(e.getValue()).contains("${" + e.getKey() + ":?")) {
                secrets.add(e.getKey());
            }
        }
        assertThat(secrets).contains("EARLYHELP_DB_PASSWORD", "EARLYHELP_VOICE_SEALINGKEYS");
        for (String secret : secrets) {
            assertThat(env).as("%s is given", secret).containsKey(secret);
            assertThat(env.get(secret))
                    .as("%s by reference, never written here", secret)
                    .doesNotContainKey("value");
            assertThat((String) at(env.get(secret), "valueFrom", "secretKeyRef", "key"))
                    .isEqualTo(secret);
        }
        assertThat(Files.readString(MANIFESTS)).doesNotContainPattern("(?i)password:\\s*\\S");
    }

    @Test
    void twoReplicasBehindAnIngressThatKeepsAPersonOnOneOfThem() {
        assertThat((Integer) at(byKind.get("Deployment"), "spec", "replicas")).isGreaterThanOrEqualTo(2);
        Map<String, String> annotations = at(byKind.get("Ingress"), "metadata", "annotations");
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
        // The largest upload (the postcode directory) is 2 GiB.
        String body = annotations.get("nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(Long.parseLong(body.replace("m", ""))).isGreaterThanOrEqualTo(2048);
        List<Map<String, Object>> servicePorts = at(byKind.get("Service"), "spec", "ports");
        assertThat(servicePorts)
                .hasSize(1)
                .first()
                .satisfies(p -> assertThat(p.get("targetPort")).isEqualTo("http"));
        List<Map<String, Object>> rules = at(byKind.get("Ingress"), "spec", "rules");
        List<Map<String, Object>> paths = at(rules.getFirst(), "http", "paths");
        assertThat((String) at(paths.getFirst(), "backend", "service", "name")).isEqualTo("early-help");
        assertThat((String) at(paths.getFirst(), "backend", "service", "port", "name"))
                .isEqualTo("http");
        assertThat(byKind).containsKey("PodDisruptionBudget");
    }

    @Test
    void theContainerDoesNotRunAsRoot() {
        assertThat((Boolean)
                        at(byKind.get("Deployment"), "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                .isTrue();
        assertThat((Integer) at(byKind.get("Deployment"), "spec", "template", "spec", "securityContext", "runAsUser"))
                .isPositive();
        assertThat((Boolean) at(container(), "securityContext", "allowPrivilegeEscalation"))
                .isFalse();
    }
}
