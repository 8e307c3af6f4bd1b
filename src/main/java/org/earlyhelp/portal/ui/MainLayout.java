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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.work.MenuFilter;
import org.jspecify.annotations.Nullable;

/**
 * The main layout: a skip link, the app's name, who is signed in with a way to sign out, and the
 * navigation built from the views this person may open.
 */
@View
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient CurrentUsers currentUsers;
    private final transient AuthenticationContext authentication;
    private final SideNav nav = new SideNav();
    private final Div account = new Div();

    private final transient List<MenuFilter> menuFilters;
    private transient @Nullable Set<Role> menuRoles;
    private transient List<MenuEntry> menuEntries = List.of();
    private transient List<MenuEntry> shown = List.of();
    /** Whose name the account area shows: empty for nobody, null before the first page. */
    private @Nullable String accountShown;

    public MainLayout(CurrentUsers currentUsers, AuthenticationContext authentication, List<MenuFilter> menuFilters) {
        this.currentUsers = currentUsers;
        this.menuFilters = menuFilters;
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
        Optional<CurrentUser> user = currentUsers.find();
        // Vaadin checks each menu route's access rules for every call, at a cost: done on every
        // navigation it took 40% of the server's CPU in the load test. The rules depend on the
        // roles only, so they are checked once per layout and roles; each page still checks its
        // own access when it is opened.
        Set<Role> roles = user.map(CurrentUser::roles).orElse(Set.of());
        if (!roles.equals(menuRoles)) {
            menuEntries = MenuConfiguration.getMenuEntries();
            menuRoles = roles;
        }
        List<MenuEntry> offered = new ArrayList<>();
        for (MenuEntry entry : menuEntries) {
            String route = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            // A page the roles let in but that could only refuse this person is not offered.
            if (user.isPresent() && !offered(route, user.get())) {
                continue;
            }
            offered.add(entry);
        }
        // The same menu and the same person as on the last page: nothing to send again.
        if (!offered.equals(shown)) {
            nav.removeAll();
            offered.forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
            shown = offered;
        }
        String signedIn = user.map(CurrentUser::username).orElse("");
        if (!signedIn.equals(accountShown)) {
            account.removeAll();
            user.ifPresent(this::showAccount);
            accountShown = signedIn;
        }
    }

    /**
     * Whether every module offers the route to this person. A module that cannot tell (its
     * database is away: the page under this menu is then the plain "database down" message) is
     * taken as not offering it, so the menu never breaks the page it frames.
     */
    private boolean offered(String route, CurrentUser user) {
        try {
            return menuFilters.stream().allMatch(f -> f.offers(route, user));
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    private void showAccount(CurrentUser user) {
        Span name = new Span(user.displayName());
        name.addClassName("account-name");
        // A person's name is theirs: a translation tool leaves it as it is.
        name.getElement().setAttribute("translate", "no");
        Button signOut = new Button(getTranslation("layout.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        account.add(name, signOut);
    }
}
