package org.earlyhelp.portal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.earlyhelp.identity.KeycloakUserService;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.portal.ui.LoginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in two ways: local accounts with the portal's login view (demonstration mode, the default),
 * or OpenID Connect against Keycloak when an issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({KeycloakProperties.class, ApiProperties.class})
class SecurityConfiguration {

    static final String KEYCLOAK_REGISTRATION = "keycloak";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * What Spring Security reports to tracing: each sign-in and each authorisation decision, but not
     * a span for every one of the thirteen filters a request passes. Those spans were an
     * observation started and stopped thirteen times on every request of every page, traced or not
     * (see docs/performance.md), and said nothing the request's own span and the decision's do not.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .build();
    }

    /**
     * The partner API: stateless, bearer tokens from Keycloak only, answers in problem details. A
     * token must be signed by the realm, name the API as its audience and come from a client on
     * the configured list ({@link ApiProperties}): a portal user's token, or another client's, is
     * refused. Without Keycloak every call is refused with a message saying why.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, KeycloakProperties keycloak, ApiProperties api)
            throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ApiTokens.problem(
                                401,
                                keycloak.enabled()
                                        ? "Send a bearer token from Keycloak (OAuth2 client credentials)."
                                        : "The partner API needs Keycloak: set EARLYHELP_KEYCLOAK_ISSUER_URI."))
                        .accessDeniedHandler(
                                (request, response, denied) -> ApiTokens.problem(403, "This client may not do this.")
                                        .commence(request, response, null)));
        if (keycloak.enabled()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                            keycloak.backchannel() + "/protocol/openid-connect/certs")
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(keycloak.issuer()),
                    ApiTokens.audience(api.audienceOrDefault()),
                    ApiTokens.clients(api.clientList())));
            if (api.clientList().isEmpty()) {
                log.warn("No partner systems may call the API: list their client ids in earlyhelp.api.clients");
            }
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new ApiTokens()))
                            .authenticationEntryPoint(
                                    ApiTokens.problem(401, "The token is missing, expired or not from Keycloak.")));
        }
        return http.build();
    }

    /**
     * The Open Referral UK directory API: public and read-only, no session, no sign-in, no CSRF
     * token (nothing it answers changes anything); limited per address by the hubs module.
     */
    @Bean
    @Order(2)
    SecurityFilterChain openReferralFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/openreferral", "/openreferral/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            KeycloakProperties keycloak,
            LocalAccounts accounts,
            @Value("${earlyhelp.access.recheck-every:PT30S}") Duration recheck,
            @Value("${server.servlet.session.timeout:30m}") Duration idle,
            OAuth2AuthorizedClientRepository authorizedClients,
            ApplicationContext context,
            Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> contexts)
            throws Exception {
        // The strategy the filter chain itself uses: the application's one bean (Vaadin's), else the JVM-wide one.
        SecurityContextHolderStrategy strategy = contexts.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        // Signed out when idle first: a session that has ended needs no check with Keycloak.
        http.addFilterAfter(
                new IdleSignOut(
                        idle,
                        clock,
                        strategy,
                        authorizedClients,
                        keycloak.enabled() ? keycloak.backchannel() + "/protocol/openid-connect/logout" : null),
                SecurityContextHolderFilter.class);
        http.addFilterAfter(
                new AccessRecheck(accounts, recheck, authorizedClients, clock, strategy), IdleSignOut.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/styles/**", "/images/**")
                .permitAll()
                // Metrics and build information only on the management port, which the proxy does
                // not publish (management.server.port, EARLYHELP_MANAGEMENT_PORT in production).
                .requestMatchers(new ManagementPort(context))
                .permitAll()
                .requestMatchers("/actuator/**")
                .denyAll());
        if (keycloak.enabled()) {
            http.oauth2Login(login -> login.failureUrl("/signin-problem"));
            // With one client, Spring would send people straight to Keycloak; the sign-in page
            // first checks that Keycloak can be used and says so plainly when it cannot.
            http.exceptionHandling(
                    handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")));
        }
        String keycloakOrigin = keycloak.enabled() ? origin(keycloak.issuer()) : "";
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // Vaadin Flow's client needs inline and eval'd scripts and inline styles.
                        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
                                + " connect-src 'self'; object-src 'none'; base-uri 'self';"
                                + " form-action 'self' " + keycloakOrigin + "; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny())
                // Sent on HTTPS requests only (behind the proxy: X-Forwarded-Proto from a trusted proxy).
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // Vaadin writes its pages in ways that commit the response early: write headers first.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            if (keycloak.enabled()) {
                vaadin.oauth2LoginPage("/signin", "{baseUrl}/");
            } else {
                vaadin.loginView(LoginView.class);
            }
        });
        return http.build();
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /**
     * The tokens of a Keycloak login, kept in the person's HTTP session (and gone with it): the
     * sign-in stores them here and {@link AccessRecheck} renews them to ask whether the person may
     * still sign in.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    @ConditionalOnExpression("'${earlyhelp.keycloak.issuer-uri:}' != ''")
    KeycloakUserService keycloakUserService() {
        return new KeycloakUserService();
    }

    /**
     * The Keycloak client, with its endpoints written out rather than discovered, so the portal
     * starts while Keycloak is still down; a wrong issuer shows up at the first login.
     */
    @Bean
    @ConditionalOnExpression("'${earlyhelp.keycloak.issuer-uri:}' != ''")
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        String issuer = keycloak.issuer();
        String backchannel = keycloak.backchannel();
        try {
            URI uri = new URI(issuer);
            if (uri.getScheme() == null || uri.getHost() == null || !issuer.contains("/realms/")) {
                throw new URISyntaxException(issuer, "not a Keycloak realm URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("EARLYHELP_KEYCLOAK_ISSUER_URI must look like"
                    + " http://host:8180/realms/earlyhelp, but is " + issuer);
        }
        log.info("Keycloak mode: signing in through {}", issuer);
        ClientRegistration registration = ClientRegistration.withRegistrationId(KEYCLOAK_REGISTRATION)
                .clientName("Keycloak")
                .clientId(keycloak.clientIdOrDefault())
                .clientSecret(keycloak.clientSecret() == null ? "" : keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(backchannel + "/protocol/openid-connect/token")
                .jwkSetUri(backchannel + "/protocol/openid-connect/certs")
                .userInfoUri(backchannel + "/protocol/openid-connect/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
