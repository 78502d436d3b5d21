package dev.olaphttp.spi;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancel signal of one statement. {@link #cancel()} may be called from any thread: it runs every registered
 * action (aborting the blocked HTTP call, for instance) once, newest first, so the call in flight is aborted before
 * older, statement-level actions run. Actions registered after cancellation run at once. Actions run on the
 * cancelling thread and must not block: send a kill from the client's scheduler, not from the action.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CopyOnWriteArrayList<Runnable> actions = new CopyOnWriteArrayList<>();

    /** Cancels: idempotent, thread-safe; the actions' exceptions are swallowed. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Object[] snapshot = actions.toArray();
            for (int i = snapshot.length - 1; i >= 0; i--) {
                runQuietly((Runnable) snapshot[i]);
            }
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Registers an action to run on cancel; returns a handle that unregisters it. Runs it at once if already
     * cancelled.
     */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled.get() && actions.remove(action)) {
            runQuietly(action);
        }
        return () -> actions.remove(action);
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a cancel action must not stop the others
        }
    }

    /** Unregisters a cancel action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
