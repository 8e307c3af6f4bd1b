package org.earlyhelp.referrals.internal;

import java.util.List;
import java.util.Set;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.SafeguardingConcern;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.demo.AsDemonstrationData;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One safeguarding concern waiting to be checked with the front door, in the Dudley Central hub:
 * recorded through the service as the demonstration's teacher (Tom Baker, a school's designated
 * safeguarding lead) records one, so that its hub lead finds it counted on the home page and at the
 * head of the queue. Made up, like every name in the demonstration.
 */
@Component
class ConcernDemonstrationData implements DemonstrationData {

    private static final HubId HUB = new HubId("dudley-central");
    private static final CurrentUser TEACHER = new CurrentUser(
            "teacher", "Tom Baker", Set.of(Role.PRACTITIONER), new OrganisationId("netherton-academy"), Set.of(HUB));

    private final RequestsForSupport requests;
    private final PostcodeLookup postcodes;
    private final JdbcClient jdbc;
    private final boolean enabled;

    ConcernDemonstrationData(
            RequestsForSupport requests,
            PostcodeLookup postcodes,
            JdbcClient jdbc,
            @Value("${earlyhelp.demo.journeys:true}") boolean journeys,
            @Value("${earlyhelp.demo.concern:true}") boolean concern) {
        this.requests = requests;
        this.postcodes = postcodes;
        this.jdbc = jdbc;
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
        List<String> codes = postcodes.postcodesIn(HUB, 1);
        if (codes.isEmpty()) {
            return;
        }
        AsDemonstrationData.runAs(
                TEACHER,
                () -> requests.recordSafeguardingConcern(new SafeguardingConcern(
                        "Riley Ashdown",
                        codes.getFirst(),
                        "Bruises on both arms, seen in PE this morning. Riley asked us not to tell anyone."
                                + " The front door's line was busy: I will keep trying.",
                        false,
                        null)));
    }
}
