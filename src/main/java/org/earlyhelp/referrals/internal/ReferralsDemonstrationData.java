package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.referrals.CaseSupervised;
import org.earlyhelp.referrals.ClosureReason;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.ContactKind;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.NeedResult;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.referrals.Supervision;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Families at every stage of the journey in every hub, generated from a fixed seed: requests
 * waiting for a decision (one overdue), families waiting for a lead practitioner, open cases
 * (assessed or not, reviewed, supervised, drifting), closed ones with outcomes, and step-ups. The events are
 * published in three waves, each after the last has been taken in, so that the dashboards fill
 * exactly as they would in use. Off with {@code earlyhelp.demo.journeys=false}.
 */
@Component
class ReferralsDemonstrationData implements DemonstrationData {

    private static final Logger log = LoggerFactory.getLogger(ReferralsDemonstrationData.class);
    private static final int FAMILIES_PER_HUB = 14;
    private final FamilyRepository families;
    private final RequestRepository requests;
    private final CaseRepository cases;
    private final CaseWorkRepository work;
    private final SupervisionRepository supervisions;
    private final Clock clock;
    private final HubDirectory hubs;
    private final HubTeams teams;
    private final PostcodeLookup postcodes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final ReferralsProperties properties;
    private final boolean enabled;

    ReferralsDemonstrationData(
            FamilyRepository families,
            RequestRepository requests,
            CaseRepository cases,
            CaseWorkRepository work,
            SupervisionRepository supervisions,
            HubDirectory hubs,
            HubTeams teams,
            PostcodeLookup postcodes,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            Clock clock,
            @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.clock = clock;
        this.families = families;
        this.requests = requests;
        this.cases = cases;
        this.work = work;
        this.supervisions = supervisions;
        this.hubs = hubs;
        this.teams = teams;
        this.postcodes = postcodes;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        if (!enabled
                || jdbc.sql("SELECT count(*) FROM referrals.family")
                                .query(Integer.class)
                                .single()
                        > 0) {
            return;
        }
        AsDemonstrationData.run(() -> {
            List<List<Object>> waves = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            transactions.executeWithoutResult(tx -> {
                Random random = new Random(20261126L);
                int surname = 0;
                for (Hub hub : hubs.hubs()) {
                    List<HubMember> leads = teams.team(hub.id()).stream()
                            .filter(m -> m.capacity() > 0)
                            .toList();
                    List<String> codes = postcodes.postcodesIn(hub.id(), 40);
                    if (leads.isEmpty() || codes.isEmpty()) {
                        continue;
                    }
                    for (int i = 0; i < FAMILIES_PER_HUB; i++) {
                        family(
                                hub.id(),
                                i,
                                DemonstrationTexts.SURNAMES.get(surname++ % DemonstrationTexts.SURNAMES.size()),
                                codes,
                                leads,
                                random,
                                waves);
                    }
                }
            });
            for (List<Object> wave : waves) {
                transactions.executeWithoutResult(tx -> wave.forEach(events::publishEvent));
                awaitListeners();
            }
            log.info(
                    "Demonstration families loaded: {} hubs, {} events",
                    hubs.hubs().size(),
                    waves.stream().mapToInt(List::size).sum());
        });
    }

    /** Waits (up to 30 s) until every event published so far has been taken in by its listeners. */
    private void awaitListeners() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            int incomplete = jdbc.sql("SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
                    .query(Integer.class)
                    .single();
            if (incomplete == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void family(
            HubId hub,
            int index,
            String surname,
            List<String> codes,
            List<HubMember> leads,
            Random random,
            List<List<Object>> waves) {
        Consumer<Object> first = waves.get(0)::add;
        Consumer<Object> second = waves.get(1)::add;
        Consumer<Object> third = waves.get(2)::add;
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        // Index decides the stage: 0-1 waiting (1 overdue), 2 waiting for a lead, 3-8 open, 9-11
        // closed, 12 advice, 13 stepped up.
        int daysAgo = switch (index) {
            case 0 -> 0;
            case 1 -> 6;
            case 2 -> 3;
            case 3, 4, 5 -> 12 + random.nextInt(20);
            case 6, 7, 8 -> 60 + random.nextInt(90);
            case 12, 13 -> 20 + random.nextInt(200);
            default -> 150 + random.nextInt(180);
        };
        Instant submitted = today.minusDays(daysAgo)
                .atTime(9 + random.nextInt(7), random.nextInt(60))
                .atZone(WorkingCalendar.LONDON)
                .toInstant();
        if (daysAgo == 0) {
            submitted = clock.instant().minusSeconds(3600);
        }
        Instant due = calendar.due(submitted, properties.decisionDays());
        String postcode = codes.get(random.nextInt(codes.size()));
        String area = postcodes.lookup(postcode) instanceof PostcodeLookup.Found f ? f.areaCode() : null;
        UUID familyId = UUID.randomUUID();
        String label = surname + " family";
        families.insertFamily(new FamilyRow(
                familyId,
                label,
                (1 + random.nextInt(120)) + " "
                        + List.of("High Street", "Church Road", "Park Lane", "Castle Street", "Mill Lane")
                                .get(random.nextInt(5)),
                postcode,
                area,
                hub,
                false,
                submitted,
                0));
        String adult = DemonstrationTexts.ADULTS.get(random.nextInt(DemonstrationTexts.ADULTS.size()));
        families.insertPerson(
                familyId,
                new FamilyRecord.Member(
                        UUID.randomUUID(),
                        adult,
                        surname,
                        today.minusYears(24 + random.nextInt(20)).minusDays(random.nextInt(365)),
                        Relationship.PARENT,
                        null,
                        null),
                0);
        int children = 1 + random.nextInt(3);
        List<String> childNames = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            String child = DemonstrationTexts.CHILDREN.get(random.nextInt(DemonstrationTexts.CHILDREN.size()));
            childNames.add(child);
            families.insertPerson(
                    familyId,
                    new FamilyRecord.Member(
                            UUID.randomUUID(),
                            child,
                            surname,
                            today.minusYears(1 + random.nextInt(15)).minusDays(random.nextInt(365)),
                            Relationship.CHILD,
                            null,
                            null),
                    c + 1);
        }
        String[] referrer = DemonstrationTexts.REFERRERS
                .get(random.nextInt(DemonstrationTexts.REFERRERS.size()))
                .split("\\|");
        UUID request = UUID.randomUUID();
        requests.insertRequest(new RequestRepository.NewRequest(
                request,
                familyId,
                hub,
                null,
                referrer[0],
                referrer[1],
                referrer[2],
                "portal",
                submitted,
                due,
                "Advice and a school attendance plan.",
                "School and health visitor.",
                false,
                false,
                false,
                RequestStatus.AWAITING_DECISION));
        List<OutcomeArea> areas = new ArrayList<>(List.of(OutcomeArea.values()));
        Collections.shuffle(areas, random);
        List<OutcomeArea> needs = areas.subList(0, 1 + random.nextInt(3));
        for (OutcomeArea need : needs) {
            requests.insertNeed(request, need, DemonstrationTexts.NEED_TEXT.get(need));
        }
        families.insertConsent(
                familyId,
                request,
                adult + " " + surname + " (parent)",
                submitted.atZone(WorkingCalendar.LONDON).toLocalDate(),
                ConsentMethod.IN_PERSON,
                "School, health, the hub's team",
                referrer[0],
                submitted);
        first.accept(new RequestSubmitted(request, familyId, label, hub, area, submitted, due, false, false));
        if (index <= 1) {
            return;
        }
        Instant decided = index == 13 || index == 12
                ? submitted.plusSeconds(4 * 3600)
                : due.minusSeconds(3600 * (2 + random.nextInt(20)));
        if (index == 12) {
            requests.decide(
                    request,
                    0,
                    RequestStatus.DECIDED,
                    NeedLevel.UNIVERSAL,
                    DecisionOutcome.ADVICE,
                    "Universal services can help: details of the family hub's drop-in sent.",
                    leadName(leads, hub),
                    decided);
            second.accept(new RequestDecided(request, hub, decided, NeedLevel.UNIVERSAL, DecisionOutcome.ADVICE));
            return;
        }
        if (index == 13) {
            requests.decide(
                    request,
                    0,
                    RequestStatus.STEPPED_UP,
                    NeedLevel.SPECIALIST,
                    DecisionOutcome.STEP_UP,
                    "Risk of significant harm: referred to the front door.",
                    leadName(leads, hub),
                    decided);
            second.accept(new RequestDecided(request, hub, decided, NeedLevel.SPECIALIST, DecisionOutcome.STEP_UP));
            second.accept(new SteppedUp(request, null, hub, decided));
            return;
        }
        NeedLevel level = needs.size() > 1 ? NeedLevel.TARGETED : NeedLevel.SINGLE_AGENCY;
        requests.decide(
                request,
                0,
                RequestStatus.AWAITING_ALLOCATION,
                level,
                DecisionOutcome.EARLY_HELP,
                "Needs that early help in the hub can meet with the family's agreement.",
                leadName(leads, hub),
                decided);
        second.accept(new RequestDecided(request, hub, decided, level, DecisionOutcome.EARLY_HELP));
        if (index == 2) {
            return;
        }
        requests.setRequestStatus(request, 1, RequestStatus.AWAITING_ALLOCATION, RequestStatus.ALLOCATED);
        HubMember lead = leads.get(index % leads.size());
        Instant allocated = decided.plusSeconds(3600 * (4 + random.nextInt(40)));
        LocalDate allocatedOn = allocated.atZone(WorkingCalendar.LONDON).toLocalDate();
        LocalDate assessmentDue = calendar.plusWorkingDays(allocatedOn, properties.assessmentDays());
        UUID caseId = UUID.randomUUID();
        cases.insertCase(
                caseId,
                request,
                familyId,
                hub,
                lead.username(),
                lead.displayName(),
                lead.organisationName(),
                allocated,
                leadName(leads, hub),
                assessmentDue);
        HubMember other = leads.get((index + 1) % leads.size());
        if (!other.username().equals(lead.username())) {
            cases.insertCaseMember(caseId, other.username(), other.displayName(), other.organisationName());
        }
        second.accept(new CaseAllocated(
                caseId, request, familyId, label, hub, lead.displayName(), allocated, assessmentDue, lead.username()));

        // Open cases 3-5 are young: 3 unassessed and overdue or near, 4-5 assessed. 6-8 older, reviewed
        // (8 drifting: no contact for weeks). 9-11 closed.
        boolean assessed = index != 3;
        LocalDate lastDay = index >= 9 ? allocatedOn.plusDays(90 + random.nextInt(120)) : today;
        if (lastDay.isAfter(today)) {
            lastDay = today;
        }
        LocalDate contactUntil = index == 8 ? today.minusWeeks(6) : lastDay;
        int contacts = 0;
        for (LocalDate d = allocatedOn.plusDays(2); !d.isAfter(contactUntil); d = d.plusDays(7 + random.nextInt(10))) {
            UUID contact = UUID.randomUUID();
            boolean seen = random.nextInt(3) > 0;
            ContactKind kind = ContactKind.values()[random.nextInt(4)];
            work.insertContact(
                    contact,
                    caseId,
                    d,
                    kind,
                    30 + 15 * random.nextInt(5),
                    seen,
                    seen
                            ? DemonstrationTexts.CHILD_VIEWS.get(random.nextInt(DemonstrationTexts.CHILD_VIEWS.size()))
                            : null,
                    "Worked on the plan with the family.",
                    contacts % 2 == 0 ? lead.username() : other.username(),
                    contacts % 2 == 0 ? lead.displayName() : other.displayName(),
                    at(d));
            third.accept(new ContactLogged(contact, caseId, hub, at(d), seen));
            contacts++;
        }
        // Supervised every four to five weeks; case 6 not for eight weeks (drifting for want of oversight).
        LocalDate superviseUntil = index == 6 ? today.minusWeeks(8) : lastDay;
        for (LocalDate d = allocatedOn.plusWeeks(4); !d.isAfter(superviseUntil); d = d.plusDays(28 + 3 * (index % 3))) {
            Supervision s = new Supervision(
                    UUID.randomUUID(),
                    caseId,
                    d,
                    DemonstrationTexts.SUPERVISION_DISCUSSED,
                    DemonstrationTexts.SUPERVISION_DECIDED,
                    d.plusWeeks(properties.oversight()),
                    leadName(leads, hub),
                    at(d));
            supervisions.insert(s);
            third.accept(new CaseSupervised(s.id(), caseId, hub, d, s.recordedAt()));
        }
        if (!assessed) {
            return;
        }
        LocalDate assessedOn = calendar.plusWorkingDays(allocatedOn, 5 + random.nextInt(22));
        if (assessedOn.isAfter(today)) {
            assessedOn = today;
        }
        for (OutcomeArea need : needs) {
            work.insertAssessment(
                    caseId,
                    new CaseRecord.Assessment(
                            need,
                            "The family want things to change.",
                            "Things have got worse this term.",
                            "I want things to be calmer at home.",
                            null,
                            "We need some help to get back on track."));
        }
        LocalDate firstReview = assessedOn.plusWeeks(properties.firstReview());
        cases.setAssessed(caseId, at(assessedOn), firstReview);
        third.accept(new AssessmentCompleted(caseId, hub, at(assessedOn), true, firstReview));
        List<UUID> outcomes = new ArrayList<>();
        for (OutcomeArea need : needs) {
            UUID outcome = work.upsertOutcome(
                    caseId, need, DemonstrationTexts.OUTCOME_TEXT.get(need), at(assessedOn), lead.displayName());
            outcomes.add(outcome);
            work.insertAction(
                    outcome,
                    "Agree a weekly plan with the family",
                    lead.displayName(),
                    assessedOn.plusWeeks(3),
                    at(assessedOn),
                    lead.displayName());
        }
        LocalDate nextReview = firstReview;
        int score = 3 + random.nextInt(3);
        while (!nextReview.isAfter(index >= 9 ? lastDay : today.minusDays(index == 7 ? 20 : 0)) && index != 4) {
            UUID review = UUID.randomUUID();
            LocalDate next = nextReview.plusMonths(properties.reviewEvery());
            work.insertReview(
                    review,
                    caseId,
                    nextReview,
                    lead.displayName(),
                    "Progress reviewed with the family.",
                    next,
                    at(nextReview));
            for (UUID outcome : outcomes) {
                work.insertScore(review, outcome, Math.min(10, score));
            }
            score += 2;
            cases.setNextReview(caseId, next);
            third.accept(new ReviewHeld(caseId, hub, at(nextReview), next));
            nextReview = next;
        }
        if (index < 9) {
            return;
        }
        Instant closed = at(lastDay);
        ClosureReason reason = index == 11 ? ClosureReason.DISENGAGED : ClosureReason.NEEDS_MET;
        cases.close(caseId, closed, reason, "Closing summary agreed with the family.");
        int achieved = 0;
        for (OutcomeArea need : needs) {
            NeedResult result = reason == ClosureReason.NEEDS_MET
                    ? (random.nextInt(4) == 0 ? NeedResult.PARTLY_ACHIEVED : NeedResult.ACHIEVED)
                    : NeedResult.NOT_ACHIEVED;
            cases.insertClosureOutcome(caseId, need, result);
            achieved += result == NeedResult.ACHIEVED ? 1 : 0;
        }
        cases.insertFollowUp(caseId, 6, lastDay.plusMonths(6));
        cases.insertFollowUp(caseId, 12, lastDay.plusMonths(12));
        third.accept(new CaseClosed(caseId, hub, closed, reason, needs.size(), achieved));
    }

    private String leadName(List<HubMember> members, HubId hub) {
        return teams.team(hub).stream()
                .filter(HubMember::hubLead)
                .map(HubMember::displayName)
                .findFirst()
                .orElse("Hub lead");
    }

    private Instant at(LocalDate day) {
        ZonedDateTime noon = day.atTime(12, 0).atZone(WorkingCalendar.LONDON);
        Instant instant = noon.toInstant();
        return instant.isAfter(clock.instant()) ? clock.instant().minusSeconds(60) : instant;
    }
}
