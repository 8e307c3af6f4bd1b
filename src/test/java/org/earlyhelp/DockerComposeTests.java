package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.database.DatabaseProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose files are checked by reading them. docker-compose.yml
 * is a production-like stack: the production profile, Keycloak in production mode with its own
 * database, no published database port, every secret from the environment with no default and
 * documented in .env.example, no development value anywhere. docker-compose.demo.yml turns it into
 * a demonstration. Both agree with the application's settings and the Keycloak realm.
 */
class DockerComposeTests {

    private static Map<String, Object> services;
    private static Map<String, Object> demo;
    private static String compose;
    private static Properties application;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readFiles() throws IOException {
        compose = Files.readString(Path.of("docker-compose.yml"));
        services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(compose)).get("services");
        demo = (Map<String, Object>)
                ((Map<String, Object>) new Yaml().load(Files.readString(Path.of("docker-compose.demo.yml"))))
                        .get("services");
        application = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
        // The app service runs with the production profile: its settings count too.
        Properties production = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application-production.properties"))) {
            production.load(in);
        }
        production.forEach((k, v) -> application.merge(k, v, (base, prod) -> base + " " + prod));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> file, String name) {
        assertThat(file).containsKey(name);
        return (Map<String, Object>) file.get(name);
    }

    private static Map<String, Object> service(String name) {
        return service(services, name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> file, String name) {
        return (Map<String, String>) service(file, name).get("environment");
    }

    private static Map<String, String> environment(String name) {
        return environment(services, name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> file, String service, String key) {
        Object value = service(file, service).get(key);
        return value == null ? List.of() : (List<String>) value;
    }

    @Test
    void namesPostgresKeycloakAndTheApplicationOnPinnedImages() {
        assertThat(services).containsOnlyKeys("postgres", "keycloak", "app");
        assertThat(service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(service("app").get("image")).isEqualTo("eclipse-temurin:25-jre");
        assertThat((String) service("postgres").get("image")).matches("postgres:\\d+");
    }

    @Test
    void theProductionStackRunsTheProductionProfileAndKeycloakInProductionModeOnItsOwnDatabase() {
        assertThat(environment("app")).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        List<String> keycloak = list(services, "keycloak", "command");
        assertThat(keycloak.getFirst()).as("Keycloak's production mode").isEqualTo("start");
        assertThat(keycloak).contains("--cache=local", "--health-enabled=true").noneMatch(c -> c.contains("import"));
        assertThat(environment("keycloak"))
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak");
        assertThat(service("keycloak")).containsKey("healthcheck");
        assertThat(service("postgres")).containsKey("healthcheck");
        assertThat(service("postgres").get("ports"))
                .as("the database's port is not published")
                .isNull();
    }

    @Test
    void everySecretComesFromTheEnvironmentWithNoDefaultAndIsDocumented() throws IOException {
        Matcher variables = Pattern.compile("\\$\\{([A-Z_]+)(:[?-])?([^}]*)}").matcher(compose);
        Set<String> used = new LinkedHashSet<>();
        while (variables.find()) {
            used.add(variables.group(1));
            if (variables.group(1).matches(".*(PASSWORD|SECRET|KEYS|CLIENTS|ISSUER_URI|PUBLICBASEURL|HOSTNAME)$")) {
                assertThat(variables.group(2))
                        .as(variables.group(1) + " has no default: it must be set")
                        .isEqualTo(":?");
            }
        }
        assertThat(used)
                .contains("EARLYHELP_DB_PASSWORD", "EARLYHELP_KEYCLOAK_CLIENT_SECRET", "KEYCLOAK_ADMIN_PASSWORD");
        String example = Files.readString(Path.of(".env.example"));
        for (String variable : used) {
            assertThat(example).as(".env.example documents " + variable).containsPattern("(?m)^" + variable + "=$");
        }
        for (String development : List.of(
                "earlyhelp-dev-password",
                "earlyhelp-app-dev-password",
                "earlyhelp-portal-dev-secret",
                "demo-early-help",
                "Early-help-test-1",
                "ZWFybHloZWxwLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=",
                "admin/admin",
                "start-dev")) {
            assertThat(compose)
                    .as("the production-like stack has no development value")
                    .doesNotContain(development);
        }
    }

    @Test
    void theDemonstrationOverrideImportsTheRealmAndTurnsTheDemonstrationOn() throws IOException {
        assertThat(list(demo, "keycloak", "command")).contains("start-dev", "--import-realm");
        Map<String, String> app = environment(demo, "app");
        assertThat(app)
                .containsEntry("EARLYHELP_DEMO_DATA", "true")
                .doesNotContainEntry("SPRING_PROFILES_ACTIVE", "production");
        String realm = Files.readString(Path.of("keycloak/realm-earlyhelp.json"));
        assertThat(realm).contains("\"realm\": \"earlyhelp\"");
        assertThat(realm).contains("\"clientId\": \"" + environment("app").get("EARLYHELP_KEYCLOAK_CLIENT_ID") + "\"");
        assertThat(realm).contains("\"secret\": \"" + app.get("EARLYHELP_KEYCLOAK_CLIENT_SECRET") + "\"");
        assertThat(realm).contains("\"clientId\": \"" + app.get("EARLYHELP_API_CLIENTS") + "\"");
        assertThat(app.get("EARLYHELP_KEYCLOAK_ISSUER_URI")).isEqualTo("http://localhost:8180/realms/earlyhelp");
        assertThat(list(demo, "keycloak", "command")).contains("--hostname=http://localhost:8180");
        assertThat(realm).contains("\"http://localhost:" + environment("app").get("SERVER_PORT") + "/*\"");
        Map<String, String> postgres = environment(demo, "postgres");
        assertThat(app.get("EARLYHELP_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(app.get("EARLYHELP_DB_APPPASSWORD")).isEqualTo(postgres.get("EARLYHELP_DB_APPPASSWORD"));
        assertThat(environment(demo, "keycloak").get("KC_DB_PASSWORD")).isEqualTo(postgres.get("KEYCLOAK_DB_PASSWORD"));
    }

    @Test
    void everyMountedPathExists() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String jar = "./target/" + firstMatch(pom, "<artifactId>(early-help)</artifactId>") + "-"
                + firstMatch(pom, "<version>(\\d[^<]*-SNAPSHOT|\\d+\\.\\d+\\.\\d+)</version>\\s*<name>") + ".jar";
        for (Map<String, Object> file : List.of(services, demo)) {
            for (String service : file.keySet()) {
                for (String volume : list(file, service, "volumes")) {
                    String host = volume.split(":")[0];
                    if (host.equals(jar) || !host.startsWith(".")) {
                        continue; // the jar is built by ./mvnw package, named from the pom; named volumes
                    }
                    assertThat(Path.of(host)).as("%s mounts %s", service, host).exists();
                }
            }
        }
        assertThat(list(services, "app", "volumes")).anyMatch(v -> v.startsWith(jar + ":"));
    }

    @Test
    void theApplicationReachesTheDatabaseAndKeycloakItIsGiven() {
        Map<String, String> app = environment("app");
        Map<String, String> postgres = environment("postgres");
        assertThat(app.get("EARLYHELP_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(app.get("EARLYHELP_DB_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(app.get("EARLYHELP_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(app.get("EARLYHELP_DB_APPPASSWORD")).isEqualTo(postgres.get("EARLYHELP_DB_APPPASSWORD"));
        assertThat(list(services, "app", "ports")).contains(app.get("SERVER_PORT") + ":" + app.get("SERVER_PORT"));
        assertThat(list(services, "keycloak", "ports")).contains("8180:8080");
        assertThat(list(services, "keycloak", "command")).contains("--http-port=8080");
        assertThat(app.get("EARLYHELP_KEYCLOAK_BACKCHANNEL_URI")).isEqualTo("http://keycloak:8080/realms/earlyhelp");
    }

    @Test
    void everyEnvironmentVariableOfTheApplicationIsASettingItReads() {
        for (Map<String, Object> file : List.of(services, demo)) {
            for (String variable : environment(file, "app").keySet()) {
                String property = variable.toLowerCase().replace('_', '.');
                boolean known = application.stringPropertyNames().stream()
                        .anyMatch(p -> p.replace("-", "").equals(property.replace("-", ""))
                                || p.replace("-", ".").equals(property));
                boolean placeholder = application.values().stream()
                        .anyMatch(v -> String.valueOf(v).contains("${" + variable + ":"));
                boolean database = Arrays.stream(DatabaseProperties.class.getRecordComponents())
                        .map(c -> "EARLYHELP_DB_"
                                + c.getName().replaceAll("([A-Z])", "_$1").toUpperCase())
                        .anyMatch(variable::equals);
                boolean spring = variable.equals("SPRING_PROFILES_ACTIVE");
                assertThat(known || placeholder || database || spring)
                        .as(
                                "%s is not a setting in application.properties or application-production.properties",
                                variable)
                        .isTrue();
            }
        }
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s in pom.xml", regex).isTrue();
        return m.group(1);
    }
}
