package org.earlyhelp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.EarlyHelpApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The production profile fails closed: the real application, started with it, refuses to start
 * before touching a database or opening a port, one line per problem, whenever its configuration
 * is not safe for real families.
 */
class ProductionModeTests {

    private static List<String> refusals(String... arguments) {
        ProductionMode.ProductionConfigurationException refused = catchThrowableOfType(
                ProductionMode.ProductionConfigurationException.class,
                () -> new SpringApplicationBuilder(EarlyHelpApplication.class)
                        .profiles(ProductionMode.PROFILE)
                        .run(arguments)
                        .close());
        assertThat(refused).as("the application refused to start").isNotNull();
        System.out.println(refused.getMessage());
        return refused.problems();
    }

    @Test
    void withNothingConfiguredItRefusesAndSaysWhatToSet() {
        List<String> problems = refusals("--earlyhelp.api.clients=", "--earlyhelp.keycloak.issuer-uri=");
        assertThat(problems)
                .anySatisfy(p ->
                        assertThat(p).startsWith("Sign-in: no Keycloak issuer").contains("local accounts"))
                .anySatisfy(p ->
                        assertThat(p).startsWith("Database: none is configured").contains("EARLYHELP_DB_URL"))
                .anySatisfy(p -> assertThat(p).startsWith("Partner API: no partner systems"))
                .anySatisfy(p -> assertThat(p).startsWith("Feedback links: no public address"))
                .anySatisfy(p -> assertThat(p).startsWith("Sealed names"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("Mail: no mail server").contains("EARLYHELP_MAIL_HOST"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("Mail: no mail domain").contains("EARLYHELP_VOICE_MAILDOMAIN"))
                .anySatisfy(p -> assertThat(p).startsWith("Mail: no sender").contains("EARLYHELP_VOICE_MAILFROM"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("Mail: no borough duty address")
                        .contains("EARLYHELP_VOICE_DUTYADDRESS"))
                .noneSatisfy(p -> assertThat(p).startsWith("Demonstration data"));
    }

    @Test
    void developmentSecretsPlainHttpAndDemonstrationDataAreEachRefused() {
        List<String> problems = refusals(
                "--earlyhelp.keycloak.issuer-uri=http://sso.council.example/realms/earlyhelp",
                "--earlyhelp.keycloak.client-secret=earlyhelp-portal-dev-secret",
                "--earlyhelp.db.url=jdbc:postgresql://db.council.example:5432/earlyhelp",
                "--earlyhelp.db.password=earlyhelp-dev-password",
                "--earlyhelp.db.app-password=earlyhelp-app-dev-password",
                "--earlyhelp.demo.data=true",
                "--earlyhelp.api.clients=school-mis",
                "--earlyhelp.voice.public-base-url=http://earlyhelp.council.example",
                "--spring.mail.host=mail.council.example",
                "--spring.mail.username=earlyhelp@council.example",
                "--spring.mail.password=a-mail-password-from-the-vault",
                "--earlyhelp.voice.mail-domain=council.example",
                "--earlyhelp.voice.mail-from=alerts@earlyhelp.example",
                "--earlyhelp.voice.duty-address=duty@council.example");
        assertThat(problems)
                .hasSize(8)
                .anySatisfy(p -> assertThat(p).startsWith("Mail: no sender"))
                .anySatisfy(p -> assertThat(p).startsWith("Sealed names: no key of your own"))
                .anySatisfy(p -> assertThat(p).contains("EARLYHELP_DB_APPPASSWORD is a development value"))
                .anySatisfy(p -> assertThat(p).contains("is not HTTPS").contains("sso.council.example"))
                .anySatisfy(p -> assertThat(p).contains("EARLYHELP_KEYCLOAK_CLIENT_SECRET is a development value"))
                .anySatisfy(p -> assertThat(p).contains("EARLYHELP_DB_PASSWORD is a development value"))
                .anySatisfy(p -> assertThat(p).startsWith("Demonstration data is on"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("Feedback links: http://earlyhelp.council.example is not HTTPS"));
    }

    @Test
    void aMailServerThatExpectsALoginWithoutOneIsRefused() {
        List<String> problems = refusals(
                "--earlyhelp.api.clients=school-mis",
                "--earlyhelp.keycloak.issuer-uri=",
                "--spring.mail.host=mail.council.example",
                "--spring.mail.properties.mail.smtp.auth=true");
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("Mail: the mail server expects a login"))
                .noneSatisfy(p -> assertThat(p).startsWith("Mail: no mail server"));
        assertThat(refusals(
                        "--earlyhelp.api.clients=school-mis",
                        "--earlyhelp.keycloak.issuer-uri=",
                        "--spring.mail.host=mail.council.example",
                        "--spring.mail.properties.mail.smtp.auth=false"))
                .as("a relay that takes no login")
                .noneSatisfy(p -> assertThat(p).startsWith("Mail: the mail server expects a login"));
    }

    @Test
    void aSafeConfigurationPassesTheChecks() {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> safe = new LinkedHashMap<>();
        safe.put("earlyhelp.keycloak.issuer-uri", "https://sso.council.example/realms/earlyhelp");
        safe.put("earlyhelp.keycloak.client-secret", "b1c2d3e4-generated-in-keycloak");
        safe.put("earlyhelp.db.url", "jdbc:postgresql://db.council.example:5432/earlyhelp");
        safe.put("earlyhelp.db.password", "a-long-random-password-from-the-vault");
        safe.put("earlyhelp.db.app-password", "another-long-random-password-from-the-vault");
        safe.put("earlyhelp.demo.data", "false");
        safe.put("earlyhelp.api.audience", "earlyhelp-api");
        safe.put("earlyhelp.api.clients", "school-mis,health-record");
        safe.put("earlyhelp.voice.public-base-url", "https://earlyhelp.council.example");
        safe.put("earlyhelp.voice.sealing-keys", "k2026:" + Base64.getEncoder().encodeToString(new byte[32]));
        safe.put("spring.mail.host", "mail.council.example");
        safe.put("spring.mail.properties.mail.smtp.auth", "true");
        safe.put("spring.mail.username", "earlyhelp@council.example");
        safe.put("spring.mail.password", "a-mail-password-from-the-vault");
        safe.put("earlyhelp.voice.mail-domain", "council.example");
        safe.put("earlyhelp.voice.mail-from", "earlyhelp@council.example");
        safe.put("earlyhelp.voice.duty-address", "front.door@council.example");
        environment.getPropertySources().addFirst(new MapPropertySource("safe", safe));
        environment.setActiveProfiles(ProductionMode.PROFILE);
        assertThat(ProductionMode.problems(environment)).isEmpty();
        new ProductionMode().postProcessEnvironment(environment, null);
    }
}
