package org.earlyhelp.sufficiency.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imported 903 returns as stored: children, their merged episodes and each import's run. */
@Repository
public class ReturnsRepository {

    /** An episode as held, for comparing what an upload would change. */
    public record Held(
            String child, LocalDate started, @Nullable LocalDate ended, int year) {}

    private final JdbcClient jdbc;

    ReturnsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every child and episode held with these children, who have no episodes yet. */
    public void replaceChildren(Collection<Returns.HeaderRow> children) {
        jdbc.sql("DELETE FROM sufficiency.episode").update();
        jdbc.sql("DELETE FROM sufficiency.child").update();
        for (Returns.HeaderRow h : children) {
            jdbc.sql("INSERT INTO sufficiency.child (child_id, sex, born_on, ethnicity) VALUES (?, ?, ?, ?)")
                    .params(Arrays.asList(
                            h.child(),
                            Returns.sex(h.sex()),
                            Returns.date(h.dob()),
                            h.ethnic().toUpperCase()))
                    .update();
        }
    }

    public void insertEpisode(Returns.EpisodeRow e) {
        jdbc.sql("""
                        INSERT INTO sufficiency.episode (child_id, started_on, reason_new, legal_status, need, placement,
                          provider, ended_on, reason_ended, reason_place_change, home_postcode, placement_postcode, urn,
                          return_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        e.child(),
                        Returns.date(e.decom()),
                        e.rne().toUpperCase(),
                        e.ls().toUpperCase(),
                        e.cin().toUpperCase(),
                        e.place().toUpperCase(),
                        blank(e.provider()),
                        Returns.date(e.dec()),
                        blank(e.rec()),
                        blank(e.reasonPlaceChange()),
                        blank(e.homePost()),
                        blank(e.plPost()),
                        blank(e.urn()),
                        e.year()))
                .update();
    }

    public void recordImport(Set<String> files, int children, int episodes, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO sufficiency.import_run (id, files, children, episodes, imported_by, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), String.join(", ", files), children, episodes, by, Timestamp.from(at))
                .update();
    }

    public List<Held> held() {
        return jdbc.sql("SELECT child_id, started_on, ended_on, return_year FROM sufficiency.episode")
                .query((rs, n) -> new Held(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getInt(4)))
                .list();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
