package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.ReferralsProperties;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.SteppedUp;
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
    private final DemonstrationCaseHistory history;
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
    private final AsDemonstrationData asDemonstrationData;

    ReferralsDemonstrationData(
            FamilyRepository families,
            RequestRepository requests,
            CaseRepository cases,
            DemonstrationCaseHistory history,
            HubDirectory hubs,
            HubTeams teams,
            PostcodeLookup postcodes,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            WorkingCalendar calendar,
            ReferralsProperties properties,
            Clock clock,
            AsDemonstrationData asDemonstrationData,
            @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.asDemonstrationData = asDemonstrationData;
        this.clock = clock;
        this.families = families;
        this.requests = requests;
        this.cases = cases;
        this.history = history;
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
        asDemonstrationData.run(() -> {
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
        FamilyId familyId = FamilyId.random();
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
        RequestId request = RequestId.random();
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
        CaseId caseId = CaseId.random();
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

        history.write(
                new DemonstrationCaseHistory.Story(
                        caseId, hub, index, needs, lead, other, allocatedOn, leadName(leads, hub)),
                random,
                third);
    }

    private String leadName(List<HubMember> members, HubId hub) {
        return teams.team(hub).stream()
                .filter(HubMember::hubLead)
                .map(HubMember::displayName)
                .findFirst()
                .orElse("Hub lead");
    }
}
