package org.earlyhelp.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request to the actuator that came in on the management port, not on the application's own
 * port. With no management port of its own (development), nothing matches.
 */
final class ManagementPort implements RequestMatcher {

    private final ApplicationContext context;

    ManagementPort(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return false;
        }
        return request.getRequestURI().startsWith("/actuator/")
                && request.getLocalPort() != web.getWebServer().getPort();
    }
}
