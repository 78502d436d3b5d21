package dev.olaphttp.micrometer;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.SqlClientException;

/** How a statement ended, as the {@code outcome} tag says it. */
enum Outcome {
    SUCCESS("success"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    CLOSED_EARLY("closed_early"),
    INTERRUPTED("interrupted");

    final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** A cancel is {@code cancelled}, a result cut short in transit {@code interrupted}, anything else {@code failed}. */
    static Outcome of(SqlClientException error) {
        if (error instanceof QueryCancelledException) {
            return CANCELLED;
        }
        if (error instanceof ResultInterruptedException) {
            return INTERRUPTED;
        }
        return FAILED;
    }
}
