package org.earlyhelp.portal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keycloak mode is on when an issuer is set ({@code EARLYHELP_KEYCLOAK_ISSUER_URI}, or the {@code
 * keycloak} profile, which sets the local development realm).
 *
 * @param issuerUri the realm's issuer, for example {@code http://localhost:8180/realms/earlyhelp}
 * @param clientId the portal's confidential client
 * @param clientSecret its secret
 * @param backchannelUri where the portal itself reaches the realm for tokens and keys, when that
 *     differs from the issuer the browser sees (inside docker compose, say); defaults to the issuer
 */
@ConfigurationProperties("earlyhelp.keycloak")
public record KeycloakProperties(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String backchannelUri) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    String clientIdOrDefault() {
        return clientId == null || clientId.isBlank() ? "earlyhelp-portal" : clientId;
    }

    String backchannel() {
        if (backchannelUri == null || backchannelUri.isBlank()) {
            return issuer();
        }
        String uri = backchannelUri.strip();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    String issuer() {
        String issuer = issuerUri == null ? "" : issuerUri.strip();
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
