package org.earlyhelp.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.NeedLevel;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request for a family of the test's own: a parent and a child under a surname no other test
 * uses, at a postcode of the hub, with one need (school attendance), sent by the teacher, who is
 * left signed in.
 */
public final class NewFamilyRequests {

    private NewFamilyRequests() {}

    public static Submitted submit(RequestsForSupport requests, JdbcClient jdbc, HubId hub, String surnamePrefix) {
        LocalDate today = LocalDate.now(WorkingCalendar.LONDON);
        String surname = surnamePrefix
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        String postcode = jdbc.sql("""
                        SELECT p.postcode FROM hubs.postcode p JOIN hubs.area a ON a.code = p.area_code
                        WHERE a.hub_id = ? ORDER BY p.postcode LIMIT 1""").param(hub.value()).query(String.class).single();
        SignedIn.as("teacher", Set.of(Role.PRACTITIONER), Set.of(hub.value()));
        return requests.submit(new RequestDraft(
                List.of(
                        new FamilyMemberDraft(
                                "Jade", surname, today.minusYears(34), Relationship.PARENT, "Female", null),
                        new FamilyMemberDraft("Leo", surname, today.minusYears(9), Relationship.CHILD, null, null)),
                "12 Castle Street, Dudley",
                postcode,
                null,
                null,
                Map.of(OutcomeArea.EDUCATION, "Leo has missed 30% of school this term."),
                "School attendance meetings.",
                "School nurse.",
                new ConsentDraft("Jade " + surname + " (mother)", today, ConsentMethod.IN_PERSON, "School, health"),
                null));
    }

    /**
     * Early help for the request's family, decided by the hub's lead (single agency) and allocated
     * to the family worker, who is left signed in.
     */
    public static CaseId ledByFamilyWorker(HubQueue queue, Submitted submitted, HubId hub) {
        SignedIn.as("lead." + hub.value(), Set.of(Role.HUB_LEAD), Set.of(hub.value()));
        int version = queue.detail(submitted.request()).summary().version();
        queue.decide(
                submitted.request(),
                version,
                NeedLevel.SINGLE_AGENCY,
                DecisionOutcome.EARLY_HELP,
                "One need, one agency.",
                false);
        CaseId caseId = queue.allocate(submitted.request(), version + 1, "family.worker", Set.of());
        SignedIn.as("family.worker", Set.of(Role.PRACTITIONER), Set.of(hub.value()));
        return caseId;
    }
}
