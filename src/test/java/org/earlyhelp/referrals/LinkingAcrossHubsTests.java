package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Linking a request to a known family never widens anybody's access and never moves a family
 * silently: a family of one hub, linked to from another hub or by someone who does not work with
 * it, stays exactly as it was until its own hub lead confirms; the duplicate check shows only
 * enough to recognise a family, and says which families it showed in the audit trail.
 */
@OwnDataApplicationTest
class LinkingAcrossHubsTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final HubId BRIERLEY = new HubId("brierley-hill");
    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    Families families;

    @Autowired
    FamilyChanges changes;

    @Autowired
    JdbcClient jdbc;

    /** Family.worker leads these tests' cases: room for them, whatever the tests before left open. */
    @BeforeEach
    void roomInTheFamilyWorkersCaseload() {
        Caseloads.roomFor(jdbc, "dudley-central", "family.worker", 5);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    String postcodeIn(String hub) {
        return jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT 1""").param(hub).query(String.class).single();
    }

    static RequestDraft draft(String familyName, String address, String postcode, FamilyId existing) {
        return new RequestDraft(
                List.of(
                        new FamilyMemberDraft(
                                "Rosa", familyName, TODAY.minusYears(36), Relationship.PARENT, null, null),
                        new FamilyMemberDraft(
                                "Tomas", familyName, TODAY.minusYears(11), Relationship.CHILD, null, null)),
                address,
                postcode,
                null,
                null,
                Map.of(OutcomeArea.EDUCATION, "Tomas has stopped going to school."),
                "",
                "",
                new ConsentDraft("Rosa " + familyName + " (mother)", TODAY, ConsentMethod.IN_PERSON, "School, the hub"),
                existing);
    }

    record KnownFamily(FamilyId family, CaseId caseId) {}

    /** A family of Dudley Central whose early help has closed, with a contact note on its case. */
    KnownFamily knownFamilyOfCentral(String name) {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        Submitted submitted = requests.submit(draft(name, "4 Priory Road, Dudley", postcodeIn("dudley-central"), null));
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        RequestSummary waiting = queue.detail(submitted.request()).summary();
        queue.decide(
                submitted.request(),
                waiting.version(),
                NeedLevel.SINGLE_AGENCY,
                DecisionOutcome.EARLY_HELP,
                "School-led early help with the hub's support.",
                false);
        CaseId caseId = queue.allocate(
                submitted.request(), queue.detail(submitted.request()).summary().version(), "family.worker", Set.of());
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        cases.logContact(
                caseId, new ContactDraft(TODAY, ContactKind.HOME_VISIT, 40, true, "Misses his friends", "Visit"));
        CaseRecord record = cases.caseRecord(caseId);
        jdbc.sql("UPDATE referrals.case_file SET closed_at = now() - interval '200 days', close_reason = 'NEEDS_MET'"
                        + " WHERE id = ?")
                .param(caseId.value())
                .update();
        return new KnownFamily(submitted.family(), record.id());
    }

    record FamilyState(String hub, String address, String postcode, int version, List<String> members) {}

    FamilyState state(FamilyId family) {
        return jdbc.sql("SELECT hub_id, address, postcode, version FROM referrals.family WHERE id = ?")
                .param(family.value())
                .query((rs, n) -> new FamilyState(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        jdbc.sql("""
                                        SELECT given_name || ' ' || family_name || ' ' || date_of_birth FROM referrals.person
                                        WHERE family_id = ? ORDER BY position""").param(family.value()).query(String.class).list()))
                .single();
    }

    @Test
    void aLinkFromAnotherHubOrBySomeoneOutsideTheFamilyChangesNothingUntilItsHubLeadConfirms()
            throws InterruptedException {
        KnownFamily known = knownFamilyOfCentral("Vasquez");
        FamilyState before = state(known.family());
        String brierley = postcodeIn("brierley-hill");

        // The lead of another hub, and a practitioner who never worked with the family.
        for (var person : List.of(
                new Object[] {"lead.brierley-hill", Role.HUB_LEAD, "brierley-hill"},
                new Object[] {"housing.officer", Role.PRACTITIONER, "brierley-hill"})) {
            SignedIn.as((String) person[0], Set.of((Role) person[1]), Set.of((String) person[2]));
            Submitted linked =
                    requests.submit(draft("Vasquez", "9 Moor Street, Brierley Hill", brierley, known.family()));
            assertThat(linked.linking()).isEqualTo(Submitted.Linking.LINK_ASKED);
            assertThat(linked.family()).as("saved as a new family for now").isNotEqualTo(known.family());
            assertThat(linked.hub()).isEqualTo(BRIERLEY);
            assertThat(state(known.family()))
                    .as("the known family's hub, address, members and version are untouched")
                    .isEqualTo(before);
            assertThatThrownBy(() -> families.family(known.family())).isInstanceOf(AccessDeniedException.class);
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'refused:view' AND record_id = ?"
                                    + " AND actor = ?")
                            .params(known.family().toString(), person[0])
                            .query(Long.class)
                            .single())
                    .as("the refused read is audited")
                    .isPositive();
        }

        // The requests wait for the known family's own hub lead.
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        List<FamilyChanges.Pending> waiting = changes.pending(CENTRAL).items().stream()
                .filter(p -> p.family().equals(known.family()))
                .toList();
        assertThat(waiting).hasSize(2).allSatisfy(p -> {
            assertThat(p.link()).isTrue();
            assertThat(p.changesHub()).isTrue();
            assertThat(p.proposed().address()).isEqualTo("9 Moor Street, Brierley Hill");
        });
        SignedIn.as("lead.brierley-hill", Set.of(Role.HUB_LEAD), Set.of("brierley-hill"));
        assertThatThrownBy(() -> changes.decide(
                        waiting.getFirst().id(), waiting.getFirst().version(), true))
                .as("only the family's current hub lead decides")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(state(known.family())).isEqualTo(before);

        // Declined: nothing changes. Confirmed: the new family joins the known one, which moves, recorded.
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        changes.decide(waiting.get(0).id(), waiting.get(0).version(), false);
        assertThat(state(known.family())).isEqualTo(before);
        changes.decide(waiting.get(1).id(), waiting.get(1).version(), true);
        FamilyState after = state(known.family());
        assertThat(after.hub()).isEqualTo("brierley-hill");
        assertThat(after.address()).isEqualTo("9 Moor Street, Brierley Hill");
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.members()).as("no one doubled").isEqualTo(before.members());
        assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'link-family' AND record_id = ?")
                        .param(known.family().toString())
                        .query(String.class)
                        .single())
                .as("the trail, never erased, says which hubs, never the addresses")
                .contains("address changed", "dudley-central", "brierley-hill")
                .doesNotContain("Priory Road", "Moor Street");
        // The dashboards' read model follows: the linked request now belongs to the known family.
        UUID linkedRequest = jdbc.sql("SELECT request_id FROM referrals.family_change WHERE id = ?")
                .param(waiting.get(1).id())
                .query(UUID.class)
                .single();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        UUID inReadModel = null;
        while (System.nanoTime() < deadline) {
            inReadModel = jdbc.sql("SELECT family_id FROM insight.request WHERE id = ?")
                    .param(linkedRequest)
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
            if (known.family().value().equals(inReadModel)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(inReadModel).isEqualTo(known.family().value());
    }

    @Test
    void someoneWhoWorksWithTheFamilyLinksDirectlyButANewAddressWaitsForTheHubLead() {
        KnownFamily known = knownFamilyOfCentral("Haddad");
        jdbc.sql("UPDATE referrals.case_file SET closed_at = NULL, close_reason = NULL WHERE id = ?")
                .param(known.caseId().value())
                .update();
        FamilyState before = state(known.family());

        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        Submitted same =
                requests.submit(draft("Haddad", "4 Priory Road, Dudley", postcodeIn("dudley-central"), known.family()));
        assertThat(same.linking()).isEqualTo(Submitted.Linking.LINKED);
        assertThat(same.family()).isEqualTo(known.family());

        String elsewhere = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = 'dudley-central' ORDER BY p.postcode DESC LIMIT 1""").query(String.class).single();
        Submitted moved =
                requests.submit(draft("Haddad", "70 Wolverhampton Street, Dudley", elsewhere, known.family()));
        assertThat(moved.linking()).isEqualTo(Submitted.Linking.MOVE_ASKED);
        FamilyState waiting = state(known.family());
        assertThat(waiting.address())
                .as("not moved until the hub lead confirms")
                .isEqualTo(before.address());
        assertThat(waiting.hub()).isEqualTo(before.hub());

        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        FamilyChanges.Pending move = changes.pending(CENTRAL).items().stream()
                .filter(p -> p.family().equals(known.family()) && !p.link())
                .findFirst()
                .orElseThrow();
        changes.decide(move.id(), move.version(), true);
        assertThat(state(known.family()).address()).isEqualTo("70 Wolverhampton Street, Dudley");
        assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'move-family' AND record_id = ?")
                        .param(known.family().toString())
                        .query(String.class)
                        .single())
                .as("the trail, never erased, says which hubs, never the addresses")
                .contains("address changed", "dudley-central")
                .doesNotContain("Priory Road", "Wolverhampton Street");
    }

    @Test
    void theDuplicateCheckShowsOnlyFamiliesThePersonMayReadAndAsksTheOthersHubLeadUnseen() {
        KnownFamily open = knownFamilyOfCentral("Lindqvist");
        KnownFamily restricted = knownFamilyOfCentral("Lindqvist");
        jdbc.sql("UPDATE referrals.family SET restricted = true WHERE id = ?")
                .param(restricted.family().value())
                .update();
        // The second was saved as new with a question to the hub lead, who said they are two
        // families: it is no longer a copy waiting to be linked.
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        for (FamilyChanges.Pending asked : changes.pending(CENTRAL).items()) {
            if (asked.family().equals(open.family())) {
                changes.decide(asked.id(), asked.version(), false);
            }
        }

        RequestDraft draft = draft("Lindqvist", "1 Elm Road", postcodeIn("north-dudley"), null);
        // Neighbours in North Dudley who only share the surname, at the postcode of the request.
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("north-dudley"));
        FamilyId neighbours = requests.submit(new RequestDraft(
                        List.of(
                                new FamilyMemberDraft(
                                        "Anna", "Lindqvist", TODAY.minusYears(41), Relationship.PARENT, null, null),
                                new FamilyMemberDraft(
                                        "Nils", "Lindqvist", TODAY.minusYears(5), Relationship.CHILD, null, null)),
                        "3 Elm Road",
                        draft.postcode(),
                        null,
                        null,
                        Map.of(OutcomeArea.EDUCATION, "Nils finds school hard."),
                        "",
                        "",
                        new ConsentDraft("Anna Lindqvist (mother)", TODAY, ConsentMethod.IN_PERSON, "School, the hub"),
                        null))
                .family();

        // The hub lead of the families' hub may read the open one: it is offered, with only enough
        // to recognise it. The restricted one is not offered, not even as "known".
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        List<FamilyMatch> toTheLead = requests.matches(draft.members(), draft.postcode());
        assertThat(toTheLead).singleElement().satisfies(m -> {
            assertThat(m.family()).isEqualTo(open.family());
            assertThat(m.hubName()).isEqualTo("Dudley Central & Netherton");
            assertThat(m.openCase()).isFalse();
            assertThat(m.matchedOn())
                    .contains("T. Lindqvist, born " + TODAY.minusYears(11).getYear());
            assertThat(String.join(" ", m.matchedOn()))
                    .as("no first name, full date of birth or address")
                    .doesNotContain(
                            "Tomas", "Rosa", "Priory", TODAY.minusYears(11).toString());
        });
        assertThat(jdbc.sql("""
                        SELECT details FROM audit.entry WHERE action = 'search' AND actor = 'lead.dudley-central'
                        ORDER BY at DESC LIMIT 1""").query(String.class).single())
                .contains(open.family().toString())
                .doesNotContain(restricted.family().toString());

        // A police officer of another hub works with neither: nothing is shown, so nothing tells
        // them that early help knows a family by that name, nor whether its consent was withdrawn.
        SignedIn.as("police.officer", Set.of(Role.PRACTITIONER), Set.of("north-dudley"));
        assertThat(requests.matches(draft.members(), draft.postcode())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'search' AND actor = 'police.officer'")
                        .query(Long.class)
                        .single())
                .as("nothing was shown to them")
                .isZero();

        // Sent: they are told it is a new family, as for any family nobody knew, and the hub lead
        // of each known family is asked to link it; the trail says so.
        Submitted sent = requests.submit(draft);
        assertThat(sent.linking()).isEqualTo(Submitted.Linking.NEW_FAMILY);
        assertThat(sent.family()).isNotIn(open.family(), restricted.family());
        assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'submit' AND record_id = ?")
                        .param(sent.request().toString())
                        .query(String.class)
                        .single())
                .contains(
                        "link asked of",
                        open.family().toString(),
                        restricted.family().toString());
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(changes.pending(CENTRAL).items())
                .filteredOn(p -> p.requestedBy().equals("police.officer"))
                .extracting(FamilyChanges.Pending::family)
                .containsExactlyInAnyOrder(open.family(), restricted.family());
        SignedIn.as("lead.north-dudley", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThat(changes.pending(new HubId("north-dudley")).items())
                .as("the neighbours, who only share the surname at the postcode, are not asked about")
                .noneSatisfy(p -> assertThat(p.family()).isEqualTo(neighbours));
    }

    @Test
    void aFamilySentAgainAndAgainMakesOneQuestionEachTimeNotOneForEveryEarlierCopy() {
        KnownFamily known = knownFamilyOfCentral("Marlowe");
        SignedIn.as("youth.worker", Set.of(Role.PRACTITIONER), Set.of("north-dudley"));
        List<FamilyId> copies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            copies.add(requests.submit(draft("Marlowe", "1 Elm Road", postcodeIn("north-dudley"), null))
                    .family());
        }
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
        assertThat(changes.pending(CENTRAL).items())
                .filteredOn(p ->
                        p.family().equals(known.family()) && p.requestedBy().equals("youth.worker"))
                .as("each copy asks about the known family")
                .hasSize(3);
        SignedIn.as("lead.north-dudley", Set.of(Role.HUB_LEAD), Set.of("north-dudley"));
        assertThat(changes.pending(new HubId("north-dudley")).items())
                .extracting(FamilyChanges.Pending::family)
                .as("no question about a copy that is itself waiting to be linked")
                .doesNotContainAnyElementsOf(copies);
    }

    /**
     * The duplicate check looks at no more than 50 people. A family sent again and again (by
     * mistake, or by a partner system flooding the service) makes a copy each time; were the
     * newest first, 25 copies of two people would push the known family out of the 50 and its hub
     * lead would no longer be asked.
     */
    @Test
    void copiesOfAFamilySentAgainAndAgainCannotPushTheKnownFamilyOutOfTheCheck() {
        KnownFamily known = knownFamilyOfCentral("Abernethy");
        SignedIn.as("youth.worker", Set.of(Role.PRACTITIONER), Set.of("north-dudley"));
        RequestDraft again = draft("Abernethy", "1 Elm Road", postcodeIn("north-dudley"), null);
        for (int i = 0; i < 29; i++) {
            requests.submit(again);
        }
        Submitted last = requests.submit(again);
        assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'submit' AND record_id = ?")
                        .param(last.request().toString())
                        .query(String.class)
                        .single())
                .as("the 30th copy still asks the hub lead about the known family")
                .contains("link asked of", known.family().toString());
    }
}
