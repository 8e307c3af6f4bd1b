package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

/** Shown when signing in through Keycloak failed: what happened and what to do. */
@View
@Route(value = "signin-problem", autoLayout = false)
@AnonymousAllowed
public class SignInProblemView extends Page {

    public SignInProblemView() {
        super("");
        setHeading(getTranslation("signin-problem.title"));
        add(new Paragraph(getTranslation("signin-problem.text")));
        add(new Paragraph(getTranslation("signin-problem.admin")));
        add(new Anchor("", getTranslation("signin-problem.retry")));
    }
}
