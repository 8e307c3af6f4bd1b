package org.earlyhelp.sufficiency.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserting many rows, 500 to a statement, rather than a round trip to the database each. */
public final class Rows {

    private static final int PER_STATEMENT = 500;

    private Rows() {}

    /**
     * @param insert the statement up to its VALUES ("INSERT INTO t (a, b)")
     * @param width the number of columns, and of values in each row
     */
    public static void insertAll(JdbcClient jdbc, String insert, int width, List<? extends @Nullable Object[]> rows) {
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += PER_STATEMENT) {
            List<? extends @Nullable Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + PER_STATEMENT));
            List<@Nullable Object> params = new ArrayList<>(chunk.size() * width);
            chunk.forEach(r -> params.addAll(Arrays.asList(r)));
            jdbc.sql(insert + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row)))
                    .params(params)
                    .update();
        }
    }
}
