package dev.olaphttp.spi;

import dev.olaphttp.DataFormat;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.SessionState;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a dialect needs for one bulk load: either {@link #rows()} (values in {@link #columns()} order, pulled
 * lazily while the body is written) or {@link #data()} (bytes in {@link #format()}, passed through). Immutable.
 *
 * @param info         load id (as query id), dialect and a description ({@code INSERT INTO table})
 * @param table        the target table, possibly qualified {@code db.table}
 * @param columns      the target columns; empty means all columns of the table
 * @param rows         row values, or {@code null} when {@code data} is given
 * @param data         pre-formatted data, or {@code null} when {@code rows} is given
 * @param format       the format of {@code data} ({@code null} with rows)
 * @param settings     server settings for the load
 * @param options      dialect load options
 * @param label        the caller's deduplication label, {@code null} to let the dialect make one
 * @param state        the session state (database, settings) to load in
 * @param deadline     the load's time budget
 * @param cancellation the load's cancel signal
 */
public record InsertRequest(
        QueryInfo info,
        String table,
        List<String> columns,
        Iterator<Object[]> rows,
        DataSource data,
        DataFormat format,
        Map<String, String> settings,
        Map<String, String> options,
        String label,
        SessionState state,
        Deadline deadline,
        Cancellation cancellation) {

    /** Checks that exactly one of rows and data is given and that the required parts are present. */
    public InsertRequest {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(table, "table");
        if ((rows == null) == (data == null)) {
            throw new IllegalArgumentException("an insert has either rows or data");
        }
        columns = List.copyOf(columns);
        settings = Map.copyOf(settings);
        options = Map.copyOf(options);
        state = state == null ? SessionState.empty() : state;
        deadline = deadline == null ? Deadline.none() : deadline;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    /** The load id, also used as query id. */
    public String loadId() {
        return info.queryId();
    }

    /** The caller's label, or {@code fallback}. */
    public String labelOr(String fallback) {
        return label != null ? label : fallback;
    }
}
