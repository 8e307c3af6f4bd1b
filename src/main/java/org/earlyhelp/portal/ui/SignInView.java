package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.earlyhelp.portal.security.IdleSignOut;
import org.earlyhelp.portal.security.KeycloakStatus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.jspecify.annotations.Nullable;

/**
 * Keycloak mode's sign-in page: sends the person on to Keycloak, or, when Keycloak cannot be
 * used, says so plainly and what to do.
 */
@View
@Route(value = "signin", autoLayout = false)
@AnonymousAllowed
public class SignInView extends Page implements BeforeEnterObserver {

    /** Where Spring Security starts the OpenID Connect login. */
    public static final String KEYCLOAK_START = "oauth2/authorization/keycloak";

    private final transient KeycloakStatus keycloak;

    public SignInView(KeycloakStatus keycloak) {
        super("");
        this.keycloak = keycloak;
        setHeading(getTranslation("login.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<KeycloakStatus.Problem> problem = keycloak.problem();
        Long idle = IdleSignOut.signedOutIdleAfterMinutes(session());
        if (problem.isEmpty() && idle != null) {
            // Not straight on to Keycloak: first say why they were signed out.
            Paragraph why = new Paragraph(getTranslation("login.signed-out-idle", idle));
            why.setId("signed-out-idle");
            why.addClassName("notice");
            Anchor again = new Anchor(KEYCLOAK_START, getTranslation("signin.again"));
            again.setId("sign-in-again");
            // A link out of the portal's pages, to Spring Security: not one for Vaadin's router.
            again.setRouterIgnore(true);
            add(why, again);
            return;
        }
        if (problem.isEmpty()) {
            event.getUI().getPage().setLocation(KEYCLOAK_START);
            add(new Paragraph(getTranslation("signin.redirecting")));
            Anchor onwards = new Anchor(KEYCLOAK_START, getTranslation("signin.continue"));
            onwards.setRouterIgnore(true);
            add(onwards);
            return;
        }
        setId("signin-problem");
        setHeading(getTranslation("signin-problem.title"));
        add(new Paragraph(getTranslation("signin.problem." + problem.get().what())));
        add(new Paragraph(getTranslation("signin.problem.fix", problem.get().issuer())));
        add(new Anchor("signin", getTranslation("signin-problem.retry")));
    }

    private static @Nullable HttpSession session() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest().getSession(false);
    }
}
