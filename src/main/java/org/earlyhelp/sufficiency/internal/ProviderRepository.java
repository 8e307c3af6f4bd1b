package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.sufficiency.Providers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ofsted's provider lists as imported, and the council's children placed with each provider. */
@Repository
public class ProviderRepository {

    private final JdbcClient jdbc;

    ProviderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the providers of one file's sheets with these rows: urn, list name, name, kind,
     * sector, local authority, postcode, status, places.
     */
    public void replaceList(String file, List<Object[]> rows) {
        jdbc.sql("DELETE FROM sufficiency.provider WHERE list_name LIKE ?")
                .param(file + " / %")
                .update();
        for (Object[] r : rows) {
            jdbc.sql("""
                            INSERT INTO sufficiency.provider (urn, list_name, name, kind, sector, local_authority, postcode, status, places)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (urn, list_name) DO UPDATE SET name = excluded.name""").params(r).update();
        }
    }

    /** Providers by kind and sector, with the council's children placed with them on the date. */
    public List<Providers.Summary> summary(LocalDate on) {
        return jdbc.sql("""
                        WITH placed AS (
                          SELECT urn, count(*) AS n FROM sufficiency.episode
                          WHERE urn IS NOT NULL AND started_on <= ? AND (ended_on IS NULL OR ended_on > ?) GROUP BY urn)
                        SELECT p.kind, coalesce(p.sector, 'Not given'), count(DISTINCT p.urn), coalesce(sum(p.places), 0),
                               coalesce(sum(pl.n), 0)
                        FROM sufficiency.provider p LEFT JOIN placed pl ON pl.urn = p.urn
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .params(on, on)
                .query((rs, n) -> new Providers.Summary(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
