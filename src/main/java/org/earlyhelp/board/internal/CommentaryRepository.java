package org.earlyhelp.board.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.earlyhelp.board.BoardSection;
import org.earlyhelp.board.Commentary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The board packs' commentary, one text per scope (a hub's id, or "borough"), month and section. */
@Repository
public class CommentaryRepository {

    private final JdbcClient jdbc;

    CommentaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<BoardSection, Commentary> find(String scope, YearMonth month) {
        Map<BoardSection, Commentary> found = new EnumMap<>(BoardSection.class);
        jdbc.sql("""
                        SELECT section, body, written_by, written_at, version FROM board.commentary
                        WHERE scope = ? AND month = ?""")
                .params(scope, Date.valueOf(month.atDay(1)))
                .query((rs, n) -> found.put(
                        BoardSection.valueOf(rs.getString(1)),
                        new Commentary(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getInt(5))))
                .list();
        return found;
    }

    /**
     * Saves the text if the section's commentary is still at {@code version} (0: none yet).
     *
     * @return whether it was saved; false when someone else saved first
     */
    public boolean save(
            String scope, YearMonth month, BoardSection section, String text, String by, Instant at, int version) {
        if (version == 0) {
            return jdbc.sql("""
                                    INSERT INTO board.commentary (scope, month, section, body, written_by, written_at, version)
                                    VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING""")
                            .params(scope, Date.valueOf(month.atDay(1)), section.name(), text, by, Timestamp.from(at))
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                                UPDATE board.commentary SET body = ?, written_by = ?, written_at = ?, version = version + 1
                                WHERE scope = ? AND month = ? AND section = ? AND version = ?""")
                        .params(
                                text,
                                by,
                                Timestamp.from(at),
                                scope,
                                Date.valueOf(month.atDay(1)),
                                section.name(),
                                version)
                        .update()
                == 1;
    }
}
