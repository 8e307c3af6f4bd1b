package org.earlyhelp.voice.internal;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.PublishedAnswer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of feedback and published answers by month, and the answers published in a month. */
@Repository
public class BoardVoiceQueries {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String HUB = "(CAST(:hub AS TEXT) IS NULL OR hub_id = :hub)";

    private final JdbcClient jdbc;

    BoardVoiceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(LONDON).toInstant());
    }

    /** Pieces of feedback received in each month (those the retention rules have not yet removed). */
    public Map<YearMonth, Integer> feedback(@Nullable HubId hub, YearMonth from, YearMonth to) {
        return byMonth("voice.feedback", "submitted_at", hub, from, to);
    }

    /** Answers ("we did") published in each month. */
    public Map<YearMonth, Integer> published(@Nullable HubId hub, YearMonth from, YearMonth to) {
        return byMonth("voice.response", "published_at", hub, from, to);
    }

    private Map<YearMonth, Integer> byMonth(
            String table, String column, @Nullable HubId hub, YearMonth from, YearMonth to) {
        Map<YearMonth, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT date_trunc('month', " + column + " AT TIME ZONE 'Europe/London')::date, count(*) FROM "
                        + table + " WHERE " + column + " >= :from AND " + column + " < :end AND " + HUB
                        + " GROUP BY 1")
                .param("from", start(from))
                .param("end", start(to.plusMonths(1)))
                .param("hub", hub == null ? null : hub.value())
                .query((rs, n) -> counts.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2)))
                .list();
        return counts;
    }

    /** The answers published in the month, oldest first: the public words only. */
    public List<PublishedAnswer> answers(@Nullable HubId hub, YearMonth month) {
        return jdbc.sql("""
                        SELECT hub_id, theme, you_said, we_did, published_at FROM voice.response
                        WHERE published_at >= :from AND published_at < :end AND\s""" + HUB + " ORDER BY published_at")
                .param("from", start(month))
                .param("end", start(month.plusMonths(1)))
                .param("hub", hub == null ? null : hub.value())
                .query((rs, n) -> new PublishedAnswer(
                        new HubId(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
