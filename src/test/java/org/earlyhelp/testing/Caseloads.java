package org.earlyhelp.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Room in a practitioner's caseload for a test's new cases. The tests on the shared application
 * allocate to the same demonstration people (family.worker above all), and their cases stay open
 * for the rest of the run: without this, whichever test came late would find its lead at capacity.
 */
public final class Caseloads {

    private Caseloads() {}

    /**
     * Raises the person's capacity in the hub, if it must, so that they have room for this many
     * more cases than they lead now (up to the most the application allows, 60).
     */
    public static void roomFor(JdbcClient jdbc, String hub, String username, int cases) {
        jdbc.sql("""
                        UPDATE hubs.member SET capacity = LEAST(60, GREATEST(capacity,
                            (SELECT count(*) FROM referrals.case_file c
                             WHERE c.hub_id = ? AND c.lead = ? AND c.closed_at IS NULL) + ?))
                        WHERE hub_id = ? AND username = ?""")
                .param(hub)
                .param(username)
                .param(cases)
                .param(hub)
                .param(username)
                .update();
    }
}
