package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output settings a result format needs to decode exactly, sent only to servers that know them (an unknown
 * setting fails the query with code 115): JSON columns as text in RowBinary (24.10+), nan/inf as strings in JSON
 * (20.1+; otherwise they arrive as {@code null}), and no exception written inside a JSON result (23.9 to 25.10,
 * where {@code http_write_exception_in_output_format} defaults to 1 and would hide a mid-stream error in the JSON),
 * and date-times in UTC in text formats (20.11+; otherwise a local time in a daylight-saving overlap is ambiguous).
 */
final class FormatSettings {
    static final ServerVersion JSON_AS_STRING = new ServerVersion(24, 10);
    static final ServerVersion WRITE_EXCEPTION_FROM = new ServerVersion(23, 9);
    static final ServerVersion WRITE_EXCEPTION_UNTIL = new ServerVersion(25, 10);
    /** The first release with {@code date_time_output_format} (ClickHouse PR #15845, issue #10862). */
    static final ServerVersion ISO_DATE_TIME = new ServerVersion(20, 11);

    private FormatSettings() {
    }

    /** The settings for {@code format} on {@code version}; empty for an unknown version. */
    static Map<String, String> of(ResultFormat format, ServerVersion version) {
        Map<String, String> m = new LinkedHashMap<>();
        if (format == null || version == null) {
            return m;
        }
        switch (format) {
            case ROW_BINARY -> {
                if (version.compareTo(JSON_AS_STRING) >= 0) {
                    m.put("output_format_binary_write_json_as_string", "1");
                }
            }
            case JSON_COMPACT -> {
                isoDateTimes(m, version);
                if (version.isModern()) {
                    m.put("output_format_json_quote_denormals", "1");
                }
                if (version.compareTo(WRITE_EXCEPTION_FROM) >= 0 && version.compareTo(WRITE_EXCEPTION_UNTIL) <= 0) {
                    m.put("http_write_exception_in_output_format", "0");
                }
            }
            case TSV -> isoDateTimes(m, version); // TabSeparated writes nan/inf and JSON as text
        }
        return m;
    }

    /**
     * Text formats write DateTime as local time, which is ambiguous in a daylight-saving overlap; {@code iso} writes
     * UTC with a {@code Z}. Older servers have no such setting: there the decoder refuses an ambiguous local time.
     */
    private static void isoDateTimes(Map<String, String> m, ServerVersion version) {
        if (version.compareTo(ISO_DATE_TIME) >= 0) {
            m.put("date_time_output_format", "iso");
        }
    }
}
