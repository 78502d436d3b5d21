package dev.olaphttp.starrocks.internal.load;

import java.io.IOException;

/**
 * Carries a failure of the caller's rows (a value that does not fit its column, or the caller's iterator throwing)
 * out of the body writer as an {@link IOException}, so OkHttp aborts the request and drops the connection; the
 * loader then rethrows the original.
 */
final class EncodingFailure extends IOException {
    private final RuntimeException original;

    EncodingFailure(RuntimeException original) {
        super(original.getMessage(), original);
        this.original = original;
    }

    RuntimeException original() {
        return original;
    }

    /** The encoding failure in {@code t}'s cause chain, or {@code null}. */
    static EncodingFailure find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncodingFailure f) {
                return f;
            }
        }
        return null;
    }
}
