package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.security.CurrentUsers;

/**
 * The main layout: a skip link, the app's name, who is signed in with a way to sign out, and the
 * navigation built from the views this person may open.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient CurrentUsers currentUsers;
    private final transient AuthenticationContext authentication;
    private final SideNav nav = new SideNav();
    private final Div account = new Div();

    public MainLayout(CurrentUsers currentUsers, AuthenticationContext authentication) {
        this.currentUsers = currentUsers;
        this.authentication = authentication;
        setPrimarySection(Section.NAVBAR);

        Anchor skip = new Anchor("#main-content", getTranslation("layout.skip-to-content"));
        skip.addClassName("skip-link");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        Anchor title = new Anchor("", getTranslation("app.name"));
        title.addClassName("app-title");
        account.addClassName("account");
        addToNavbar(skip, toggle, title, account);

        nav.setLabel(getTranslation("layout.navigation"));
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        addToDrawer(nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path()));
        }
        account.removeAll();
        currentUsers.find().ifPresent(this::showAccount);
    }

    private void showAccount(CurrentUser user) {
        Span name = new Span(user.displayName());
        name.addClassName("account-name");
        Button signOut = new Button(getTranslation("layout.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        account.add(name, signOut);
    }
}
