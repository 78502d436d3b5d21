package dev.olaphttp.spi;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.SessionState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a dialect needs to start one statement. Immutable.
 *
 * @param info         query id, dialect and SQL text
 * @param namedParams  named parameters in binding order (empty when positional are used)
 * @param positional   positional parameters (empty when named are used)
 * @param settings     statement-level settings, over the session's
 * @param state        the session state to send with the statement
 * @param deadline     the statement's time budget
 * @param cancellation the statement's cancel signal; it may fire while {@link DialectClient#start} still waits for
 *                     the first response ({@link dev.olaphttp.Query#cancel()}): dialects whose server keeps running a
 *                     statement after the connection drops should register an action that kills it by query id
 * @param maxRows      row limit asked by the caller, 0 for none
 * @param idempotent   the caller's declaration, {@code null} when the dialect should judge
 * @param inSession    true when run through a {@link dev.olaphttp.SqlSession} (state changes will be kept)
 */
public record StatementRequest(
        QueryInfo info,
        Map<String, Object> namedParams,
        List<Object> positional,
        Map<String, String> settings,
        SessionState state,
        Deadline deadline,
        Cancellation cancellation,
        long maxRows,
        Boolean idempotent,
        boolean inSession) {

    /** Replaces missing values with empty ones and wraps the collections read-only. */
    public StatementRequest {
        Objects.requireNonNull(info, "info");
        namedParams = namedParams == null ? Map.of() : java.util.Collections.unmodifiableMap(namedParams);
        positional = positional == null ? List.of() : java.util.Collections.unmodifiableList(positional);
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(settings);
        state = state == null ? SessionState.empty() : state;
        deadline = deadline == null ? Deadline.none() : deadline;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
    }

    /** The SQL text. */
    public String sql() {
        return info.sql();
    }

    /** The query id. */
    public String queryId() {
        return info.queryId();
    }

    /** True when any parameter is bound. */
    public boolean hasParams() {
        return !namedParams.isEmpty() || !positional.isEmpty();
    }

    /** Whether the first request may be retried: the caller's word, else {@code dialectDefault}. */
    public boolean idempotentOr(boolean dialectDefault) {
        return idempotent == null ? dialectDefault : idempotent;
    }
}
