package dev.olaphttp.databend.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How the server rendered a result's cells: the session time zone, {@code binary_output_format} and
 * {@code http_json_result_mode}, from the response's {@code settings}. Immutable.
 */
record ResultFormat(ZoneId zone, String binaryFormat, boolean driverMode) {
    static final ResultFormat DEFAULT = new ResultFormat(ZoneOffset.UTC, "HEX", false);

    ResultFormat {
        zone = zone == null ? ZoneOffset.UTC : zone;
        binaryFormat = binaryFormat == null ? "HEX" : binaryFormat;
    }

    /** The zone named by a {@code timezone} setting, UTC when absent or unknown. */
    static ZoneId zoneOf(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
