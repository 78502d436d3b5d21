package dev.olaphttp.starrocks.internal.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Stream Load or transaction response: the PascalCase object the BE writes ({@code TxnId, Label, Status,
 * Message, NumberLoadedRows, LoadBytes, ..., ErrorURL}) with every scalar field kept as text in server order, or
 * the FE's {@code {"status":"FAILED","msg":…}} envelope. Immutable.
 */
record LoadResponse(Map<String, String> fields) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Parses a body; {@code null} when it is not a JSON object. */
    static LoadResponse parse(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (t.isScalarValue()) {
                    fields.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
            return new LoadResponse(Collections.unmodifiableMap(fields));
        } catch (IOException e) {
            return null;
        }
    }

    /** The BE's {@code Status}, or {@code null} when this is not a load response. */
    String status() {
        return fields.get("Status");
    }

    /** True for the FE's lower-case error envelope. */
    boolean isFeEnvelope() {
        return !fields.containsKey("Status") && fields.containsKey("status");
    }

    /** The FE envelope's message ({@code msg}, else {@code message}). */
    String envelopeMessage() {
        String m = fields.get("msg");
        return m == null || m.isBlank() ? fields.getOrDefault("message", "") : m;
    }

    String get(String name) {
        return fields.get(name);
    }

    String message() {
        String m = fields.get("Message");
        return m == null ? "" : m;
    }

    /** A numeric field, or -1 when missing or not a number. */
    long number(String name) {
        String v = fields.get(name);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
