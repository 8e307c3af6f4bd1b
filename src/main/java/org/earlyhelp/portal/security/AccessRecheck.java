package org.earlyhelp.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.shared.security.EarlyHelpPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks again, at most every {@code earlyhelp.access.recheck-every} (default 30 s) per session,
 * whether a signed-in local account is still enabled; when it is not, the session ends at once
 * and the next request goes to the sign-in page. So an account disabled by an administrator
 * loses access within a minute, not at the end of its session.
 */
final class AccessRecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessRecheck.class);
    private static final String CHECKED = AccessRecheck.class.getName() + ".checkedAt";

    private final LocalAccounts accounts;
    private final Duration every;

    AccessRecheck(LocalAccounts accounts, Duration every) {
        this.accounts = accounts;
        this.every = every;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null
                && authentication != null
                && !(authentication instanceof OAuth2AuthenticationToken)
                && authentication.getPrincipal() instanceof EarlyHelpPrincipal principal) {
            long now = System.currentTimeMillis();
            Object checked = session.getAttribute(CHECKED);
            if (!(checked instanceof Long at) || now - at >= every.toMillis()) {
                String username = principal.currentUser().username();
                boolean active;
                try {
                    active = accounts.stillActive(username);
                } catch (org.springframework.dao.DataAccessException
                        | org.springframework.transaction.TransactionException down) {
                    // The database is not answering: the page will say so; check again next time.
                    active = true;
                    now = 0;
                }
                if (!active) {
                    log.info("{} is no longer enabled: their session is ended", username);
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?disabled");
                    return;
                }
                session.setAttribute(CHECKED, now);
            }
        }
        chain.doFilter(request, response);
    }
}
