package dev.olaphttp.clickhouse.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.QueryStats;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads ClickHouse's response headers: {@code X-ClickHouse-Summary} and {@code X-ClickHouse-Progress} (JSON objects
 * whose values are strings) into {@link QueryStats}, and the facts shown in {@code RowCursor.serverInfo()}.
 */
final class ChHeaders {
    private static final JsonFactory JSON = new JsonFactory();

    private ChHeaders() {}

    /** {@code X-ClickHouse-Summary} as statistics; unknown when absent or malformed. */
    static QueryStats summary(HttpResponse response) {
        String v = response.header("X-ClickHouse-Summary");
        return v == null ? QueryStats.unknown() : stats(v);
    }

    /** A summary or progress JSON object as statistics. */
    static QueryStats stats(String json) {
        Map<String, String> fields = fields(json);
        if (fields.isEmpty()) {
            return QueryStats.unknown();
        }
        QueryStats.Builder b = QueryStats.builder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            long n = number(e.getValue());
            switch (e.getKey()) {
                case "read_rows" -> b.rowsRead(n);
                case "read_bytes" -> b.bytesRead(n);
                case "written_rows" -> b.rowsWritten(n).affectedRows(n);
                case "written_bytes" -> b.bytesWritten(n);
                case "result_rows" -> b.resultRows(n);
                case "elapsed_ns" -> b.elapsed(n < 0 ? Duration.ZERO : Duration.ofNanos(n));
                default -> b.extra(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isScalarValue()) {
                    out.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** The headers users may want to see, under their own names, plus the server version when known. */
    static Map<String, String> serverInfo(HttpResponse response, ServerVersion version) {
        Map<String, String> info = new LinkedHashMap<>();
        for (String h : new String[] {
            "X-ClickHouse-Server-Display-Name", "X-ClickHouse-Timezone", "X-ClickHouse-Format",
            "X-ClickHouse-Query-Id"
        }) {
            String v = response.header(h);
            if (v != null) {
                info.put(h, v);
            }
        }
        if (version != null) {
            info.put("serverVersion", version.toString());
        }
        return java.util.Collections.unmodifiableMap(info);
    }
}
