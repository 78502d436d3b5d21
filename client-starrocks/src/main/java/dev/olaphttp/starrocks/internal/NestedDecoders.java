package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ARRAY, MAP, STRUCT, JSON and the opaque types (HLL, BITMAP, TIME...). */
final class NestedDecoders {
    private static final JsonFactory JSON = new JsonFactory();

    private NestedDecoders() {}

    /** The JSON text of the value at the current token (compact). */
    static String jsonText(JsonParser p) throws IOException {
        StringWriter w = new StringWriter(32);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    /** ARRAY&lt;T&gt; as a {@link List}. */
    static final class Array extends ValueDecoder {
        private final ValueDecoder element;

        Array(SqlType type, ValueDecoder element) {
            super(type);
            this.element = element;
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw unexpected(p, t);
            }
            List<Object> out = new ArrayList<>();
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in an array");
                }
                out.add(element.decodeNullable(p, e));
            }
            return out;
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text;
        }
    }

    /** MAP&lt;K,V&gt; as an insertion-ordered map; keys arrive as text and are converted to K. */
    static final class MapOf extends ValueDecoder {
        private final ValueDecoder key;
        private final ValueDecoder value;

        MapOf(SqlType type, ValueDecoder key, ValueDecoder value) {
            super(type);
            this.key = key;
            this.value = value;
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw unexpected(p, t);
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            String name;
            while ((name = p.nextFieldName()) != null) {
                Object k = key.decodeText(name, p);
                out.put(k, value.decodeNullable(p, p.nextToken()));
            }
            expectEnd(p);
            return out;
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text;
        }
    }

    /** STRUCT as a {@link List} of field values in the declared order, whatever order the keys arrive in. */
    static final class Struct extends ValueDecoder {
        private final ValueDecoder[] fields;
        private final Map<String, Integer> index = new HashMap<>();

        Struct(SqlType type, ValueDecoder[] fields) {
            super(type);
            this.fields = fields;
            List<String> names = type.fieldNames();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw unexpected(p, t);
            }
            Object[] values = new Object[fields.length];
            String name;
            while ((name = p.nextFieldName()) != null) {
                Integer i = index.get(name);
                if (i == null) {
                    throw new JsonParseException(p, "a value of type " + type.name() + " has an unknown field");
                }
                values[i] = fields[i].decodeNullable(p, p.nextToken());
            }
            expectEnd(p);
            return Arrays.asList(values);
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text;
        }
    }

    private static void expectEnd(JsonParser p) throws IOException {
        JsonToken end = p.currentToken();
        if (end == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in an object");
        }
        if (end != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected the end of an object, got " + end);
        }
    }

    /**
     * JSON columns as their JSON text (a JSON string value keeps its quotes); opaque kinds (HLL, BITMAP: always
     * null from the BE; TIME; unknown types) as the scalar's text or the structure's JSON text.
     */
    static final class JsonText extends ValueDecoder {
        private final boolean json;

        JsonText(SqlType type) {
            super(type);
            this.json = type.kind() == TypeKind.JSON;
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (!json && t.isScalarValue()) {
                return p.getText();
            }
            return jsonText(p);
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text;
        }
    }
}
