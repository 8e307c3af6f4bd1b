package org.earlyhelp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.time.ClockConfiguration;
import org.earlyhelp.shared.ui.View;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** House rules the module structure alone does not enforce. */
@AnalyzeClasses(packages = "org.earlyhelp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule viewsNeverUseRepositories = noClasses()
            .that()
            .resideInAnyPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Repository.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("..internal..")
            .because("views call application services, which own validation, transactions and access checks");

    @ArchTest
    static final ArchRule vaadinOnlyInUiPackagesAndThePortal = noClasses()
            .that()
            .resideOutsideOfPackages("..ui..", "org.earlyhelp.portal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..")
            .because("the domain and its services must not depend on the UI framework");

    @ArchTest
    static final ArchRule pagesSayWhatServicesSayInThePersonsLanguage = noClasses()
            .that()
            .resideInAnyPackage("..ui..")
            .and()
            .doNotHaveSimpleName("DatabaseUnavailablePage")
            .and()
            // Both log the database's failure; the person reads translated words.
            .doNotHaveSimpleName("FailedActions")
            .should()
            .callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("getMessage"))
                    .and(JavaCall.Predicates.target(
                            HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Throwable.class)
                                    // A refusal's reason goes to the audit log only; the page says "access denied".
                                    .and(DescribedPredicate.not(
                                            JavaClass.Predicates.assignableTo(AccessDeniedException.class)))))))
            .orShould()
            .callMethod(ValidationException.class, "problems")
            .because("an exception's message is English: a page says a service's Message through the translation"
                    + " files (shared.ui.Words), in the language the person chose");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should()
            .beAnnotatedWith(Autowired.class)
            .because("constructor injection keeps dependencies visible and objects complete");

    @ArchTest
    static final ArchRule theTimeComesFromTheOneClock = noClasses()
            .that()
            .doNotBelongToAnyOf(ClockConfiguration.class)
            .should()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Clock.class, "system", ZoneId.class)
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(YearMonth.class, "now")
            .orShould()
            .callMethod(Year.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("every service, job and page takes the time from the one Clock bean"
                    + " (shared.time.ClockConfiguration), so that a test can set it for the whole application"
                    + " and \"today\" is the same day everywhere (WorkingCalendar.today)");

    /** No SQL outside a module's {@code internal} repositories and queries (issue 17: the last classes moved). */
    @ArchTest
    static final ArchRule sqlOnlyBehindInternalRepositories = noClasses()
            .that()
            .resideOutsideOfPackage("..internal..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(JdbcClient.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(JdbcTemplate.class)
            .because("a module's SQL lives in its internal repositories and queries, so that services say what"
                    + " they do and the statements can be read, tested and changed in one place");

    @ArchTest
    static final ArchRule modulesDoNotDependOnThePortal = noClasses()
            .that()
            .resideOutsideOfPackage("org.earlyhelp.portal..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earlyhelp.portal..")
            .because("the portal is a thin shell over the modules, never the other way round");

    @ArchTest
    static final ArchRule everyPageAndLayoutIsAPrototypeBean = classes()
            .that()
            .areAnnotatedWith(Route.class)
            .or()
            .areAnnotatedWith(Layout.class)
            .should()
            .beAnnotatedWith(View.class)
            .because("Vaadin gets each page from the Spring context on every navigation: as a prototype bean it is"
                    + " made from a definition prepared once, not worked out anew after a refused lookup"
                    + " (shared.ui.View)");
}
