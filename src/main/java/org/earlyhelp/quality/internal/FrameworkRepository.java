package org.earlyhelp.quality.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.quality.AuditFramework.Domain;
import org.earlyhelp.quality.AuditFramework.Version;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published versions of the audit framework, each kept as it was published. */
@Repository
public class FrameworkRepository {

    private final JdbcClient jdbc;

    FrameworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> latest() {
        return jdbc.sql("SELECT max(version) FROM quality.framework_version")
                .query((rs, n) -> rs.getObject(1, Integer.class))
                .optional();
    }

    public List<Integer> numbers() {
        return jdbc.sql("SELECT version FROM quality.framework_version ORDER BY version DESC")
                .query((rs, n) -> rs.getInt(1))
                .list();
    }

    public Optional<Version> version(int number) {
        List<Domain> domains = jdbc.sql("""
                        SELECT name, question, outstanding, good, requires_improvement, inadequate
                        FROM quality.framework_domain WHERE version = ? ORDER BY position""")
                .param(number)
                .query((rs, n) -> new Domain(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        return jdbc.sql("SELECT note, published_by, published_at FROM quality.framework_version WHERE version = ?")
                .param(number)
                .query((rs, n) -> new Version(
                        number,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        domains))
                .optional();
    }

    public void insert(Version v) {
        jdbc.sql("""
                        INSERT INTO quality.framework_version (version, note, published_by, published_at)
                        VALUES (?, ?, ?, ?)""")
                .params(v.number(), v.note(), v.publishedBy(), Timestamp.from(v.publishedAt()))
                .update();
        for (int i = 0; i < v.domains().size(); i++) {
            Domain d = v.domains().get(i);
            jdbc.sql("""
                            INSERT INTO quality.framework_domain
                              (version, position, name, question, outstanding, good, requires_improvement, inadequate)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            v.number(),
                            i,
                            d.name(),
                            d.question(),
                            d.outstanding(),
                            d.good(),
                            d.requiresImprovement(),
                            d.inadequate())
                    .update();
        }
    }
}
