package org.earlyhelp.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.earlyhelp.identity.DemoAccount;
import org.earlyhelp.identity.LocalAccounts;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every demonstration account, as the demonstration's sign-in makes it (its roles and hubs read by
 * the service that signs it in), lands on its role's home page, under the demonstration banner, with
 * a menu that offers the alerts page to hub leads only. Without a browser (Vaadin's browserless
 * testing); {@code DemoLoginIT} signs one account of each kind in on the real sign-in page in
 * Chromium, and checks those pages' accessibility.
 */
@OwnDataApplicationTest
class DemonstrationAccountsHomeTests extends SpringBrowserlessTest {

    /** Each demonstration account and the home page section its role gives it. */
    static Stream<Arguments> accounts() {
        return Stream.of(
                Arguments.of("admin", "home-admin"),
                Arguments.of("commissioner", "home-commissioner"),
                Arguments.of("lead.north-dudley", "home-hub-lead"),
                Arguments.of("lead.dudley-central", "home-hub-lead"),
                Arguments.of("lead.brierley-hill", "home-hub-lead"),
                Arguments.of("lead.kingswinford", "home-hub-lead"),
                Arguments.of("lead.stourbridge", "home-hub-lead"),
                Arguments.of("lead.halesowen", "home-hub-lead"),
                Arguments.of("teacher", "home-practitioner"),
                Arguments.of("health.visitor", "home-practitioner"),
                Arguments.of("police.officer", "home-practitioner"),
                Arguments.of("housing.officer", "home-practitioner"),
                Arguments.of("cvs.worker", "home-practitioner"),
                Arguments.of("family.worker", "home-practitioner"),
                Arguments.of("young.person", "home-young-person"));
    }

    @Autowired
    UserDetailsService signIn;

    @Autowired
    LocalAccounts localAccounts;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void everyDemonstrationAccountWithARoleIsChecked() {
        Set<String> checked = accounts().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(localAccounts.demoAccounts().stream()
                        .filter(a -> !a.roles().isEmpty())
                        .map(DemoAccount::username))
                .as("the demonstration accounts the login page lists")
                .containsExactlyInAnyOrderElementsOf(checked);
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @MethodSource("accounts")
    void eachDemonstrationAccountLandsOnItsHomePage(String username, String section) {
        UserDetails account = signIn.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));

        navigate(HomeView.class);

        assertThat($(Section.class).withId(section).exists())
                .as("%s's home page has its role's section", username)
                .isTrue();
        assertThat($(Section.class).withId("no-access").exists()).isFalse();
        assertThat(getCurrentView().getElement().getOuterHTML())
                .as("demonstration mode says so on every page")
                .contains("do not enter real families");
        // Nobody is offered a page that would only refuse them: alerts are for leads and safeguarding leads.
        List<String> menu =
                $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(menu).as("%s's menu", username).contains("Home");
        if (section.equals("home-hub-lead")) {
            assertThat(menu).contains("Safeguarding alerts");
        } else {
            assertThat(menu).doesNotContain("Safeguarding alerts");
        }
        String home = $(Section.class).id(section).getElement().getOuterHTML();
        if (section.equals("home-young-person")) {
            assertThat(home).contains("Give feedback");
        }
        if (username.equals("lead.dudley-central") || username.equals("teacher")) {
            assertThat(home).contains("Dudley Central &amp; Netherton");
        }
    }
}
