package org.earlyhelp.portal.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the partner API, under {@code earlyhelp.api}.
 *
 * @param audience the audience a token must name: the API's own (default {@code earlyhelp-api},
 *     added to partner clients' tokens by an audience mapper in Keycloak)
 * @param clients the partner systems' client ids that may call it; none by default, so that no
 *     token is accepted until an administrator lists the partners
 */
@ConfigurationProperties("earlyhelp.api")
public record ApiProperties(
        @Nullable String audience, @Nullable List<String> clients) {

    public String audienceOrDefault() {
        return audience == null || audience.isBlank() ? "earlyhelp-api" : audience.strip();
    }

    public List<String> clientList() {
        return clients == null
                ? List.of()
                : clients.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
