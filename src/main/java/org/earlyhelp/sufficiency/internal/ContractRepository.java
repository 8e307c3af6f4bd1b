package org.earlyhelp.sufficiency.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.sufficiency.Contracts;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The council's placement contracts, with the children placed at each contract's provider. */
@Repository
public class ContractRepository {

    private final JdbcClient jdbc;

    ContractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contracts in force on the date, by provider, with the children placed there that day. */
    public List<Contracts.Occupancy> inForceOn(LocalDate on) {
        return jdbc.sql("""
                        WITH placed AS (
                          SELECT urn, count(DISTINCT child_id) AS n FROM sufficiency.episode
                          WHERE urn IS NOT NULL AND started_on <= :d AND (ended_on IS NULL OR ended_on > :d) GROUP BY urn)
                        SELECT c.id, c.urn, c.provider, c.category, c.kind, c.beds, c.weekly_cost, c.starts_on, c.ends_on,
                               coalesce(p.n, 0)
                        FROM sufficiency.contract c LEFT JOIN placed p ON p.urn = c.urn
                        WHERE c.starts_on <= :d AND (c.ends_on IS NULL OR c.ends_on >= :d)
                        ORDER BY c.provider, c.starts_on""")
                .param("d", on)
                .query((rs, n) -> new Contracts.Occupancy(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        PlacementCategory.stored(rs.getString(4)),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getBigDecimal(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class),
                        rs.getLong(10)))
                .list();
    }

    /** The contracts in force in the year before the date, with bed-nights contracted and used. */
    public List<Contracts.BedNights> yearTo(LocalDate to) {
        return jdbc.sql("""
                        WITH c AS (
                          SELECT * FROM sufficiency.contract
                          WHERE starts_on <= :last AND (ends_on IS NULL OR ends_on >= :first)),
                        nights AS (
                          SELECT c.id, c.urn, c.beds, d::date AS night
                          FROM c, generate_series(greatest(c.starts_on, :first)::timestamp,
                                                  least(coalesce(c.ends_on, :last), :last)::timestamp,
                                                  interval '1 day') d),
                        placed AS (
                          SELECT urn, child_id, started_on, ended_on FROM sufficiency.episode
                          WHERE urn IN (SELECT urn FROM c) AND started_on <= :last
                            AND (ended_on IS NULL OR ended_on > :first)),
                        used AS (
                          SELECT n.id, n.night, least(n.beds, count(DISTINCT p.child_id)) AS used
                          FROM nights n LEFT JOIN placed p ON p.urn = n.urn AND p.started_on <= n.night
                            AND (p.ended_on IS NULL OR p.ended_on > n.night)
                          GROUP BY n.id, n.night, n.beds)
                        SELECT c.id, c.urn, c.provider, c.kind, c.beds, c.weekly_cost,
                               c.beds * (SELECT count(*) FROM nights n WHERE n.id = c.id),
                               coalesce((SELECT sum(u.used) FROM used u WHERE u.id = c.id), 0)
                        FROM c ORDER BY c.provider, c.starts_on""")
                .param("first", to.minusYears(1))
                .param("last", to.minusDays(1))
                .query((rs, n) -> new Contracts.BedNights(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBigDecimal(6),
                        rs.getLong(7),
                        rs.getLong(8)))
                .list();
    }

    /** Saves a contract checked by {@link Contracts#add}, under the given id. */
    public void insert(
            UUID id,
            String urn,
            String provider,
            PlacementCategory category,
            Contracts.Draft d,
            String by,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO sufficiency.contract (id, urn, provider, category, kind, beds, weekly_cost, starts_on,
                          ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        id,
                        urn,
                        provider,
                        category.english(),
                        d.kind(),
                        d.beds(),
                        d.weeklyCost(),
                        d.startsOn(),
                        d.endsOn(),
                        by,
                        Timestamp.from(at)))
                .update();
    }

    /** Deletes a contract; returns how many rows went (0 or 1). */
    public int delete(UUID id) {
        return jdbc.sql("DELETE FROM sufficiency.contract WHERE id = ?")
                .param(id)
                .update();
    }
}
