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

        public Builder rowsRead(long v) {
            rowsRead = v;
            return this;
        }

        public Builder bytesRead(long v) {
            bytesRead = v;
            return this;
        }

        public Builder rowsWritten(long v) {
            rowsWritten = v;
            return this;
        }

        public Builder bytesWritten(long v) {
            bytesWritten = v;
            return this;
        }

        public Builder resultRows(long v) {
            resultRows = v;
            return this;
        }

        public Builder affectedRows(long v) {
            affectedRows = v;
            return this;
        }

        public Builder elapsed(Duration v) {
            elapsed = v;
            return this;
        }

        public Builder extra(String key, String value) {
            extra.put(key, value);
            return this;
        }

        public QueryStats build() {
            return new QueryStats(rowsRead, bytesRead, rowsWritten, bytesWritten, resultRows, affectedRows, elapsed, extra);
        }
    }
}
