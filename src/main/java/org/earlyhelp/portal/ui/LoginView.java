package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.earlyhelp.identity.DemoAccount;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.portal.security.AccessRecheck;
import org.earlyhelp.portal.security.IdleSignOut;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in with a local account (demonstration mode). The demonstration accounts are listed here,
 * and only here, because in demonstration mode they are public knowledge.
 */
@View
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Page implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    /** Why the person's last session ended, when the portal ended it. */
    private final Paragraph signedOut = new Paragraph();

    public LoginView(LocalAccounts accounts) {
        super("");
        setHeading(getTranslation("app.name"));
        addClassName("login-view");
        login.setAction("login");
        login.setI18n(i18n());
        login.setForgotPasswordButtonVisible(false);
        signedOut.addClassName("notice");
        signedOut.setVisible(false);
        add(signedOut);
        add(new Paragraph(getTranslation("login.intro")));
        add(login);
        // The password field's "show password" button is named by the web component in English.
        login.getElement().executeJs("""
                        const say = () => {
                          const field = this.querySelector('vaadin-password-field');
                          if (!field) { requestAnimationFrame(say); return; }
                          field.i18n = Object.assign({}, field.i18n, { reveal: $0 });
                        };
                        say();""", getTranslation("login.show-password"));
        add(demoAccounts(accounts));
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    private Section demoAccounts(LocalAccounts accounts) {
        Section section = new Section();
        section.setId("demo-accounts");
        section.add(new H2(getTranslation("login.demo.title")));
        section.add(new Paragraph(getTranslation("login.demo.text", accounts.demoPassword())));
        Element table = new Element("table");
        Element caption = new Element("caption").setText(getTranslation("login.demo.caption"));
        Element head = new Element("tr")
                .appendChild(th(getTranslation("login.demo.username")))
                .appendChild(th(getTranslation("login.demo.role")))
                .appendChild(th(getTranslation("login.demo.who")));
        Element body = new Element("tbody");
        for (DemoAccount account : accounts.demoAccounts()) {
            String roles = account.roles().isEmpty()
                    ? getTranslation("role.none")
                    : account.roles().stream()
                            .sorted()
                            .map(Role::externalName)
                            .map(r -> getTranslation("role." + r))
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("");
            body.appendChild(new Element("tr")
                    .appendChild(new Element("td")
                            .setAttribute("translate", "no")
                            .appendChild(new Element("code").setText(account.username())))
                    .appendChild(new Element("td").setText(roles))
                    .appendChild(
                            new Element("td").setAttribute("translate", "no").setText(account.description())));
        }
        table.appendChild(caption, new Element("thead").appendChild(head), body);
        Div wrapper = new Div();
        wrapper.addClassName("table-wrapper");
        // A scrollable region must be reachable by keyboard at phone width.
        wrapper.getElement().setAttribute("tabindex", "0");
        wrapper.getElement().setAttribute("role", "region");
        wrapper.getElement().setAttribute("aria-label", getTranslation("login.demo.caption"));
        wrapper.getElement().appendChild(table);
        section.add(wrapper);
        return section;
    }

    private static Element th(String text) {
        return new Element("th").setAttribute("scope", "col").setText(text);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long idle = IdleSignOut.signedOutIdleAfterMinutes(session());
        boolean disabled = AccessRecheck.signedOutDisabled(session())
                | event.getLocation().getQueryParameters().getParameters().containsKey("disabled");
        if (idle != null) {
            signedOut.setId("signed-out-idle");
            signedOut.setText(getTranslation("login.signed-out-idle", idle));
            signedOut.setVisible(true);
        } else if (disabled) {
            signedOut.setId("signed-out-disabled");
            signedOut.setText(getTranslation("login.signed-out-disabled"));
            signedOut.setVisible(true);
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            if (lastFailure() instanceof LockedException) {
                LoginI18n i18n = i18n();
                i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.locked.message"));
                login.setI18n(i18n);
            }
            login.setError(true);
        }
    }

    /** Why the last sign-in failed, as Spring Security left it in the session. */
    private static @Nullable Object lastFailure() {
        HttpSession session = session();
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static @Nullable HttpSession session() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest().getSession(false);
    }
}
