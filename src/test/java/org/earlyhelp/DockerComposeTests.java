package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.database.DatabaseProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: the services,
 * images, ports and mounted paths it names exist and agree with the application's configuration
 * and the Keycloak realm.
 */
class DockerComposeTests {

    private static Map<String, Object> services;
    private static Properties application;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readFiles() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        application = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(String service, String key) {
        return (List<String>) service(service).get(key);
    }

    @Test
    void namesPostgresKeycloakAndTheApplicationOnPinnedImages() {
        assertThat(services).containsOnlyKeys("postgres", "keycloak", "app");
        assertThat(service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(service("app").get("image")).isEqualTo("eclipse-temurin:25-jre");
        assertThat((String) service("postgres").get("image")).matches("postgres:\\d+");
    }

    @Test
    void everyMountedPathExists() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String jar = "./target/" + firstMatch(pom, "<artifactId>(early-help)</artifactId>") + "-"
                + firstMatch(pom, "<version>(\\d[^<]*-SNAPSHOT|\\d+\\.\\d+\\.\\d+)</version>\\s*<name>") + ".jar";
        for (String service : List.of("keycloak", "app")) {
            for (String volume : list(service, "volumes")) {
                String host = volume.split(":")[0];
                if (host.equals(jar)) {
                    continue; // built by ./mvnw package, named from the pom: checked below
                }
                assertThat(Path.of(host)).as("%s mounts %s", service, host).exists();
            }
        }
        assertThat(list("app", "volumes")).anyMatch(v -> v.startsWith(jar + ":"));
    }

    @Test
    void theApplicationReachesTheDatabaseItIsGiven() {
        Map<String, String> app = environment("app");
        Map<String, String> postgres = environment("postgres");
        assertThat(app.get("EARLYHELP_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(app.get("EARLYHELP_DB_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(app.get("EARLYHELP_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void theApplicationAndKeycloakAgreeOnPortsIssuerAndClient() throws IOException {
        Map<String, String> app = environment("app");
        assertThat(list("app", "ports")).contains(app.get("SERVER_PORT") + ":" + app.get("SERVER_PORT"));
        assertThat(list("keycloak", "ports")).contains("8180:8080");
        assertThat(list("keycloak", "command")).contains("--hostname=http://localhost:8180", "--http-port=8080");
        assertThat(app.get("EARLYHELP_KEYCLOAK_ISSUER_URI")).isEqualTo("http://localhost:8180/realms/earlyhelp");
        assertThat(app.get("EARLYHELP_KEYCLOAK_BACKCHANNEL_URI")).isEqualTo("http://keycloak:8080/realms/earlyhelp");

        String realm = Files.readString(Path.of("keycloak/realm-earlyhelp.json"));
        assertThat(realm).contains("\"realm\": \"earlyhelp\"");
        assertThat(realm).contains("\"clientId\": \"" + app.get("EARLYHELP_KEYCLOAK_CLIENT_ID") + "\"");
        assertThat(realm).contains("\"secret\": \"" + app.get("EARLYHELP_KEYCLOAK_CLIENT_SECRET") + "\"");
        assertThat(realm).contains("\"http://localhost:" + app.get("SERVER_PORT") + "/*\"");
    }

    @Test
    void everyEnvironmentVariableOfTheApplicationIsASettingItReads() {
        for (String variable : environment("app").keySet()) {
            String property = variable.toLowerCase().replace('_', '.');
            boolean known = application.stringPropertyNames().stream()
                    .anyMatch(p -> p.replace("-", "").equals(property.replace("-", ""))
                            || p.replace("-", ".").equals(property));
            boolean database = java.util.Arrays.stream(DatabaseProperties.class.getRecordComponents())
                    .map(c -> "EARLYHELP_DB_"
                            + c.getName().replaceAll("([A-Z])", "_$1").toUpperCase())
                    .anyMatch(variable::equals);
            assertThat(known || database)
                    .as("%s is not a setting in application.properties", variable)
                    .isTrue();
        }
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s in pom.xml", regex).isTrue();
        return m.group(1);
    }
}
