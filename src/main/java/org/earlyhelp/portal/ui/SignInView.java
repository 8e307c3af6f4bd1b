package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.earlyhelp.portal.security.KeycloakStatus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

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
        if (problem.isEmpty()) {
            event.getUI().getPage().setLocation(KEYCLOAK_START);
            add(new Paragraph(getTranslation("signin.redirecting")));
            add(new Anchor(KEYCLOAK_START, getTranslation("signin.continue")));
            return;
        }
        setId("signin-problem");
        setHeading(getTranslation("signin-problem.title"));
        add(new Paragraph(getTranslation("signin.problem." + problem.get().what())));
        add(new Paragraph(getTranslation("signin.problem.fix", problem.get().issuer())));
        add(new Anchor("signin", getTranslation("signin-problem.retry")));
    }
}
