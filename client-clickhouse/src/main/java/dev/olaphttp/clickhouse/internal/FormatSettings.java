package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output settings a result format needs to decode exactly, sent only to servers that know them (an unknown
 * setting fails the query with code 115): JSON columns as text in RowBinary (24.10+), nan/inf as strings in JSON
 * (20.1+; otherwise they arrive as {@code null}), and no exception written inside a JSON result (23.9 to 25.10,
 * where {@code http_write_exception_in_output_format} defaults to 1 and would hide a mid-stream error in the JSON).
 */
final class FormatSettings {
    static final ServerVersion JSON_AS_STRING = new ServerVersion(24, 10);
    static final ServerVersion WRITE_EXCEPTION_FROM = new ServerVersion(23, 9);
    static final ServerVersion WRITE_EXCEPTION_UNTIL = new ServerVersion(25, 10);

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
                if (version.isModern()) {
                    m.put("output_format_json_quote_denormals", "1");
                }
                if (version.compareTo(WRITE_EXCEPTION_FROM) >= 0 && version.compareTo(WRITE_EXCEPTION_UNTIL) <= 0) {
                    m.put("http_write_exception_in_output_format", "0");
                }
            }
            case TSV -> {
                // nothing needed: TabSeparated writes nan/inf and JSON as text
            }
        }
        return m;
    }
}
