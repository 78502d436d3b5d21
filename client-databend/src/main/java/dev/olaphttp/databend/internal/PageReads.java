package dev.olaphttp.databend.internal;

import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpCall;
import java.time.Duration;

/** How the POST and page requests of a query are read: their read timeout, and the re-read of a broken body. */
final class PageReads {
    /** Added to {@code wait_time_secs} for the shortest read timeout of a long poll. */
    static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(2);
    /** Attempts at reading one page whose body broke off (reset, truncation); the server re-serves it. */
    static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 100;

    private PageReads() {}

    /**
     * The read timeout of the POST and page requests: the configured one, unless it is shorter than the long poll
     * ({@code wait_time_secs}) plus {@link #LONG_POLL_MARGIN}, which it then becomes (the server may rightly stay
     * silent that long); {@code null} keeps the configured one.
     */
    static Duration readTimeout(long waitTimeSecs, Duration configured) {
        Duration floor = Duration.ofSeconds(waitTimeSecs).plus(LONG_POLL_MARGIN);
        return configured != null && !configured.isZero() && configured.compareTo(floor) < 0 ? floor : null;
    }

    /** Waits before attempt {@code attempt + 1}; false when cancelled or the deadline leaves no room. */
    static boolean pause(HttpCall call, int attempt) {
        long wait = attempt == 1 ? 0 : BACKOFF_MILLIS << (attempt - 2); // the server has answered: re-read now
        if (call.cancellation().isCancelled() || call.deadline().isExpired()
                || wait > 0 && call.deadline().remaining().toMillis() <= wait) {
            return false;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !call.cancellation().isCancelled();
    }

    /** A body that broke off mid-way; {@link #failure} is what the caller gets if it is not read again. */
    static final class BrokenBody extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SqlClientException failure;

        BrokenBody(SqlClientException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** A read failure to re-read ({@link BrokenBody}) when it is an interrupted body, else itself. */
    static RuntimeException broken(SqlClientException f) {
        return f instanceof ResultInterruptedException ? new BrokenBody(f) : f;
    }
}
