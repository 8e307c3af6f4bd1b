package org.earlyhelp.referrals.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.referrals.CaseId;
import org.earlyhelp.referrals.Supervision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hub leads' recorded case supervisions. */
@Repository
public class SupervisionRepository {

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Supervision s) {
        jdbc.sql("""
                        INSERT INTO referrals.supervision
                          (id, case_id, held_on, discussion, decisions, next_on, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.caseId().value(),
                        s.heldOn(),
                        s.discussion(),
                        s.decisions(),
                        s.nextOn(),
                        s.recordedBy(),
                        Timestamp.from(s.recordedAt()))
                .update();
    }

    /** A case's supervisions, the latest first. */
    public List<Supervision> of(CaseId caseId) {
        return jdbc.sql("""
                        SELECT id, case_id, held_on, discussion, decisions, next_on, recorded_by, recorded_at
                        FROM referrals.supervision WHERE case_id = ? ORDER BY held_on DESC, recorded_at DESC""")
                .param(caseId.value())
                .query((rs, n) -> new Supervision(
                        rs.getObject(1, UUID.class),
                        new CaseId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
