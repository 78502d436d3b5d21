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
    private long[] values = new long[0];

    LongColumn(String name, SqlType type) {
        super(name, type);
        this.kind = type.kind();
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void read(JsonParser p, int row) throws IOException {
        nulls[row] = false;
        if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
            values[row] = p.currentToken() == JsonToken.VALUE_TRUE ? 1 : 0;
            return;
        }
        char[] b = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        long v;
        if (kind == TypeKind.BOOLEAN) {
            v = ValueText.parseBoolean(b, off, len);
        } else if (kind == TypeKind.UINT64) {
            v = ValueText.parseUnsignedLong(b, off, len);
        } else {
            v = inRange(kind, ValueText.parseLong(b, off, len));
        }
        values[row] = v;
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
