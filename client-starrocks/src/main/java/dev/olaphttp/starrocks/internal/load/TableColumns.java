package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlType;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import dev.olaphttp.starrocks.internal.TypeParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table's columns and types, looked up once per load with {@code DESC db.table} through the SQL API, so each
 * column gets a typed encoder decided before the first row. When DESC is refused (a user with only INSERT on the
 * table) and the caller named the columns, the load goes on with encoders chosen by each value's Java type;
 * the server still checks every value against the column.
 */
final class TableColumns {
    private static final Logger log = LoggerFactory.getLogger(TableColumns.class);

    private TableColumns() {}

    /** Column name to type in table order, or {@code null} when DESC was refused. */
    static Map<String, SqlType> describe(Function<StatementRequest, QueryExecution> runner, LoadTarget target,
            String loadId, Deadline deadline, Cancellation cancellation) {
        String sql = "DESC " + target.sqlName();
        StatementRequest request = new StatementRequest(new QueryInfo(loadId + "-desc", "starrocks", sql), null,
                null, null, SessionState.empty(), deadline, cancellation, 0, true, false);
        Map<String, SqlType> columns = new LinkedHashMap<>();
        try (QueryExecution ex = runner.apply(request)) {
            while (ex.advance()) {
                String name = String.valueOf(ex.row().getObject(0));
                Object typeText = ex.row().getObject(1);
                SqlType t;
                try {
                    t = typeText == null ? null : TypeParser.parse(typeText.toString());
                } catch (IllegalArgumentException e) {
                    t = null; // an unreadable type: encode by value
                }
                columns.put(name, t);
            }
        } catch (QueryFailedException e) {
            log.debug("DESC {} failed, encoding by value types: {}", target.sqlName(), e.getMessage());
            return null;
        }
        return columns;
    }

    /**
     * The table's own spelling of each requested name: exact, else case-insensitive, else ignoring case and
     * underscores (a record component {@code customerId} loads column {@code customer_id}); a name not in the table
     * (a temporary column of a {@code columns} mapping) stays as given.
     */
    static List<String> resolve(List<String> names, Map<String, SqlType> table) {
        if (table == null) {
            return names;
        }
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(match(n, table));
        }
        return out;
    }

    private static String match(String name, Map<String, SqlType> table) {
        if (table.containsKey(name)) {
            return name;
        }
        for (String c : table.keySet()) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
        }
        String loose = loose(name);
        for (String c : table.keySet()) {
            if (loose(c).equals(loose)) {
                return c;
            }
        }
        return name;
    }

    private static String loose(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The types of already {@link #resolve resolved} names; none for a name not in the table. */
    static List<SqlType> typesOf(List<String> names, Map<String, SqlType> table) {
        List<SqlType> types = new ArrayList<>(names.size());
        for (String n : names) {
            types.add(table == null ? null : table.get(n));
        }
        return types;
    }
}
