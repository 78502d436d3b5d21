package dev.olaphttp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server reported about a statement. Counters the server did not report are {@code -1}; {@link #extra()}
 * holds every other field the server sent, under its own name.
 *
 * @param rowsRead     rows scanned
 * @param bytesRead    bytes scanned
 * @param rowsWritten  rows written (inserts)
 * @param bytesWritten bytes written
 * @param resultRows   rows in the result
 * @param affectedRows rows changed by DML, as the server reports it
 * @param elapsed      server-side running time, {@link Duration#ZERO} if unknown
 * @param extra        other server-reported fields, in the order received
 */
public record QueryStats(
        long rowsRead,
        long bytesRead,
        long rowsWritten,
        long bytesWritten,
        long resultRows,
        long affectedRows,
        Duration elapsed,
        Map<String, String> extra) {

    private static final QueryStats UNKNOWN = new QueryStats(-1, -1, -1, -1, -1, -1, Duration.ZERO, Map.of());

    /** Normalizes a missing elapsed time to zero and copies {@code extra}. */
    public QueryStats {
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Statistics with every counter unknown. */
    public static QueryStats unknown() {
        return UNKNOWN;
    }

    /** A builder starting with every counter unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link QueryStats}. */
    public static final class Builder {
        private long rowsRead = -1;
        private long bytesRead = -1;
        private long rowsWritten = -1;
        private long bytesWritten = -1;
        private long resultRows = -1;
        private long affectedRows = -1;
        private Duration elapsed = Duration.ZERO;
        private final Map<String, String> extra = new LinkedHashMap<>();

        /** Rows scanned. */
        public Builder rowsRead(long v) {
            rowsRead = v;
            return this;
        }

        /** Bytes scanned. */
        public Builder bytesRead(long v) {
            bytesRead = v;
            return this;
        }

        /** Rows written. */
        public Builder rowsWritten(long v) {
            rowsWritten = v;
            return this;
        }

        /** Bytes written. */
        public Builder bytesWritten(long v) {
            bytesWritten = v;
            return this;
        }

        /** Rows in the result. */
        public Builder resultRows(long v) {
            resultRows = v;
            return this;
        }

        /** Rows changed by DML. */
        public Builder affectedRows(long v) {
            affectedRows = v;
            return this;
        }

        /** Server-side running time. */
        public Builder elapsed(Duration v) {
            elapsed = v;
            return this;
        }

        /** Another server-reported field, kept under its own name. */
        public Builder extra(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /** Builds the statistics. */
        public QueryStats build() {
            return new QueryStats(rowsRead, bytesRead, rowsWritten, bytesWritten, resultRows, affectedRows, elapsed, extra);
        }
    }
}
