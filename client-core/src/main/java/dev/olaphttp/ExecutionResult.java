package dev.olaphttp;

/**
 * The outcome of {@link Query#execute()}: the statement ran to completion.
 *
 * @param queryId      the query's id
 * @param affectedRows rows changed as the server reported it, {@code -1} if it did not say
 * @param rowsReturned rows the statement returned (read and discarded)
 * @param stats        the server's statistics
 * @param state        the session state after the statement
 */
public record ExecutionResult(
        String queryId, long affectedRows, long rowsReturned, QueryStats stats, SessionState state) {}
