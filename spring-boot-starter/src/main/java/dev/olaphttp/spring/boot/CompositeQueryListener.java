package dev.olaphttp.spring.boot;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.SqlClientException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls several listeners in order; one that throws does not stop the others. */
final class CompositeQueryListener implements QueryListener {
    private static final Logger log = LoggerFactory.getLogger(CompositeQueryListener.class);

    private final List<QueryListener> listeners;

    private CompositeQueryListener(List<QueryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static QueryListener of(List<QueryListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> QueryListener.NONE;
            case 1 -> listeners.get(0);
            default -> new CompositeQueryListener(listeners);
        };
    }

    private void each(java.util.function.Consumer<QueryListener> call) {
        for (QueryListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.warn("QueryListener {} threw; ignored", l, e);
            }
        }
    }

    @Override
    public void onStart(QueryInfo query) {
        each(l -> l.onStart(query));
    }

    @Override
    public void onRequest(QueryInfo query, String method, String path, int attempt) {
        each(l -> l.onRequest(query, method, path, attempt));
    }

    @Override
    public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
        each(l -> l.onRetry(query, attempt, delay, cause));
    }

    @Override
    public void onProgress(QueryInfo query, QueryStats progress) {
        each(l -> l.onProgress(query, progress));
    }

    @Override
    public void onEnd(QueryInfo query, QueryStats stats, long rows) {
        each(l -> l.onEnd(query, stats, rows));
    }

    @Override
    public void onFailure(QueryInfo query, SqlClientException error) {
        each(l -> l.onFailure(query, error));
    }

    @Override
    public void onClosedEarly(QueryInfo query, QueryStats stats, long rowsDelivered) {
        each(l -> l.onClosedEarly(query, stats, rowsDelivered));
    }
}
