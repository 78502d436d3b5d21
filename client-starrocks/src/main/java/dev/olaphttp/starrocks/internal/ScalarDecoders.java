package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decoders of numbers, booleans, strings and binaries. Each accepts the JSON form and the text form. */
final class ScalarDecoders {
    private ScalarDecoders() {}

    /** TINYINT..BIGINT: JSON numbers (text in SHOW), range-checked, kept as {@code long}. */
    static final class Int extends ValueDecoder {
        private final long min;
        private final long max;
        private final boolean wide;

        Int(SqlType type) {
            super(type);
            this.wide = type.kind() == TypeKind.INT64;
            switch (type.kind()) {
                case INT8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
                case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
                case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
                default -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
            }
        }

        @Override
        RowBuffer.Slot slot() {
            return wide ? RowBuffer.Slot.LONG : RowBuffer.Slot.INT;
        }

        private long value(JsonParser p, JsonToken t) throws IOException {
            long v;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                v = p.getLongValue();
            } else if (t == JsonToken.VALUE_STRING) {
                v = parse(p.getText(), p);
            } else {
                throw unexpected(p, t);
            }
            if (v < min || v > max) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "a value is out of range for " + type.name());
            }
            return v;
        }

        private long parse(String text, JsonParser p) throws IOException {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(p);
            }
        }

        @Override
        void read(JsonParser p, JsonToken t, RowBuffer row, int col) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                row.setNull(col);
            } else {
                row.setLong(col, value(p, t));
            }
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            long v = value(p, t);
            return wide ? (Object) v : (Object) (int) v;
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            long v = parse(text, p);
            return wide ? (Object) v : (Object) (int) v;
        }
    }

    /** BOOLEAN: the BE sends 1/0; true/false and text are accepted too. */
    static final class Bool extends ValueDecoder {
        Bool(SqlType type) {
            super(type);
        }

        @Override
        RowBuffer.Slot slot() {
            return RowBuffer.Slot.BOOLEAN;
        }

        private boolean value(JsonParser p, JsonToken t) throws IOException {
            return switch (t) {
                case VALUE_NUMBER_INT -> p.getLongValue() != 0;
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_STRING -> parse(p.getText(), p);
                default -> throw unexpected(p, t);
            };
        }

        private boolean parse(String text, JsonParser p) throws IOException {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw invalid(p);
            };
        }

        @Override
        void read(JsonParser p, JsonToken t, RowBuffer row, int col) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                row.setNull(col);
            } else {
                row.setLong(col, value(p, t) ? 1 : 0);
            }
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            return value(p, t);
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            return parse(text, p);
        }
    }

    /** FLOAT and DOUBLE: JSON numbers; text (SHOW, nan, inf) is parsed. */
    static final class Floating extends ValueDecoder {
        private final boolean single;

        Floating(SqlType type) {
            super(type);
            this.single = type.kind() == TypeKind.FLOAT32;
        }

        @Override
        RowBuffer.Slot slot() {
            return single ? RowBuffer.Slot.FLOAT : RowBuffer.Slot.DOUBLE;
        }

        private double value(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                // straight from the token's characters: getDoubleValue() would build a String per value
                return com.fasterxml.jackson.core.io.NumberInput.parseDouble(
                        p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
            }
            if (t == JsonToken.VALUE_STRING) {
                return parse(p.getText(), p);
            }
            throw unexpected(p, t);
        }

        private double parse(String text, JsonParser p) throws IOException {
            String s = text.trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "nan", "-nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw invalid(p);
                    }
            }
        }

        @Override
        void read(JsonParser p, JsonToken t, RowBuffer row, int col) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                row.setNull(col);
            } else {
                row.setDouble(col, value(p, t));
            }
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            double d = value(p, t);
            return single ? (Object) (float) d : (Object) d;
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            double d = parse(text, p);
            return single ? (Object) (float) d : (Object) d;
        }
    }

    /** DECIMAL (all widths): strings with exactly {@code scale} fraction digits; numbers accepted. */
    static final class Decimal extends ValueDecoder {
        Decimal(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } catch (NumberFormatException e) {
                    throw invalid(p);
                }
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDecimalValue();
            }
            throw unexpected(p, t);
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(p);
            }
        }
    }

    /** LARGEINT: a string of digits (a number is accepted). */
    static final class Big extends ValueDecoder {
        Big(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return decodeText(p.getText(), p);
            }
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return p.getBigIntegerValue();
            }
            throw unexpected(p, t);
        }

        @Override
        Object decodeText(String text, JsonParser p) throws IOException {
            try {
                return new BigInteger(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(p);
            }
        }
    }

    /** CHAR, VARCHAR, STRING: JSON strings; scalars in SHOW output are taken as their text. */
    static final class Text extends ValueDecoder {
        Text(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t.isScalarValue()) {
                return p.getText();
            }
            throw unexpected(p, t);
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text;
        }
    }

    /** VARBINARY: the BE writes the bytes as a JSON string; returned as that string's UTF-8 bytes. */
    static final class Binary extends ValueDecoder {
        Binary(SqlType type) {
            super(type);
        }

        @Override
        Object decode(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return p.getText().getBytes(StandardCharsets.UTF_8);
            }
            throw unexpected(p, t);
        }

        @Override
        Object decodeText(String text, JsonParser p) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
