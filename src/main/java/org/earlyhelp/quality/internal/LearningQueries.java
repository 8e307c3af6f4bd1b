package org.earlyhelp.quality.internal;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.quality.Grade;
import org.earlyhelp.quality.LearningFigures.ActionRow;
import org.earlyhelp.quality.LearningFigures.GradeRow;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The moderated audits' standing grades and their actions, for the learning page. */
@Repository
public class LearningQueries {

    private static final String DONE_IN_RANGE = """
            a.stage = 'DONE' AND a.month BETWEEN :from AND :to AND (CAST(:hub AS TEXT) IS NULL OR a.hub_id = :hub)""";

    private final JdbcClient jdbc;

    LearningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each standing grade (the moderator's where changed) of the audits moderated in the months. */
    public List<GradeRow> grades(YearMonth from, YearMonth to, @Nullable HubId hub) {
        return jdbc.sql("""
                        SELECT a.id, a.case_id, a.hub_id, a.month, g.position, g.domain,
                               coalesce(g.moderated_grade, g.grade)
                        FROM quality.case_audit a JOIN quality.audit_grade g ON g.audit_id = a.id
                        WHERE\s""" + DONE_IN_RANGE + " ORDER BY a.month, a.id, g.position")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .param("hub", hub == null ? null : hub.value())
                .query((rs, n) -> new GradeRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        new HubId(rs.getString(3)),
                        YearMonth.from(rs.getDate(4).toLocalDate()),
                        rs.getInt(5),
                        rs.getString(6),
                        Grade.valueOf(rs.getString(7))))
                .list();
    }

    /** The actions of the audits moderated in the months. */
    public List<ActionRow> actions(YearMonth from, YearMonth to, @Nullable HubId hub) {
        return jdbc.sql("""
                        SELECT x.action, x.due_on, x.done_at IS NOT NULL
                        FROM quality.case_audit a JOIN quality.audit_action x ON x.audit_id = a.id
                        WHERE\s""" + DONE_IN_RANGE + " ORDER BY a.month, x.id")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .param("hub", hub == null ? null : hub.value())
                .query((rs, n) -> new ActionRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBoolean(3)))
                .list();
    }
}
