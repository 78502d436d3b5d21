package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/** Integers that fit a long (UInt64 kept as its unsigned bits) and booleans, unboxed. */
final class LongColumn extends CellColumn {
    private final TypeKind kind;
    private final boolean textual; // Boolean and UInt64 have their own parsers; the rest are range-checked longs
    private final long min;
    private final long max;
    private long[] values = new long[0];

    LongColumn(String name, SqlType type) {
        super(name, type, LONGS);
        this.kind = type.kind();
        this.textual = kind == TypeKind.BOOLEAN || kind == TypeKind.UINT64;
        this.min = switch (kind) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case UINT8, UINT16, UINT32 -> 0;
            default -> Long.MIN_VALUE;
        };
        this.max = switch (kind) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case UINT8 -> 0xFF;
            case UINT16 -> 0xFFFF;
            case UINT32 -> 0xFFFF_FFFFL;
            default -> Long.MAX_VALUE;
        };
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void read(JsonParser p, int row) throws IOException {
        nulls[row] = false;
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            values[row] = t == JsonToken.VALUE_TRUE ? 1 : 0;
            return;
        }
        char[] b = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (!textual) { // the common case: one parse and a range check decided per column
            long v = ValueText.parseLong(b, off, len);
            if (v < min || v > max) {
                throw new ArithmeticException("integer out of range for " + kind);
            }
            values[row] = v;
        } else {
            values[row] = kind == TypeKind.BOOLEAN ? ValueText.parseBoolean(b, off, len)
                    : ValueText.parseUnsignedLong(b, off, len);
        }
    }

    /** Returns {@code v} if the kind can hold it; throws otherwise. */
    static long inRange(TypeKind kind, long v) {
        boolean ok = switch (kind) {
            case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT8 -> v >= 0 && v <= 0xFF;
            case UINT16 -> v >= 0 && v <= 0xFFFF;
            case UINT32 -> v >= 0 && v <= 0xFFFF_FFFFL;
            default -> true;
        };
        if (!ok) {
            throw new ArithmeticException("integer out of range for " + kind);
        }
        return v;
    }

    @Override
    long getLong(int row) {
        return values[row];
    }

    @Override
    Object getObject(int row) {
        if (nulls[row]) {
            return null;
        }
        long v = values[row];
        return switch (kind) {
            case BOOLEAN -> v != 0;
            case INT8, INT16, INT32, UINT8, UINT16 -> (int) v;
            case UINT64 -> v >= 0 ? BigInteger.valueOf(v) : new BigInteger(Long.toUnsignedString(v));
            default -> v;
        };
    }
}
