package org.earlyhelp.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The {@code production} profile fails closed: before anything starts (the database, sign-in,
 * the web server), the configuration is checked, and the application refuses to start, with one
 * line per problem and its fix, when it would run with local accounts and their published
 * password, demonstration data, a database it chose by itself, a development secret or password,
 * a Keycloak issuer over plain HTTP, no partner systems listed for the API, no public address
 * for young people's links, or no mail server, mail domain, sender or duty address for
 * safeguarding mail.
 */
public class ProductionMode implements EnvironmentPostProcessor, Ordered {

    /** The profile that turns the checks on. */
    public static final String PROFILE = "production";

    /** Secrets and passwords published in this repository, for development and demonstrations. */
    static final Set<String> KNOWN_DEVELOPMENT_VALUES = Set.of(
            "earlyhelp-portal-dev-secret",
            "earlyhelp-partner-school-dev-secret",
            "earlyhelp-dev-password",
            "earlyhelp-app-dev-password",
            "demo-early-help",
            "early-help-test-1",
            "admin",
            "password",
            "postgres",
            "changeme");

    /** The development sealing key's value, as in {@code voice.internal.Sealing}. */
    static final String DEVELOPMENT_SEALING_KEY = "ZWFybHloZWxwLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=";

    @Override
    public int getOrder() {
        // After the configuration files and the environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new ProductionConfigurationException(problems);
        }
    }

    /** Every reason the configuration is not safe to run with real families, each with its fix. */
    public static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        String issuer = value(env, "earlyhelp.keycloak.issuer-uri");
        if (issuer == null) {
            problems.add("Sign-in: no Keycloak issuer is set, so local accounts with published demonstration"
                    + " passwords would be used. Set EARLYHELP_KEYCLOAK_ISSUER_URI to your realm, such as"
                    + " https://sso.council.example/realms/earlyhelp.");
        } else if (!secureUrl(issuer)) {
            problems.add("Sign-in: the Keycloak issuer " + issuer + " is not HTTPS. Use https:// for any host but"
                    + " localhost in EARLYHELP_KEYCLOAK_ISSUER_URI.");
        }
        String secret = value(env, "earlyhelp.keycloak.client-secret");
        if (issuer != null && secret == null) {
            problems.add("Sign-in: no client secret. Set EARLYHELP_KEYCLOAK_CLIENT_SECRET to the portal client's"
                    + " secret in Keycloak.");
        } else if (known(secret)) {
            problems.add("Sign-in: EARLYHELP_KEYCLOAK_CLIENT_SECRET is a development value published with the code."
                    + " Generate a new secret for the portal client in Keycloak and set it.");
        }
        if (env.getProperty("earlyhelp.demo.data", Boolean.class, true)) {
            problems.add("Demonstration data is on: made-up families would sit beside real ones. Set"
                    + " EARLYHELP_DEMO_DATA=false.");
        }
        String url = firstOf(env, "spring.datasource.url", "earlyhelp.db.url");
        if (url == null) {
            problems.add("Database: none is configured, so a local or an embedded one would be chosen. Set"
                    + " EARLYHELP_DB_URL (jdbc:postgresql://host:5432/earlyhelp), EARLYHELP_DB_USERNAME and"
                    + " EARLYHELP_DB_PASSWORD.");
        } else {
            String password = firstOf(env, "spring.datasource.password", "earlyhelp.db.password");
            if (password == null) {
                problems.add("Database: no password is set. Set EARLYHELP_DB_PASSWORD.");
            } else if (known(password)) {
                problems.add("Database: EARLYHELP_DB_PASSWORD is a development value published with the code. Set"
                        + " the database role's own password.");
            }
        }
        String appPassword = value(env, "earlyhelp.db.app-password");
        if (url != null && appPassword == null) {
            problems.add("Database: no password for the application's own login (earlyhelp_app), which owns nothing"
                    + " and cannot change the audit log. Create it (docs/security.md) and set"
                    + " EARLYHELP_DB_APPPASSWORD.");
        } else if (known(appPassword)) {
            problems.add("Database: EARLYHELP_DB_APPPASSWORD is a development value published with the code. Set the"
                    + " application login's own password.");
        }
        if (env.getProperty("earlyhelp.db.embedded-enabled", Boolean.class, false)) {
            problems.add("Database: an embedded PostgreSQL is allowed. Remove EARLYHELP_DB_EMBEDDED_ENABLED.");
        }
        String clients = value(env, "earlyhelp.api.clients");
        if (clients == null) {
            problems.add("Partner API: no partner systems are listed, so the API's audience and clients are not set."
                    + " Set EARLYHELP_API_CLIENTS to the partners' client ids in Keycloak (comma-separated).");
        }
        String audience = value(env, "earlyhelp.api.audience");
        if (audience == null) {
            problems.add("Partner API: no audience is set. Set earlyhelp.api.audience (earlyhelp-api by default).");
        }
        String publicUrl = value(env, "earlyhelp.voice.public-base-url");
        if (publicUrl == null) {
            problems.add("Feedback links: no public address is set, so links and QR codes would point at"
                    + " localhost. Set EARLYHELP_VOICE_PUBLICBASEURL to the portal's address, such as"
                    + " https://earlyhelp.council.example.");
        } else if (!secureUrl(publicUrl)) {
            problems.add("Feedback links: " + publicUrl + " is not HTTPS. Young people's links must use https://.");
        }
        String sealingKeys = value(env, "earlyhelp.voice.sealing-keys");
        if (sealingKeys == null || sealingKeys.contains(DEVELOPMENT_SEALING_KEY)) {
            problems.add("Sealed names: no key of your own seals young people's names, so the development key"
                    + " published with the code would. Set EARLYHELP_VOICE_SEALINGKEYS to id:base64 of 32 random bytes"
                    + " (openssl rand -base64 32), kept outside the database.");
        }
        if (value(env, "spring.mail.host") == null) {
            problems.add("Mail: no mail server is set, so safeguarding alerts, concerns and step-ups would be in the"
                    + " portal only: nobody would be mailed, and nothing escalated to the duty desk. Set"
                    + " EARLYHELP_MAIL_HOST (with EARLYHELP_MAIL_PORT, EARLYHELP_MAIL_USERNAME and"
                    + " EARLYHELP_MAIL_PASSWORD) to the council's mail server.");
        } else if (env.getProperty("spring.mail.properties.mail.smtp.auth", Boolean.class, false)
                && (value(env, "spring.mail.username") == null || value(env, "spring.mail.password") == null)) {
            problems.add("Mail: the mail server expects a login, but EARLYHELP_MAIL_USERNAME or EARLYHELP_MAIL_PASSWORD"
                    + " is not set, so every safeguarding mail would be refused. Set both, or set"
                    + " EARLYHELP_MAIL_AUTH=false for a relay that takes no login.");
        }
        if (notTheCouncils(env, "earlyhelp.voice.mail-domain")) {
            problems.add("Mail: no mail domain is set, so a person whose user name is not an e-mail address would be"
                    + " mailed at <user name>@earlyhelp.example, which does not exist, and would miss safeguarding"
                    + " alerts. Set EARLYHELP_VOICE_MAILDOMAIN to the council's domain, such as council.example.");
        }
        if (notTheCouncils(env, "earlyhelp.voice.mail-from")) {
            problems.add("Mail: no sender is set, so safeguarding mails would come from alerts@earlyhelp.example,"
                    + " which a council's mail server may refuse. Set EARLYHELP_VOICE_MAILFROM to an address of the"
                    + " council's, such as earlyhelp@council.example.");
        }
        if (notTheCouncils(env, "earlyhelp.voice.duty-address")) {
            problems.add("Mail: no borough duty address is set, so a safeguarding alert nobody in the hub acknowledges"
                    + " would reach nobody beyond the hub, and concerns and step-ups not yet passed to the front"
                    + " door would not reach it. Set EARLYHELP_VOICE_DUTYADDRESS to the front door's or the"
                    + " out-of-hours team's address (an administrator may change it later at /admin/alerts).");
        }
        String mailPassword = value(env, "spring.mail.password");
        if (known(mailPassword)) {
            problems.add("Mail: SPRING_MAIL_PASSWORD is a development value. Set the mail account's own password.");
        }
        return problems;
    }

    /**
     * An address or mail domain that is not set, or is at earlyhelp.example, the domain the
     * demonstration's addresses use, which does not exist.
     */
    private static boolean notTheCouncils(Environment env, String key) {
        String addressOrDomain = value(env, key);
        return addressOrDomain == null
                || addressOrDomain.toLowerCase(Locale.ROOT).endsWith("earlyhelp.example");
    }

    private static boolean known(@Nullable String value) {
        return value != null && KNOWN_DEVELOPMENT_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** HTTPS, or HTTP on this machine only (a proxy in front terminates TLS for others). */
    static boolean secureUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme())
                    || ("http".equalsIgnoreCase(uri.getScheme())
                            && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static @Nullable String value(Environment env, String key) {
        String v = env.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static @Nullable String firstOf(Environment env, String... keys) {
        for (String key : keys) {
            String v = value(env, key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The configuration is not safe for production: what is wrong, one line each. */
    public static class ProductionConfigurationException extends RuntimeException {

        private final List<String> problems;

        ProductionConfigurationException(List<String> problems) {
            super("The production profile refuses to start:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
