package org.earlyhelp.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reading the journey's rows: what every repository of the module needs the same way. */
final class Rows {

    private Rows() {}

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static @Nullable Timestamp nullableTs(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A typed id from a column, or null when the column is. */
    static <T> @Nullable T id(ResultSet rs, int column, Function<UUID, T> type) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : type.apply(id);
    }
}
