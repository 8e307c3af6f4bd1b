package org.earlyhelp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earlyhelp.quality.AuditFramework.DomainDraft;
import org.earlyhelp.quality.AuditFramework.Version;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The audit framework against the real database: administrators publish versions that never
 * change afterwards, staff who work with families read them, bad input and a stale start save
 * nothing, and each publication is audited.
 */
@OwnDataApplicationTest
class AuditFrameworkTests {

    @Autowired
    AuditFramework framework;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static DomainDraft domain(String name) {
        return new DomainDraft(
                name,
                "Is " + name.toLowerCase() + " good enough?",
                "Strong throughout.",
                "Meets the standard.",
                "Gaps remain.",
                "Not met.");
    }

    private int latest() {
        SignedIn.admin();
        return framework.versions().stream().findFirst().orElse(0);
    }

    private int rows(String table) {
        return jdbc.sql("SELECT count(*) FROM quality." + table)
                .query(Integer.class)
                .single();
    }

    @Test
    void aPublishedVersionNeverChangesAndTheNextStartsFromIt() {
        int before = latest();
        int first = framework.publish(List.of(domain("Timeliness"), domain("Voice")), "Two domains to start.", before);
        assertThat(first).isEqualTo(before + 1);
        Version published = framework.current().orElseThrow();
        assertThat(published.number()).isEqualTo(first);
        assertThat(published.domains()).extracting(AuditFramework.Domain::name).containsExactly("Timeliness", "Voice");

        List<DomainDraft> next = new ArrayList<>(published.drafts());
        next.set(0, new DomainDraft("Timeliness", "Was everything on time?", "a1", "b1", "c1", "d1"));
        next.add(domain("Closure"));
        int second = framework.publish(next, "Sharper timeliness; closure added.", first);
        assertThat(second).isEqualTo(first + 1);

        assertThat(framework.version(first).orElseThrow())
                .as("the earlier version is kept as it was published")
                .isEqualTo(published);
        assertThat(framework.current().orElseThrow().domains())
                .extracting(AuditFramework.Domain::name, AuditFramework.Domain::question)
                .containsExactly(
                        tuple("Timeliness", "Was everything on time?"),
                        tuple("Voice", "Is voice good enough?"),
                        tuple("Closure", "Is closure good enough?"));
        assertThat(framework.versions()).startsWith(second, first);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit.entry WHERE action = 'publish-framework' AND record_id IN (?, ?)")
                        .params(String.valueOf(first), String.valueOf(second))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        int before = latest();
        int versions = rows("framework_version");
        int domains = rows("framework_domain");
        assertThatThrownBy(() -> framework.publish(List.of(), "x", before))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("domains", "note"));
        assertThatThrownBy(() -> framework.publish(
                        List.of(
                                domain("Voice"),
                                new DomainDraft("voice ", null, "ok ok", "", "ok ok", "x".repeat(1001))),
                        "A note.",
                        before))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messages())
                                .containsOnlyKeys(
                                        "domains.1.name",
                                        "domains.1.question",
                                        "domains.1.good",
                                        "domains.1.inadequate"));
        List<DomainDraft> thirteen = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            thirteen.add(domain("Domain " + i));
        }
        assertThatThrownBy(() -> framework.publish(thirteen, "Too many.", before))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.messages()).containsOnlyKeys("domains"));
        assertThat(rows("framework_version")).isEqualTo(versions);
        assertThat(rows("framework_domain")).isEqualTo(domains);
    }

    @Test
    void aVersionPublishedMeanwhileIsNotOverwritten() {
        int before = latest();
        framework.publish(List.of(domain("Voice")), "One administrator's version.", before);
        int versions = rows("framework_version");
        assertThatThrownBy(
                        () -> framework.publish(List.of(domain("Timeliness")), "Another's, started earlier.", before))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(rows("framework_version")).isEqualTo(versions);
        assertThat(framework.current().orElseThrow().domains())
                .extracting(AuditFramework.Domain::name)
                .containsExactly("Voice");
    }

    @Test
    void onlyAdministratorsPublishAndOnlyStaffWhoWorkWithFamiliesRead() {
        int before = latest();
        for (Role role : List.of(Role.HUB_LEAD, Role.PRACTITIONER, Role.COMMISSIONER, Role.YOUNG_PERSON)) {
            SignedIn.as("someone", Set.of(role), Set.of("dudley-central"));
            assertThatThrownBy(() -> framework.publish(List.of(domain("Voice")), "A note.", before))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        for (Role role : List.of(Role.HUB_LEAD, Role.PRACTITIONER)) {
            SignedIn.as("someone", Set.of(role), Set.of("dudley-central"));
            assertThat(framework.versions()).as(role.name()).isNotNull();
        }
        for (Role role : List.of(Role.COMMISSIONER, Role.YOUNG_PERSON)) {
            SignedIn.as("someone", Set.of(role), Set.of());
            assertThatThrownBy(() -> framework.current()).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.nobody();
        assertThatThrownBy(() -> framework.versions()).isInstanceOf(AccessDeniedException.class);
    }
}
