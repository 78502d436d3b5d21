package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Databend's error envelope {@code {"error":{"code":..,"message":..,"detail":..}}}, or a Databend Cloud gateway's
 * {@code {"kind":..,"message":..}}; {@link #parse} returns {@code null} for anything else (HTML, plain text).
 */
record ErrorBody(Integer code, String message, String detail, String kind) {

    static ErrorBody parse(String text) {
        String t = text.stripLeading();
        if (!t.startsWith("{")) {
            return null;
        }
        try (JsonParser p = PageParser.JSON.createParser(t)) {
            p.nextToken();
            Integer code = null;
            String message = null;
            String detail = null;
            String kind = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals("error") && v == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        JsonToken w = p.nextToken();
                        switch (g) {
                            case "code" -> code = w == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                            case "message" -> message = w.isScalarValue() ? p.getText() : skip(p);
                            case "detail" -> detail = w.isScalarValue() ? p.getText() : skip(p);
                            default -> p.skipChildren();
                        }
                    }
                } else if (f.equals("kind") && v == JsonToken.VALUE_STRING) {
                    kind = p.getText();
                } else if (f.equals("message") && v == JsonToken.VALUE_STRING && message == null) {
                    message = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (message == null && code == null) {
                return null;
            }
            return new ErrorBody(code, message == null ? "" : message, detail, kind);
        } catch (IOException e) {
            return null;
        }
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
