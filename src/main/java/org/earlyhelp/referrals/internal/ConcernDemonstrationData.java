package org.earlyhelp.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.SafeguardingConcern;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One safeguarding concern and one step-up to children's social care waiting to be checked with the
 * front door, in the Dudley Central hub, so that its hub lead finds them counted on the home page and
 * at the head of the queue: the concern recorded through the service as the demonstration's teacher
 * (Tom Baker, a school's designated safeguarding lead) records one; the step-up a request of the
 * teacher's that the hub's lead (Dan Morris) decided as one, having called the front door. Made up,
 * like every name in the demonstration.
 */
@Component
class ConcernDemonstrationData implements DemonstrationData {

    private static final HubId HUB = new HubId("dudley-central");
    private static final CurrentUser TEACHER = new CurrentUser(
            "teacher", "Tom Baker", Set.of(Role.PRACTITIONER), new OrganisationId("netherton-academy"), Set.of(HUB));
    private static final CurrentUser HUB_LEAD = new CurrentUser(
            "lead.dudley-central",
            "Dan Morris",
            Set.of(Role.HUB_LEAD),
            new OrganisationId("dudley-council"),
            Set.of(HUB));

    private final RequestsForSupport requests;
    private final HubQueue queue;
    private final PostcodeLookup postcodes;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final AsDemonstrationData asDemonstrationData;

    ConcernDemonstrationData(
            RequestsForSupport requests,
            HubQueue queue,
            PostcodeLookup postcodes,
            JdbcClient jdbc,
            Clock clock,
            AsDemonstrationData asDemonstrationData,
            @Value("${earlyhelp.demo.journeys:true}") boolean journeys,
            @Value("${earlyhelp.demo.concern:true}") boolean concern) {
        this.asDemonstrationData = asDemonstrationData;
        this.requests = requests;
        this.queue = queue;
        this.postcodes = postcodes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = journeys && concern;
    }

    @Override
    public int order() {
        // After the demonstration's families (50).
        return 51;
    }

    @Override
    public void load() {
        if (!enabled
                || jdbc.sql("SELECT count(*) FROM referrals.concern_check")
                                .query(Integer.class)
                                .single()
                        > 0) {
            return;
        }
        List<String> codes = postcodes.postcodesIn(HUB, 2);
        if (codes.isEmpty()) {
            return;
        }
        asDemonstrationData.runAs(
                TEACHER,
                () -> requests.recordSafeguardingConcern(new SafeguardingConcern(
                        "Riley Ashdown",
                        codes.getFirst(),
                        "Bruises on both arms, seen in PE this morning. Riley asked us not to tell anyone."
                                + " The front door's line was busy: I will keep trying.",
                        false,
                        null)));
        if (codes.size() < 2) {
            return;
        }
        Submitted[] submitted = new Submitted[1];
        asDemonstrationData.runAs(
                TEACHER,
                () -> submitted[0] = requests.submit(new RequestDraft(
                        List.of(
                                new FamilyMemberDraft(
                                        "Donna",
                                        "Fairbairn",
                                        LocalDate.of(1990, 3, 14),
                                        Relationship.PARENT,
                                        null,
                                        null),
                                new FamilyMemberDraft(
                                        "Jayden",
                                        "Fairbairn",
                                        LocalDate.of(2015, 9, 2),
                                        Relationship.CHILD,
                                        null,
                                        null)),
                        "12 Cinder Bank",
                        codes.get(1),
                        null,
                        null,
                        Map.of(
                                OutcomeArea.EDUCATION,
                                "Jayden has missed 30 days this term and says he has to look after his mum."),
                        "Two meetings with mum; she did not come to the second.",
                        "The school nurse.",
                        new ConsentDraft(
                                "Donna Fairbairn", WorkingCalendar.today(clock), ConsentMethod.PHONE, "The hub"),
                        null)));
        RequestId request = submitted[0].request();
        asDemonstrationData.runAs(
                HUB_LEAD,
                () -> queue.decide(
                        request,
                        queue.detail(request).summary().version(),
                        NeedLevel.SPECIALIST,
                        DecisionOutcome.STEP_UP,
                        "Jayden is a young carer for a parent who is drinking heavily; he is often alone at night."
                                + " Beyond early help: I have called the front door.",
                        true));
    }
}
