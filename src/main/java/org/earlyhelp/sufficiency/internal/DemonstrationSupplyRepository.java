package org.earlyhelp.sufficiency.internal;

import org.earlyhelp.sufficiency.DemonstrationSupply.Held;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The demonstration's made-up rows in sufficiency's tables, known by their marks: returns' child
 * ids starting DEMO, the demonstration Ofsted list, its homes' contracts made by the system, the
 * supply figures noted as demonstration figures and the DEMO-FC- foster carers.
 */
@Repository
public class DemonstrationSupplyRepository {

    private static final String DEMO_PROVIDERS = "list_name LIKE 'Demonstration list%'";
    private static final String DEMO_CONTRACTS =
            "created_by = 'system' AND provider LIKE 'Demonstration children''s home%'";
    private static final String DEMO_SUPPLY = "note = 'demonstration figure'";
    private static final String DEMO_CARERS = "reference LIKE 'DEMO-FC-%'";
    private static final String DEMO_CHILDREN = "child_id LIKE 'DEMO%'";

    private final JdbcClient jdbc;

    DemonstrationSupplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many made-up rows of each kind there are. */
    public Held held() {
        return new Held(
                count("sufficiency.child", DEMO_CHILDREN),
                count("sufficiency.provider", DEMO_PROVIDERS),
                count("sufficiency.contract", DEMO_CONTRACTS),
                count("sufficiency.supply", DEMO_SUPPLY),
                count("sufficiency.foster_carer", DEMO_CARERS));
    }

    /** Deletes the made-up supply: contracts, homes, supply figures and foster carers. */
    public void deleteSupply() {
        jdbc.sql("DELETE FROM sufficiency.contract WHERE " + DEMO_CONTRACTS).update();
        jdbc.sql("DELETE FROM sufficiency.provider WHERE " + DEMO_PROVIDERS).update();
        jdbc.sql("DELETE FROM sufficiency.supply WHERE " + DEMO_SUPPLY).update();
        jdbc.sql("DELETE FROM sufficiency.foster_carer WHERE " + DEMO_CARERS).update();
    }

    private long count(String table, String where) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where)
                .query(Long.class)
                .single();
    }
}
