package dev.olaphttp;

import java.time.Duration;

/**
 * Wraps the user's listener so the {@link QueryInfo} it sees carries the rows and bytes read so far: at progress,
 * at the end and at an early close, from the statistics the dialect reported. Allocates per event, never per row.
 */
final class ProgressListener implements QueryListener {
    private final QueryListener delegate;

    ProgressListener(QueryListener delegate) {
        this.delegate = delegate;
    }

    private static QueryInfo with(QueryInfo query, QueryStats stats) {
        return stats == null ? query : query.withProgress(stats.rowsRead(), stats.bytesRead());
    }

    @Override
    public void onStart(QueryInfo query) {
        delegate.onStart(query);
    }

    @Override
    public void onRequest(QueryInfo query, String method, String path, int attempt) {
        delegate.onRequest(query, method, path, attempt);
    }

    @Override
    public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
        delegate.onRetry(query, attempt, delay, cause);
    }

    @Override
    public void onProgress(QueryInfo query, QueryStats progress) {
        delegate.onProgress(with(query, progress), progress);
    }

    @Override
    public void onEnd(QueryInfo query, QueryStats stats, long rows) {
        delegate.onEnd(with(query, stats), stats, rows);
    }

    @Override
    public void onFailure(QueryInfo query, SqlClientException error) {
        delegate.onFailure(query, error);
    }

    @Override
    public void onClosedEarly(QueryInfo query, QueryStats stats, long rowsDelivered) {
        delegate.onClosedEarly(with(query, stats), stats, rowsDelivered);
    }
}
