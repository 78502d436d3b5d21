package dev.olaphttp.clickhouse.internal.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values of JSONCompactEachRow rows with Jackson's streaming parser. 64-bit and wider integers may be bare
 * numbers (25.8+) or quoted strings (older servers, {@code output_format_json_quote_64bit_integers=1}); floats may
 * be numbers, {@code "nan"}/{@code "inf"}/{@code "-inf"} strings ({@code output_format_json_quote_denormals=1}) or
 * {@code null} (the default for non-finite values: read as NaN in a non-Nullable column, since the sign and kind
 * of the value are lost).
 */
final class JsonValues {
    private final JsonFactory factory;

    JsonValues(JsonFactory factory) {
        this.factory = factory;
    }

    /** The value at the parser's current token. */
    Object value(JsonParser p, SqlType t, int depth) throws IOException {
        if (depth > 64) {
            throw new StreamSignals.Malformed("value nested too deeply");
        }
        JsonToken tok = p.currentToken();
        if (tok == JsonToken.VALUE_NULL) {
            if (t.kind() == TypeKind.FLOAT32 && !t.nullable()) {
                return Float.NaN;
            }
            if (t.kind() == TypeKind.FLOAT64 && !t.nullable()) {
                return Double.NaN;
            }
            if (!t.nullable() && t.kind() != TypeKind.NOTHING) {
                throw new StreamSignals.Malformed("null in non-Nullable column of type " + t.name());
            }
            return null;
        }
        switch (t.kind()) {
            case ARRAY: {
                expect(p, JsonToken.START_ARRAY, t);
                List<Object> list = new ArrayList<>();
                SqlType e = t.elements().get(0);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, e, depth + 1));
                }
                return list;
            }
            case MAP: {
                expect(p, JsonToken.START_OBJECT, t);
                Map<Object, Object> map = new LinkedHashMap<>();
                SqlType k = t.elements().get(0);
                SqlType v = t.elements().get(1);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Object key = TextValues.scalar(k, p.currentName());
                    p.nextToken();
                    map.put(key, value(p, v, depth + 1));
                }
                return map;
            }
            case TUPLE:
                return tuple(p, t, depth);
            case JSON:
                if (tok == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                StringWriter w = new StringWriter();
                try (JsonGenerator g = factory.createGenerator(w)) {
                    g.copyCurrentStructure(p);
                }
                return w.toString();
            case FLOAT32, FLOAT64:
                return t.kind() == TypeKind.FLOAT32 ? (Object) (float) floating(p, true) : (Object) floating(p, false);
            case BOOLEAN:
                if (tok == JsonToken.VALUE_TRUE || tok == JsonToken.VALUE_FALSE) {
                    return tok == JsonToken.VALUE_TRUE;
                }
                return TextValues.bool(p.getText());
            case DECIMAL:
                if (tok == JsonToken.VALUE_NUMBER_INT || tok == JsonToken.VALUE_NUMBER_FLOAT) {
                    return Values.decimal(p.getDecimalValue(), t.scale());
                }
                return TextValues.scalar(t, scalarText(p, t));
            default:
                return TextValues.scalar(t, scalarText(p, t));
        }
    }

    /** A float from a number, a {@code "nan"}-style string, or a null that stands for a non-finite value. */
    static double floating(JsonParser p, boolean single) throws IOException {
        JsonToken tok = p.currentToken();
        if (tok == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (tok != JsonToken.VALUE_NUMBER_INT && tok != JsonToken.VALUE_NUMBER_FLOAT && tok != JsonToken.VALUE_STRING) {
            throw new StreamSignals.Malformed("expected a number, got " + tok);
        }
        return TextValues.floating(p.getText(), single);
    }

    /** The text of a scalar token (numbers keep their exact digits). */
    static String scalarText(JsonParser p, SqlType t) throws IOException {
        JsonToken tok = p.currentToken();
        if (tok != null && tok.isScalarValue()) {
            return p.getText();
        }
        throw new StreamSignals.Malformed("expected a " + t.name() + " value, got " + tok);
    }

    private Object tuple(JsonParser p, SqlType t, int depth) throws IOException {
        List<SqlType> fields = t.elements();
        List<Object> out = new ArrayList<>(fields.size());
        if (p.currentToken() == JsonToken.START_ARRAY) {
            for (SqlType f : fields) {
                if (p.nextToken() == JsonToken.END_ARRAY) {
                    throw new StreamSignals.Malformed("tuple with too few fields for " + t.name());
                }
                out.add(value(p, f, depth + 1));
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new StreamSignals.Malformed("tuple with too many fields for " + t.name());
            }
            return out;
        }
        expect(p, JsonToken.START_OBJECT, t);
        Object[] values = new Object[fields.size()];
        boolean[] seen = new boolean[fields.size()];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int i = t.fieldNames().indexOf(p.currentName());
            if (i < 0) {
                throw new StreamSignals.Malformed("unknown tuple field '" + p.currentName() + "' for " + t.name());
            }
            p.nextToken();
            values[i] = value(p, fields.get(i), depth + 1);
            seen[i] = true;
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new StreamSignals.Malformed("tuple field " + t.fieldNames().get(i) + " missing");
            }
            out.add(values[i]);
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken want, SqlType t) throws StreamSignals.Malformed {
        if (p.currentToken() != want) {
            throw new StreamSignals.Malformed("expected " + want + " for " + t.name() + ", got " + p.currentToken());
        }
    }

}
