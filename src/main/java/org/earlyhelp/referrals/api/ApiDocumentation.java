package org.earlyhelp.referrals.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner API's OpenAPI description, served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI partnerApiDescription(@Value("${earlyhelp.keycloak.issuer-uri:}") String issuer) {
        String tokenUrl = (issuer.isBlank() ? "http://localhost:8180/realms/earlyhelp" : issuer)
                + "/protocol/openid-connect/token";
        return new OpenAPI()
                .info(new Info()
                        .title("Early Help partner API")
                        .version("1")
                        .description("For schools' and health systems: ask a hub for early help for a family and"
                                + " follow the request's status. Authenticate with an OAuth2 client-credentials"
                                + " token from the council's Keycloak. Errors are RFC 9457 problem details;"
                                + " a system sees only the requests it made.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "keycloak",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .flows(new OAuthFlows()
                                                .clientCredentials(new OAuthFlow().tokenUrl(tokenUrl)))));
    }
}
