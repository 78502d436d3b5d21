package dev.olaphttp;

import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.SessionDelta;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends one started statement exactly once: releases its execution, folds what the server last said about the
 * session, and tells the listener with one of {@code onEnd}, {@code onFailure} or {@code onClosedEarly}. Later calls
 * do nothing, so a cancel racing a close, or a close after a failure, cannot report the statement twice.
 */
final class StatementEnd {
    private static final Logger log = LoggerFactory.getLogger(StatementEnd.class);

    private final QueryExecution execution;
    private final QueryInfo info;
    private final QueryListener listener;
    private final Consumer<SessionDelta> onComplete;
    private final Consumer<SessionDelta> onEarlyEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    /**
     * @param onComplete receives {@link QueryExecution#sessionDelta()} at the confirmed end
     * @param onEarlyEnd receives {@link QueryExecution#failureDelta()} on every other end (failure, cancel, early
     *     close, row limit)
     */
    StatementEnd(
            QueryExecution execution,
            QueryInfo info,
            QueryListener listener,
            Consumer<SessionDelta> onComplete,
            Consumer<SessionDelta> onEarlyEnd) {
        this.execution = execution;
        this.info = info;
        this.listener = listener;
        this.onComplete = onComplete;
        this.onEarlyEnd = onEarlyEnd;
    }

    /** The server confirmed the end of the result. */
    void completed(long rows) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        SessionDelta delta;
        try {
            delta = execution.sessionDelta();
        } finally {
            release();
        }
        onComplete.accept(delta);
        notifyEnd(rows);
    }

    /** The query's {@code maxRows} was reached: a normal end for the caller, an early one for the server. */
    void limited(long rows) {
        if (ended.compareAndSet(false, true)) {
            release();
            foldEarly();
            notifyEnd(rows);
        }
    }

    /** The statement failed or was cancelled. */
    void failed(SqlClientException error) {
        if (ended.compareAndSet(false, true)) {
            release();
            foldEarly();
            try {
                listener.onFailure(info, error);
            } catch (RuntimeException e) {
                log.warn("QueryListener.onFailure threw; ignored", e);
            }
        }
    }

    /** The caller closed the result before its end. */
    void closedEarly(long rows) {
        if (ended.compareAndSet(false, true)) {
            release();
            foldEarly();
            try {
                listener.onClosedEarly(info, stats(), rows);
            } catch (RuntimeException e) {
                log.warn("QueryListener.onClosedEarly threw; ignored", e);
            }
        }
    }

    /** Whether one of the ends was reported. */
    boolean ended() {
        return ended.get();
    }

    private void release() {
        try {
            execution.close();
        } catch (RuntimeException e) {
            log.warn("dialect failed to close a statement's execution; ignored", e);
        }
    }

    /** Read after {@code close()}, so that what the dialect's close learnt from the server counts too. */
    private void foldEarly() {
        try {
            onEarlyEnd.accept(execution.failureDelta());
        } catch (RuntimeException e) {
            log.warn("dialect failed to report the session of a statement that ended early; state kept", e);
        }
    }

    private QueryStats stats() {
        try {
            return execution.stats();
        } catch (RuntimeException e) {
            return QueryStats.unknown();
        }
    }

    private void notifyEnd(long rows) {
        try {
            listener.onEnd(info, stats(), rows);
        } catch (RuntimeException e) {
            log.warn("QueryListener.onEnd threw; ignored", e);
        }
    }
}
