package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.testing.Caseloads;
import org.earlyhelp.testing.NewFamilyRequests;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Alert;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
import org.earlyhelp.voice.SafeguardingAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The early help journey through the services, against the real database: who may do what, bad
 * input refused with nothing saved, duplicates found, concurrent edits detected, reads audited.
 */
@OwnDataApplicationTest
class ReferralJourneyTests {

    static final HubId CENTRAL = new HubId("dudley-central");
    static final LocalDate TODAY = LocalDate.now(WorkingCalendar.LONDON);

    @Autowired
    RequestsForSupport requests;

    @Autowired
    MyRequests myRequests;

    @Autowired
    HubQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    Families families;

    @Autowired
    FamilyChanges familyChanges;

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

    static void teacher() {
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
    }

    static void centralLead() {
        SignedIn.as("lead.dudley-central", Set.of(Role.HUB_LEAD), Set.of("dudley-central"));
    }

    static void familyWorker() {
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
    }

    String postcodeIn(String hub) {
        return jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT 1""").param(hub).query(String.class).single();
    }

    RequestDraft draft(String familyName, LocalDate childBorn, String postcode) {
        return new RequestDraft(
                List.of(
                        new FamilyMemberDraft(
                                "Jade", familyName, TODAY.minusYears(34), Relationship.PARENT, "Female", null),
                        new FamilyMemberDraft("Leo", familyName, childBorn, Relationship.CHILD, null, null)),
                "12 Castle Street, Dudley",
                postcode,
                null,
                null,
                Map.of(
                        OutcomeArea.EDUCATION, "Leo has missed 30% of school this term.",
                        OutcomeArea.HOUSING, "Rent arrears; notice served."),
                "School attendance meetings.",
                "School nurse.",
                new ConsentDraft(
                        "Jade " + familyName + " (mother)", TODAY, ConsentMethod.IN_PERSON, "School, health, housing"),
                null);
    }

    /** The queue's grids read a page at a time: the pages, one after another, are the whole list. */
    @Test
    void theQueueReadAPageAtATimeIsTheWholeQueueInOrder() {
        teacher();
        String postcode = postcodeIn("dudley-central");
        for (int i = 0; i < 3; i++) {
            requests.submit(draft("Paged" + i, TODAY.minusYears(6 + i), postcode));
        }
        centralLead();
        List<RequestSummary> whole = queue.awaitingDecision(CENTRAL);
        assertThat(whole).hasSizeGreaterThanOrEqualTo(3);
        assertThat(queue.countAwaitingDecision(CENTRAL)).isEqualTo(whole.size());
        List<RequestSummary> paged = new ArrayList<>();
        for (int offset = 0; offset < whole.size(); offset += 2) {
            paged.addAll(queue.awaitingDecision(CENTRAL, offset, 2));
        }
        assertThat(paged)
                .extracting(RequestSummary::id)
                .containsExactlyElementsOf(
                        whole.stream().map(RequestSummary::id).toList());

        List<RequestSummary> toAllocate = queue.awaitingAllocation(CENTRAL);
        assertThat(queue.countAwaitingAllocation(CENTRAL)).isEqualTo(toAllocate.size());
        List<RequestSummary> allocationPages = new ArrayList<>();
        for (int offset = 0; offset < toAllocate.size() + 2; offset += 2) {
            allocationPages.addAll(queue.awaitingAllocation(CENTRAL, offset, 2));
        }
        assertThat(allocationPages)
                .extracting(RequestSummary::id)
                .containsExactlyElementsOf(
                        toAllocate.stream().map(RequestSummary::id).toList());
    }

    @Test
    void myRequestsRefusesAPageLargerThanItReturnsRatherThanCuttingItShort() {
        teacher();
        assertThat(myRequests.page(0, MyRequests.MOST_PER_PAGE)).hasSizeLessThanOrEqualTo(MyRequests.MOST_PER_PAGE);
        assertThatThrownBy(() -> myRequests.page(0, MyRequests.MOST_PER_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 200 items, not 201");
        assertThatThrownBy(() -> myRequests.page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHubQueueRefusesAPageLargerThanItReturnsRatherThanCuttingItShort() {
        centralLead();
        int larger = HubQueue.MOST_PER_PAGE + 1;
        assertThatThrownBy(() -> queue.awaitingDecision(CENTRAL, 0, larger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A page holds 1 to 500 items, not 501");
        assertThatThrownBy(() -> queue.awaitingAllocation(CENTRAL, 0, larger))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.awaitingDecision(CENTRAL, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.awaitingAllocation(CENTRAL, 0, HubQueue.MOST_PER_PAGE))
                .hasSizeLessThanOrEqualTo(HubQueue.MOST_PER_PAGE);
    }

    /**
     * The referrer needs to know that the request arrived and how it was decided; why, and who
     * leads the early help, only for a while after the decision, and not once the family has
     * withdrawn consent. The hub lead still sees it all.
     */
    @Test
    void theReferrerSeesWhyAndWhoLeadsOnlyForAWhileAndNotOnceConsentIsWithdrawn() {
        teacher();
        Submitted submitted = requests.submit(draft("Okonjo", TODAY.minusYears(7), postcodeIn("dudley-central")));
        centralLead();
        RequestSummary waiting = queue.detail(submitted.request()).summary();
        String why = "Leo's father is drinking more since the move; one agency can help.";
        queue.decide(
                submitted.request(),
                waiting.version(),
                NeedLevel.SINGLE_AGENCY,
                DecisionOutcome.EARLY_HELP,
                why,
                false);
        queue.allocate(submitted.request(), waiting.version() + 1, "family.worker", Set.of());

        teacher();
        assertThat(List.of(requests.status(submitted.request()), mine(submitted.request())))
                .allSatisfy(r -> {
                    assertThat(r.reasons()).isEqualTo(why);
                    assertThat(r.leadName()).isNotBlank();
                });
        // Reading the list is recorded, with the families it showed.
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM audit.entry WHERE actor = 'teacher' AND action = 'view-status'
                                AND record_type = 'my-requests' AND details LIKE ?""")
                        .param("%" + submitted.request() + " (family " + submitted.family() + ")%")
                        .query(Integer.class)
                        .single())
                .isPositive();

        // A day more than the 90 after the decision.
        moveTheDecision(submitted.request(), "- interval '91 days'");
        teacher();
        assertThat(myRequests.detailsShownForDays()).isEqualTo(90);
        assertThat(List.of(requests.status(submitted.request()), mine(submitted.request())))
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(RequestStatus.ALLOCATED);
                    assertThat(r.outcome()).isEqualTo(DecisionOutcome.EARLY_HELP);
                    assertThat(r.level()).isEqualTo(NeedLevel.SINGLE_AGENCY);
                    assertThat(r.decidedAt()).isNotNull();
                    assertThat(r.reasons()).as("why it was decided so").isNull();
                    assertThat(r.leadName()).as("who leads").isNull();
                    assertThat(r.closedAs()).isNull();
                });
        centralLead();
        assertThat(requests.status(submitted.request()).reasons()).isEqualTo(why);

        // Back within the 90 days, but the family withdraws consent.
        moveTheDecision(submitted.request(), "+ interval '91 days'");
        teacher();
        assertThat(requests.status(submitted.request()).reasons()).isEqualTo(why);
        familyWorker();
        families.withdrawConsent(
                submitted.family(), families.family(submitted.family()).version(), "Mother asked us to stop sharing");
        teacher();
        assertThat(List.of(requests.status(submitted.request()), mine(submitted.request())))
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(DecisionOutcome.EARLY_HELP);
                    assertThat(r.restricted()).isTrue();
                    assertThat(r.reasons()).isNull();
                    assertThat(r.leadName()).isNull();
                });
        centralLead();
        assertThat(requests.status(submitted.request()).leadName()).isNotBlank();
    }

    private RequestSummary mine(RequestId request) {
        return myRequests.page(0, MyRequests.MOST_PER_PAGE).stream()
                .filter(r -> r.id().equals(request))
                .findFirst()
                .orElseThrow();
    }

    private void moveTheDecision(RequestId request, String by) {
        jdbc.sql("UPDATE referrals.request SET decided_at = decided_at " + by + " WHERE id = ?")
                .param(request.value())
                .update();
    }

    @Test
    void theWholeJourneyFromRequestToClosure() {
        teacher();
        String postcode = postcodeIn("dudley-central");
        Submitted submitted = requests.submit(draft("Ashworth", TODAY.minusYears(9), postcode));
        assertThat(submitted.hub()).isEqualTo(CENTRAL);
        assertThat(submitted.decisionDue()).isAfter(Instant.now());
        assertThat(myRequests.page(0, 10)).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(submitted.request());
            assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_DECISION);
        });

        centralLead();
        RequestSummary waiting = queue.awaitingDecision(CENTRAL).stream()
                .filter(r -> r.id().equals(submitted.request()))
                .findFirst()
                .orElseThrow();
        assertThat(queue.workingDaysLeft(waiting)).isBetween(0, 1);
        assertThat(queue.detail(submitted.request()).needs()).containsKeys(OutcomeArea.EDUCATION, OutcomeArea.HOUSING);
        queue.decide(
                submitted.request(),
                waiting.version(),
                NeedLevel.TARGETED,
                DecisionOutcome.EARLY_HELP,
                "Two needs, several agencies: targeted early help.",
                false);

        teacher();
        RequestSummary seen = requests.status(submitted.request());
        assertThat(seen.outcome()).isEqualTo(DecisionOutcome.EARLY_HELP);
        assertThat(seen.level()).isEqualTo(NeedLevel.TARGETED);

        centralLead();
        RequestSummary toAllocate = queue.awaitingAllocation(CENTRAL).stream()
                .filter(r -> r.id().equals(submitted.request()))
                .findFirst()
                .orElseThrow();
        assertThat(queue.candidates(CENTRAL))
                .anySatisfy(c -> assertThat(c.username()).isEqualTo("family.worker"));
        CaseId caseId =
                queue.allocate(submitted.request(), toAllocate.version(), "family.worker", Set.of("cvs.worker"));

        familyWorker();
        assertThat(cases.myCases()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(caseId);
            assertThat(c.due()).anySatisfy(d -> assertThat(d.what()).isEqualTo("assessment"));
        });
        CaseRecord record = cases.caseRecord(caseId);
        assertThatThrownBy(() -> cases.review(caseId, record.version(), TODAY, "Too early", Map.of()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("heldOn"));
        cases.assess(
                caseId,
                record.version(),
                List.of(
                        new CaseRecord.Assessment(
                                OutcomeArea.EDUCATION,
                                "Loves football",
                                "Late most days",
                                "I hate mornings",
                                null,
                                "Mornings are chaos"),
                        new CaseRecord.Assessment(
                                OutcomeArea.HOUSING,
                                "Landlord willing to talk",
                                "Arrears",
                                null,
                                "At school",
                                "Worried about eviction")));
        CaseRecord assessed = cases.caseRecord(caseId);
        assertThat(assessed.nextReviewDue()).isEqualTo(TODAY.plusWeeks(6));
        UUID school = cases.addOutcome(caseId, assessed.version(), OutcomeArea.EDUCATION, "Leo attends 95% of days");
        UUID home = cases.addOutcome(caseId, assessed.version() + 1, OutcomeArea.HOUSING, "The family keeps its home");
        cases.addAction(school, "Morning routine chart", "Fran Lewis", TODAY.plusWeeks(2));
        cases.logContact(
                caseId,
                new ContactDraft(
                        TODAY, ContactKind.HOME_VISIT, 60, true, "Wants to walk to school with a friend", "Visit"));

        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        cases.logContact(caseId, new ContactDraft(TODAY, ContactKind.SESSION, 45, false, null, "Youth club"));
        assertThatThrownBy(() -> cases.close(caseId, 99, ClosureReason.NEEDS_MET, Map.of(), null))
                .isInstanceOf(AccessDeniedException.class);

        familyWorker();
        CaseRecord planned = cases.caseRecord(caseId);
        cases.review(caseId, planned.version(), TODAY, "Good progress", Map.of(school, 6, home, 4));
        CaseRecord reviewed = cases.caseRecord(caseId);
        assertThat(reviewed.nextReviewDue()).isEqualTo(TODAY.plusMonths(3));
        assertThat(reviewed.plan())
                .extracting(CaseRecord.PlanOutcome::latestScore)
                .containsExactly(6, 4);
        cases.close(
                caseId,
                reviewed.version(),
                ClosureReason.NEEDS_MET,
                Map.of(OutcomeArea.EDUCATION, NeedResult.ACHIEVED, OutcomeArea.HOUSING, NeedResult.PARTLY_ACHIEVED),
                "Attendance up; arrears plan in place");
        CaseRecord closed = cases.caseRecord(caseId);
        assertThat(closed.open()).isFalse();
        assertThat(closed.followUps()).extracting(CaseRecord.FollowUp::months).containsExactly(6, 12);
        // The referrer sees that the early help has finished, and how.
        teacher();
        assertThat(myRequests.page(0, 50))
                .filteredOn(r -> r.id().equals(submitted.request()))
                .singleElement()
                .satisfies(r -> assertThat(r.closedAs()).isEqualTo(ClosureReason.NEEDS_MET));
        familyWorker();

        FamilyRecord family = families.family(submitted.family());
        assertThat(family.timeline())
                .extracting(TimelineEntry::kind)
                .contains("request", "decision", "allocation", "assessment", "review", "contact", "closure", "consent");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'view' AND record_id = ?")
                        .param(submitted.family().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // A new request for the same family within 12 months is a re-referral. The teacher made
        // the first request but never worked with the family: the duplicate check does not offer
        // it to them, and the request is saved as a new family while its hub lead is asked to link
        // the two. The teacher reads nothing of its record meanwhile.
        teacher();
        RequestDraft again = draft("Ashworth", TODAY.minusYears(9), postcode);
        assertThat(requests.matches(again.members(), postcode))
                .noneSatisfy(m -> assertThat(m.family()).isEqualTo(submitted.family()));
        Submitted second = requests.submit(again);
        assertThat(second.linking()).isEqualTo(Submitted.Linking.NEW_FAMILY);
        assertThat(second.family()).isNotEqualTo(submitted.family());
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);
        centralLead();
        FamilyChanges.Pending link = familyChanges.pending(CENTRAL).items().stream()
                .filter(p -> p.family().equals(submitted.family()))
                .findFirst()
                .orElseThrow();
        familyChanges.decide(link.id(), link.version(), true);
        assertThat(jdbc.sql("SELECT family_id FROM referrals.request WHERE id = ?")
                        .param(second.request().value())
                        .query(UUID.class)
                        .single())
                .isEqualTo(submitted.family().value());
        assertThat(jdbc.sql("SELECT re_referral FROM referrals.request WHERE id = ?")
                        .param(second.request().value())
                        .query(Boolean.class)
                        .single())
                .as("linked within 12 months of closure: a re-referral")
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM referrals.person WHERE family_id = ?")
                        .param(submitted.family().value())
                        .query(Integer.class)
                        .single())
                .as("linking adds no duplicate people")
                .isEqualTo(2);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        teacher();
        int before = count();
        RequestDraft future = draft("Future", TODAY.plusDays(3), postcodeIn("dudley-central"));
        assertThatThrownBy(() -> requests.submit(future))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("members[1].dateOfBirth"));
        RequestDraft old = draft("Old", TODAY.minusYears(27), postcodeIn("dudley-central"));
        assertThatThrownBy(() -> requests.submit(old))
                .satisfies(e -> assertThat(((ValidationException) e).problems().get("members[1].dateOfBirth"))
                        .contains("25"));
        RequestDraft malformed = draft("Malformed", TODAY.minusYears(5), "NOT A POSTCODE");
        assertThatThrownBy(() -> requests.submit(malformed))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("postcode"));
        RequestDraft outside = draft("Outside", TODAY.minusYears(5), "SW1A 1AA");
        assertThatThrownBy(() -> requests.submit(outside))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("hub"));
        assertThat(count()).isEqualTo(before);

        RequestDraft chosen = new RequestDraft(
                outside.members(),
                outside.address(),
                outside.postcode(),
                CENTRAL,
                "The children attend Netherton Academy",
                outside.needs(),
                outside.tried(),
                outside.involved(),
                outside.consent(),
                null);
        assertThat(requests.submit(chosen).hub()).isEqualTo(CENTRAL);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theSafeguardingShutterRecordsAStepUpInstead() {
        teacher();
        RequestId request = requests.recordSafeguardingConcern(new SafeguardingConcern(
                "Mia Hart", postcodeIn("dudley-central"), "Bruises and says she is scared to go home", true, null));
        RequestSummary status = requests.status(request);
        assertThat(status.status()).isEqualTo(RequestStatus.STEPPED_UP);
        assertThat(status.level()).isEqualTo(NeedLevel.SPECIALIST);
    }

    @Test
    void aSecondHubsLeadAndOutsidersCannotReachTheFamilyByAnyRoute() {
        teacher();
        Submitted submitted = requests.submit(draft("Brennan", TODAY.minusYears(6), postcodeIn("dudley-central")));
        centralLead();
        RequestSummary waiting = queue.detail(submitted.request()).summary();
        queue.decide(
                submitted.request(),
                waiting.version(),
                NeedLevel.SINGLE_AGENCY,
                DecisionOutcome.EARLY_HELP,
                "One need, one agency can help.",
                false);
        CaseId caseId =
                queue.allocate(submitted.request(), waiting.version() + 1, "family.worker", Set.of("cvs.worker"));

        SignedIn.as("lead.halesowen", Set.of(Role.HUB_LEAD), Set.of("halesowen"));
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.detail(submitted.request())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.status(submitted.request())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.awaitingDecision(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.awaitingDecision(CENTRAL, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.countAwaitingDecision(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.awaitingAllocation(CENTRAL, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queue.countAwaitingAllocation(CENTRAL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.drift(CENTRAL)).isInstanceOf(AccessDeniedException.class);

        // The referrer sees the status of their own request, not the family's record.
        teacher();
        assertThat(requests.status(submitted.request()).status()).isEqualTo(RequestStatus.ALLOCATED);
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.caseRecord(CaseId.random())).isInstanceOf(AccessDeniedException.class);

        SignedIn.admin();
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);
        SignedIn.nobody();
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);

        // The team sees it until consent is withdrawn; then only the lead and the hub lead.
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThat(families.family(submitted.family()).members()).hasSize(2);
        assertThatThrownBy(() -> families.withdrawConsent(submitted.family(), 0, "Mother asked us to stop"))
                .isInstanceOf(AccessDeniedException.class);
        familyWorker();
        FamilyRecord record = families.family(submitted.family());
        families.withdrawConsent(submitted.family(), record.version(), "Mother asked us to stop sharing");
        SignedIn.as("cvs.worker", Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
        assertThatThrownBy(() -> families.family(submitted.family())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.caseRecord(caseId)).isInstanceOf(AccessDeniedException.class);
        familyWorker();
        assertThat(families.family(submitted.family()).restricted()).isTrue();
        centralLead();
        assertThat(families.family(submitted.family()).restricted()).isTrue();
    }

    @Test
    void twoPeopleDecidingTheSameRequestGetAClearMessage() {
        teacher();
        Submitted submitted = requests.submit(draft("Clarke", TODAY.minusYears(3), postcodeIn("dudley-central")));
        centralLead();
        int version = queue.detail(submitted.request()).summary().version();
        queue.decide(
                submitted.request(),
                version,
                NeedLevel.UNIVERSAL,
                DecisionOutcome.ADVICE,
                "Advice on nursery places.",
                false);
        assertThatThrownBy(() -> queue.decide(
                        submitted.request(),
                        version,
                        NeedLevel.TARGETED,
                        DecisionOutcome.EARLY_HELP,
                        "Early help it is.",
                        false))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        assertThat(requests.status(submitted.request()).outcome()).isEqualTo(DecisionOutcome.ADVICE);
    }

    /**
     * Issue 17: a step on a case is saved with the version the practitioner saw. Two people
     * closing the same case from the same page: the second gets a clear message, and the first
     * closure stands.
     */
    @Test
    void twoPeopleClosingTheSameCaseGetAClearMessage() {
        teacher();
        CaseId caseId = earlyHelpLedByFamilyWorker(
                requests.submit(draft("Osei", TODAY.minusYears(4), postcodeIn("dudley-central"))));
        CaseRecord seen = cases.caseRecord(caseId);
        Map<OutcomeArea, NeedResult> results =
                seen.needs().keySet().stream().collect(Collectors.toMap(n -> n, n -> NeedResult.NOT_ACHIEVED));
        cases.close(caseId, seen.version(), ClosureReason.MOVED_AWAY, results, "Moved away.");
        assertThatThrownBy(() -> cases.stepUp(caseId, seen.version(), "Harm disclosed.", true))
                .isInstanceOf(ValidationException.class);
        CaseRecord closed = cases.caseRecord(caseId);
        assertThat(closed.closeReason()).isEqualTo(ClosureReason.MOVED_AWAY);
        assertThat(closed.version()).isEqualTo(seen.version() + 1);
    }

    @Test
    void aCaseStepOnAStaleVersionChangesNothing() {
        teacher();
        CaseId caseId = earlyHelpLedByFamilyWorker(
                requests.submit(draft("Nowak", TODAY.minusYears(5), postcodeIn("dudley-central"))));
        CaseRecord seen = cases.caseRecord(caseId);
        cases.addToTeam(caseId, seen.version(), "cvs.worker");
        Map<OutcomeArea, NeedResult> results =
                seen.needs().keySet().stream().collect(Collectors.toMap(n -> n, n -> NeedResult.NOT_ACHIEVED));
        assertThatThrownBy(() -> cases.close(caseId, seen.version(), ClosureReason.NEEDS_MET, results, null))
                .isInstanceOf(ChangedBySomeoneElseException.class);
        CaseRecord after = cases.caseRecord(caseId);
        assertThat(after.closedAt())
                .as("a refused closure leaves the case open")
                .isNull();
        assertThat(after.followUps()).isEmpty();
    }

    @Test
    void decisionsMustBeConsistentAndReasoned() {
        teacher();
        Submitted submitted = requests.submit(draft("Dunn", TODAY.minusYears(3), postcodeIn("dudley-central")));
        centralLead();
        int version = queue.detail(submitted.request()).summary().version();
        assertThatThrownBy(() -> queue.decide(
                        submitted.request(), version, NeedLevel.UNIVERSAL, DecisionOutcome.STEP_UP, "x", false))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKeys("level", "reasons"));
        assertThat(requests.status(submitted.request()).status()).isEqualTo(RequestStatus.AWAITING_DECISION);
    }

    @Test
    void aStepDownArrivesDecidedAtLevelThreeReadyToAllocate() {
        teacher();
        RequestDraft draft = draft("Ellery", TODAY.minusYears(12), postcodeIn("dudley-central"));
        assertThatThrownBy(() -> requests.stepDown(draft, "Child in need plan ended; early help agreed."))
                .as("only the hub's lead receives a step-down")
                .isInstanceOf(AccessDeniedException.class);
        centralLead();
        assertThatThrownBy(() -> requests.stepDown(draft, " "))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsKey("reasons"));
        Submitted submitted = requests.stepDown(draft, "Child in need plan ended; early help agreed.");
        RequestSummary arrived = queue.awaitingAllocation(CENTRAL).stream()
                .filter(r -> r.id().equals(submitted.request()))
                .findFirst()
                .orElseThrow();
        assertThat(arrived.stepDown()).isTrue();
        assertThat(arrived.level()).isEqualTo(NeedLevel.TARGETED);
        assertThat(arrived.outcome()).isEqualTo(DecisionOutcome.EARLY_HELP);
        assertThat(queue.awaitingDecision(CENTRAL)).noneMatch(r -> r.id().equals(submitted.request()));
    }

    @Test
    void aLeadAtCapacityCannotBeGivenAnotherFamily() {
        centralLead();
        Candidate teacherCandidate = queue.candidates(CENTRAL).stream()
                .filter(c -> c.username().equals("teacher"))
                .findFirst()
                .orElseThrow();
        int room = teacherCandidate.capacity() - teacherCandidate.caseload();
        for (int i = 0; i <= room; i++) {
            teacher();
            Submitted s = requests.submit(draft("Capacity" + i, TODAY.minusYears(4), postcodeIn("dudley-central")));
            centralLead();
            int version = queue.detail(s.request()).summary().version();
            queue.decide(
                    s.request(),
                    version,
                    NeedLevel.SINGLE_AGENCY,
                    DecisionOutcome.EARLY_HELP,
                    "School can lead this.",
                    false);
            if (i < room) {
                queue.allocate(s.request(), version + 1, "teacher", Set.of());
            } else {
                assertThatThrownBy(() -> queue.allocate(s.request(), version + 1, "teacher", Set.of()))
                        .isInstanceOf(ValidationException.class)
                        .satisfies(e -> assertThat(
                                        ((ValidationException) e).problems().get("lead"))
                                .contains("of " + teacherCandidate.capacity()));
            }
        }
    }

    @Autowired
    Invitations invitations;

    @Autowired
    FeedbackForms feedbackForms;

    @Test
    void whatAChildSaysOnTheirCaseJoinsTheFamilyTimeline() throws Exception {
        teacher();
        Submitted submitted = requests.submit(draft("Fairweather", TODAY.minusYears(10), postcodeIn("dudley-central")));
        CaseId caseId = earlyHelpLedByFamilyWorker(submitted);
        Invitation invitation = invitations.create(
                InvitationKind.CASE, CENTRAL, caseId.value(), "Fairweather family", AgeBand.CHILD, 14);
        SignedIn.nobody();
        feedbackForms.submit(
                invitation.code(),
                new FeedbackDraft(
                        AgeBand.CHILD,
                        Mode.NAMED,
                        "Leo",
                        null,
                        FeelSafe.YES,
                        4,
                        "Football club",
                        "More time with Fran",
                        null,
                        null),
                "10.1.1.1");
        for (int i = 0;
                i < 100
                        && jdbc.sql("SELECT count(*) FROM referrals.case_feedback WHERE case_id = ?")
                                        .param(caseId.value())
                                        .query(Integer.class)
                                        .single()
                                == 0;
                i++) {
            Thread.sleep(100);
        }
        familyWorker();
        assertThat(families.family(submitted.family()).timeline())
                .filteredOn(e -> e.kind().equals("feedback"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.title()).contains("4 out of 5");
                    assertThat(e.detail()).contains("Football club");
                    assertThat(e.by()).contains("Leo");
                });
    }

    @Autowired
    SafeguardingAlerts safeguardingAlerts;

    /**
     * Issue 21: an alert's card says what the child said and where it came from; a case
     * invitation names the family only to someone who may read that family now.
     */
    @Test
    void anAlertFromACaseNamesTheFamilyOnlyToThoseWhoMaySeeIt() {
        teacher();
        Submitted submitted = requests.submit(draft("Underhill", TODAY.minusYears(12), postcodeIn("dudley-central")));
        CaseId caseId = earlyHelpLedByFamilyWorker(submitted);
        Invitation invitation =
                invitations.create(InvitationKind.CASE, CENTRAL, caseId.value(), "Underhill family", null, 14);
        SignedIn.nobody();
        feedbackForms.submit(
                invitation.code(),
                new FeedbackDraft(
                        AgeBand.CHILD, null, null, null, FeelSafe.NO, 1, null, null, null, "Someone at home hurts me"),
                "10.1.1.2");
        // A safeguarding lead of the hub who does not work with the family.
        String outsider = jdbc.sql("""
                        SELECT username FROM hubs.member WHERE hub_id = 'dudley-central' AND NOT hub_lead
                          AND username NOT IN ('family.worker', 'teacher') ORDER BY username LIMIT 1""").query(String.class).single();
        boolean wasLead = jdbc.sql(
                        "SELECT safeguarding_lead FROM hubs.member WHERE hub_id = 'dudley-central' AND username = ?")
                .param(outsider)
                .query(Boolean.class)
                .single();
        jdbc.sql("UPDATE hubs.member SET safeguarding_lead = true WHERE hub_id = 'dudley-central' AND username = ?")
                .param(outsider)
                .update();
        try {
            centralLead();
            Alert seenByLead = fromCase(invitation);
            assertThat(seenByLead.source()).isEqualTo("Underhill family");
            assertThat(seenByLead.from()).isEqualTo(InvitationKind.CASE);
            assertThat(seenByLead.said().anything()).isEqualTo("Someone at home hurts me");
            assertThat(seenByLead.said().ageBand()).isEqualTo(AgeBand.CHILD);
            assertThat(seenByLead.said().feelSafe()).isEqualTo(FeelSafe.NO);

            SignedIn.as(outsider, Set.of(Role.PRACTITIONER), Set.of("dudley-central"));
            Alert seenByOutsider = fromCase(invitation);
            assertThat(seenByOutsider.source())
                    .as("the family is not named to who does not work with it")
                    .isNull();
            assertThat(seenByOutsider.said().anything())
                    .as("the child's words reach whoever must act on them")
                    .isEqualTo("Someone at home hurts me");
        } finally {
            jdbc.sql("UPDATE hubs.member SET safeguarding_lead = ? WHERE hub_id = 'dudley-central' AND username = ?")
                    .params(wasLead, outsider)
                    .update();
        }
    }

    private Alert fromCase(Invitation invitation) {
        UUID feedback = jdbc.sql("SELECT id FROM voice.feedback WHERE invitation_id = ?")
                .param(invitation.id())
                .query(UUID.class)
                .single();
        return safeguardingAlerts.ofHub(CENTRAL).stream()
                .filter(a -> a.feedback().equals(feedback))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStepUpReasonIsCheckedTheSameWayOnThePageAndInTheService() {
        assertThat(Cases.stepUpReasonProblem(null)).isPresent();
        assertThat(Cases.stepUpReasonProblem("   ")).isPresent();
        assertThat(Cases.stepUpReasonProblem("x".repeat(RequestsForSupport.MAX_TEXT + 1)))
                .isPresent();
        assertThat(Cases.stepUpReasonProblem("Disclosure of harm at school today."))
                .isEmpty();
    }

    /**
     * Issue 21: the timeline orders every entry by when it happened, keeping the time of day, and
     * shows the plan, its actions, reviews, visits and the checks due after closing.
     */
    @Test
    void theTimelineKeepsTheTimeOfDayAndShowsThePlanReviewsAndChecks() {
        teacher();
        Submitted submitted = requests.submit(draft("Timeline", TODAY.minusYears(8), postcodeIn("dudley-central")));
        CaseId caseId = earlyHelpLedByFamilyWorker(submitted);
        cases.assess(
                caseId,
                cases.caseRecord(caseId).version(),
                List.of(
                        new CaseRecord.Assessment(
                                OutcomeArea.EDUCATION, "Bright", "Late most days", "I hate mornings", null, "Chaos"),
                        new CaseRecord.Assessment(
                                OutcomeArea.HOUSING, "Landlord talks", "Arrears", null, "At school", "Worried")));
        UUID outcome = cases.addOutcome(
                caseId, cases.caseRecord(caseId).version(), OutcomeArea.EDUCATION, "Leo attends 95% of days");
        cases.addAction(outcome, "Morning routine chart", "Fran Lewis", TODAY.plusWeeks(2));
        CaseRecord.Action action =
                cases.caseRecord(caseId).plan().getFirst().actions().getFirst();
        cases.setActionStatus(action.id(), action.version(), ActionStatus.DONE);
        UUID visit = cases.logContact(
                caseId, new ContactDraft(TODAY, ContactKind.HOME_VISIT, 60, true, "Mornings are better", "Visit"));
        UUID lateNote =
                cases.logContact(caseId, new ContactDraft(TODAY, ContactKind.PHONE_CALL, 10, false, null, "Call"));
        // This call is written up the day after it happened: only its day is known.
        jdbc.sql("UPDATE referrals.contact SET logged_at = logged_at + interval '1 day' WHERE id = ?")
                .param(lateNote)
                .update();
        cases.review(caseId, cases.caseRecord(caseId).version(), TODAY, "Good progress", Map.of(outcome, 7));
        cases.close(
                caseId,
                cases.caseRecord(caseId).version(),
                ClosureReason.NEEDS_MET,
                Map.of(OutcomeArea.EDUCATION, NeedResult.ACHIEVED, OutcomeArea.HOUSING, NeedResult.NOT_ACHIEVED),
                "Attendance up");

        List<TimelineEntry> timeline = families.family(submitted.family()).timeline();
        assertThat(timeline)
                .extracting(TimelineEntry::kind)
                .contains(
                        "request",
                        "decision",
                        "allocation",
                        "assessment",
                        "plan-outcome",
                        "plan-action",
                        "action-status",
                        "contact",
                        "review",
                        "closure");
        // Newest first, by when each happened.
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i).at())
                    .isBeforeOrEqualTo(timeline.get(i - 1).at());
        }
        Function<String, Integer> at = kind -> IntStream.range(0, timeline.size())
                .filter(i -> timeline.get(i).kind().equals(kind))
                .findFirst()
                .orElseThrow();
        // Every step after the request that started it, the plan after the assessment, closure last.
        assertThat(at.apply("request")).isGreaterThan(at.apply("decision"));
        assertThat(at.apply("assessment")).isGreaterThan(at.apply("plan-outcome"));
        assertThat(at.apply("plan-outcome")).isGreaterThan(at.apply("plan-action"));
        assertThat(at.apply("request")).isGreaterThan(at.apply("contact"));
        assertThat(at.apply("request")).isGreaterThan(at.apply("review"));
        // The visit keeps the time it was logged, as the database holds it.
        Instant logged = jdbc.sql("SELECT logged_at FROM referrals.contact WHERE id = ?")
                .param(visit)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("contact") && e.detail().startsWith("Visit"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.timeKnown()).isTrue();
                    assertThat(e.at()).isEqualTo(logged);
                });
        // The call written up a day later sits at the end of its own day, marked as having no time.
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("contact") && e.detail().startsWith("Call"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.timeKnown()).isFalse();
                    assertThat(e.at().atZone(WorkingCalendar.LONDON).toLocalDate())
                            .isEqualTo(TODAY);
                    assertThat(e.at())
                            .isEqualTo(TODAY.plusDays(1)
                                    .atStartOfDay(WorkingCalendar.LONDON)
                                    .toInstant()
                                    .minusNanos(1000));
                });
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("plan-action"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.detail()).contains("Morning routine chart").contains("Fran Lewis"));
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("action-status"))
                .singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Plan: action marked done"));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        String checks = "Follow-up checks due: 6 months, " + day.format(TODAY.plusMonths(6)) + "; 12 months, "
                + day.format(TODAY.plusMonths(12));
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("closure"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith(checks));
        // The family's record shows the request's early help as finished, and how.
        assertThat(families.family(submitted.family()).requests())
                .singleElement()
                .satisfies(r -> assertThat(r.closedAs()).isEqualTo(ClosureReason.NEEDS_MET));
    }

    /**
     * The hub lead decides the request as single-agency early help and allocates it to the family
     * worker, who is signed in afterwards.
     */
    private CaseId earlyHelpLedByFamilyWorker(Submitted submitted) {
        return NewFamilyRequests.ledByFamilyWorker(queue, submitted, CENTRAL);
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM referrals.request")
                .query(Integer.class)
                .single();
    }
}
