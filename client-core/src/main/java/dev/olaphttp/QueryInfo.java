package dev.olaphttp;

/**
 * Identifies a statement to a {@link QueryListener}.
 *
 * @param queryId the query id sent to the server
 * @param dialect the dialect id
 * @param sql     the statement text (parameter values are never included)
 */
public record QueryInfo(String queryId, String dialect, String sql) {}
