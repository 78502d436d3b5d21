package dev.olaphttp.starrocks.internal.load;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The caller's {@code option(name, value)}s: Stream Load headers (checked against the documented names so a typo
 * fails before sending) plus the client's own {@code transaction} switch. Immutable.
 */
record LoadOptions(Map<String, String> headers, boolean transaction, ZoneId zone) {
    /** The option that turns on Transaction Stream Load (begin, load, prepare, commit). */
    static final String TRANSACTION = "transaction";

    static final Set<String> HEADERS = Set.of(
            "format", "columns", "where", "max_filter_ratio", "timeout", "strict_mode", "timezone",
            "load_mem_limit", "exec_mem_limit", "partitions", "temporary_partitions", "partial_update",
            "partial_update_mode", "merge_condition", "column_separator", "row_delimiter", "skip_header",
            "trim_space", "enclose", "escape", "jsonpaths", "strip_outer_array", "json_root", "ignore_json_size",
            "compression", "log_rejected_record_num", "idle_transaction_timeout", "prepared_timeout");

    static LoadOptions of(Map<String, String> options, Map<String, String> settings) {
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("StarRocks Stream Load has no server settings; give load options with"
                    + " option(name, value) (max_filter_ratio, timeout, strict_mode...)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        boolean transaction = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.equals(TRANSACTION)) {
                transaction = switch (e.getValue().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("option transaction is true or false");
                };
            } else if (name.equals("label")) {
                throw new IllegalArgumentException("give the label with label(...), not as an option");
            } else if (HEADERS.contains(name)) {
                headers.put(name, e.getValue());
            } else {
                throw new IllegalArgumentException("unknown StarRocks load option '" + e.getKey() + "'; known: "
                        + new java.util.TreeSet<>(HEADERS) + " and " + TRANSACTION);
            }
        }
        ZoneId zone = ZoneOffset.UTC;
        if (headers.containsKey("timezone")) {
            try {
                zone = ZoneId.of(headers.get("timezone"));
            } catch (DateTimeException ex) {
                throw new IllegalArgumentException("option timezone is not a time zone id");
            }
        }
        return new LoadOptions(java.util.Collections.unmodifiableMap(headers), transaction, zone);
    }
}
