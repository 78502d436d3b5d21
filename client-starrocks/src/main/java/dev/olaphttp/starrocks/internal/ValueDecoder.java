package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import java.io.IOException;

/**
 * Decodes one column's JSON values, chosen once per column from its {@link SqlType}. {@link #read} stores a
 * top-level cell into the row (primitive decoders without boxing); {@link #decode} returns a nested value as its
 * Java type; {@link #decodeText} reads a map key or a SHOW cell given as text.
 */
abstract class ValueDecoder {
    final SqlType type;

    ValueDecoder(SqlType type) {
        this.type = type;
    }

    /** How the row stores this column. */
    RowBuffer.Slot slot() {
        return RowBuffer.Slot.OBJECT;
    }

    /** Stores the value at the parser's current token {@code t} (already read) into {@code row}. */
    void read(JsonParser p, JsonToken t, RowBuffer row, int col) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            row.setNull(col);
        } else {
            row.setObject(col, decode(p, t));
        }
    }

    /** The value at the current token, {@code null} for JSON null. */
    final Object decodeNullable(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : decode(p, t);
    }

    /** The non-null value at the current token as {@link SqlType#javaType()}. */
    abstract Object decode(JsonParser p, JsonToken t) throws IOException;

    /** The value written as text (a map key, a SHOW cell). */
    abstract Object decodeText(String text, JsonParser p) throws IOException;

    /** A parse error naming the type and what arrived, never the value. */
    final JsonParseException unexpected(JsonParser p, JsonToken t) {
        return new JsonParseException(p, "a value of type " + type.name() + " cannot be " + describe(t));
    }

    /** A parse error for text that is not a valid value of this type (the text is not quoted). */
    final JsonParseException invalid(JsonParser p) {
        return new JsonParseException(p, "a text value is not a valid " + type.name());
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            default -> "JSON " + t;
        };
    }
}
