package org.earlyhelp.sufficiency;

import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is still made up from the demonstration: returns, and the supply beside them (the Ofsted
 * list of demonstration homes, their contracts, the supply figures and the foster carers). Once a
 * council imports its own returns, the made-up supply must not be set against its real need:
 * the pages say what is made up, and a commissioner removes it, after a confirmation.
 * Commissioners and administrators.
 */
@Service
public class DemonstrationSupply {

    /** What is made up, by kind; all 0 once a council's data has replaced it. */
    public record Held(long children, long providers, long contracts, long supplyFigures, long carers) {

        /** Whether any made-up supply is held. */
        public boolean anySupply() {
            return providers + contracts + supplyFigures + carers > 0;
        }

        /** Whether anything at all is made up. */
        public boolean any() {
            return children > 0 || anySupply();
        }
    }

    private static final String DEMO_PROVIDERS = "list_name LIKE 'Demonstration list%'";
    private static final String DEMO_CONTRACTS =
            "created_by = 'system' AND provider LIKE 'Demonstration children''s home%'";
    private static final String DEMO_SUPPLY = "note = 'demonstration figure'";
    private static final String DEMO_CARERS = "reference LIKE 'DEMO-FC-%'";
    private static final String DEMO_CHILDREN = "child_id LIKE 'DEMO%'";

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    DemonstrationSupply(JdbcClient jdbc, CurrentUsers currentUsers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Held held() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return new Held(
                count("sufficiency.child", DEMO_CHILDREN),
                count("sufficiency.provider", DEMO_PROVIDERS),
                count("sufficiency.contract", DEMO_CONTRACTS),
                count("sufficiency.supply", DEMO_SUPPLY),
                count("sufficiency.foster_carer", DEMO_CARERS));
    }

    /**
     * Removes the made-up supply (homes, contracts, supply figures, foster carers), all or
     * nothing, and records it. Refused while the returns themselves are still the made-up ones:
     * the demonstration's need and supply go together until the council's returns replace them.
     *
     * @return what was removed
     */
    @Transactional
    public Held removeSupply() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Held before = held();
        if (before.children() > 0) {
            throw new IllegalStateException("The returns are still the demonstration's own: import the council's"
                    + " returns first, then remove the made-up supply.");
        }
        jdbc.sql("DELETE FROM sufficiency.contract WHERE " + DEMO_CONTRACTS).update();
        jdbc.sql("DELETE FROM sufficiency.provider WHERE " + DEMO_PROVIDERS).update();
        jdbc.sql("DELETE FROM sufficiency.supply WHERE " + DEMO_SUPPLY).update();
        jdbc.sql("DELETE FROM sufficiency.foster_carer WHERE " + DEMO_CARERS).update();
        audit.record(
                AuditAction.DELETE,
                "demonstration-supply",
                "sufficiency",
                null,
                null,
                before.providers() + " homes, " + before.contracts() + " contracts, " + before.supplyFigures()
                        + " supply figures, " + before.carers() + " foster carers");
        return before;
    }

    private long count(String table, String where) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where)
                .query(Long.class)
                .single();
    }
}
