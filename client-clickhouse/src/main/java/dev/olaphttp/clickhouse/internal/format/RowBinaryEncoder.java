package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows in ClickHouse {@code RowBinary} for {@code INSERT ... FORMAT RowBinary}: one writer per column, chosen
 * once from the column's type. Values are the Java types the client reads back (or close relatives: an {@code int}
 * for a 64-bit column, a {@code String} for a date); a value that does not fit its column exactly is rejected
 * (never rounded or truncated) with an {@link IllegalArgumentException} naming the column, never the value.
 */
public final class RowBinaryEncoder {
    /** Writes one value of a column. */
    @FunctionalInterface
    interface Writer {
        void write(BinaryOut out, Object v) throws IOException;
    }

    private final Writer[] writers;
    private final String[] names;

    private RowBinaryEncoder(Writer[] writers, String[] names) {
        this.writers = writers;
        this.names = names;
    }

    /**
     * An encoder for columns of these ClickHouse types.
     *
     * @throws IllegalArgumentException if a type has no RowBinary encoding here (see {@link #supports})
     */
    public static RowBinaryEncoder of(List<String> names, List<String> typeNames, ZoneId serverZone) {
        Writer[] w = new Writer[typeNames.size()];
        for (int i = 0; i < w.length; i++) {
            SqlType t = ClickHouseTypes.parse(typeNames.get(i), serverZone);
            w[i] = writer(t);
        }
        return new RowBinaryEncoder(w, names.toArray(String[]::new));
    }

    /** Whether every value of the type can be written in RowBinary by this encoder. */
    public static boolean supports(String typeName, ZoneId serverZone) {
        try {
            return supports(ClickHouseTypes.parse(typeName, serverZone));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean supports(SqlType t) {
        return switch (t.kind()) {
            case JSON, TIME, INTERVAL, NOTHING, OTHER, BINARY, TIMESTAMP_TZ -> false;
            case ARRAY, MAP, TUPLE -> t.elements().stream().allMatch(RowBinaryEncoder::supports);
            case FLOAT32 -> !ClickHouseTypes.baseName(t).equals("BFloat16");
            default -> true;
        };
    }

    /** The number of columns. */
    public int width() {
        return writers.length;
    }

    /** Writes one row; {@code rowNumber} (1-based) only names the row in errors. */
    public void writeRow(BinaryOut out, Object[] row, long rowNumber) throws IOException {
        if (row == null || row.length != writers.length) {
            throw new IllegalArgumentException("row " + rowNumber + " has " + (row == null ? 0 : row.length)
                    + " values for " + writers.length + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            try {
                writers[i].write(out, row[i]);
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("row " + rowNumber + ", column '" + names[i] + "': "
                        + e.getMessage(), null);
            }
        }
    }

    static Writer writer(SqlType t) {
        Writer plain = plain(t);
        if (t.nullable()) {
            return (out, v) -> {
                if (v == null) {
                    out.writeByte(1);
                } else {
                    out.writeByte(0);
                    plain.write(out, v);
                }
            };
        }
        return (out, v) -> {
            if (v == null) {
                throw new IllegalArgumentException("NULL in a column of non-Nullable type " + t.name());
            }
            plain.write(out, v);
        };
    }

    private static Writer plain(SqlType t) {
        String base = ClickHouseTypes.baseName(t);
        switch (t.kind()) {
            case BOOLEAN:
                return (out, v) -> out.writeByte(Coerce.bool(v) ? 1 : 0);
            case INT8:
                return (out, v) -> out.writeByte((int) Coerce.integer(v, -128, 127));
            case UINT8:
                return (out, v) -> out.writeByte((int) Coerce.integer(v, 0, 255));
            case INT16:
                return (out, v) -> out.writeShortLE((int) Coerce.integer(v, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT16:
                return (out, v) -> out.writeShortLE((int) Coerce.integer(v, 0, 65535));
            case INT32:
                return (out, v) -> out.writeIntLE((int) Coerce.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case UINT32:
                return (out, v) -> out.writeIntLE((int) Coerce.integer(v, 0, 0xffffffffL));
            case INT64:
                return (out, v) -> out.writeLongLE(Coerce.integer(v, Long.MIN_VALUE, Long.MAX_VALUE));
            case UINT64:
                return (out, v) -> {
                    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                        out.writeLongLE(Coerce.integer(v, 0, Long.MAX_VALUE));
                    } else {
                        wide(out, Coerce.bigInteger(v, 64, true), 8);
                    }
                };
            case INT128, UINT128, INT256, UINT256: {
                int size = t.kind() == TypeKind.INT128 || t.kind() == TypeKind.UINT128 ? 16 : 32;
                boolean unsigned = t.kind() == TypeKind.UINT128 || t.kind() == TypeKind.UINT256;
                return (out, v) -> wide(out, Coerce.bigInteger(v, size * 8, unsigned), size);
            }
            case FLOAT32:
                return (out, v) -> out.writeIntLE(Float.floatToRawIntBits(Coerce.float32(v)));
            case FLOAT64:
                return (out, v) -> out.writeLongLE(Double.doubleToRawLongBits(Coerce.float64(v)));
            case DECIMAL: {
                int p = t.precision();
                int scale = t.scale();
                int size = p <= 9 ? 4 : p <= 18 ? 8 : p <= 38 ? 16 : 32;
                return (out, v) -> {
                    BigInteger unscaled = Coerce.decimal(v, p, scale);
                    switch (size) {
                        case 4 -> out.writeIntLE(unscaled.intValueExact());
                        case 8 -> out.writeLongLE(unscaled.longValueExact());
                        default -> wide(out, unscaled, size);
                    }
                };
            }
            case STRING:
                return (out, v) -> {
                    if (v instanceof String s) {
                        out.writeUtf8(s);
                        return;
                    }
                    byte[] b = Coerce.bytes(v);
                    out.writeVarUInt(b.length);
                    out.write(b, 0, b.length);
                };
            case FIXED_STRING: {
                int n = t.precision();
                return (out, v) -> {
                    byte[] b = Coerce.bytes(v);
                    if (b.length > n) {
                        throw new IllegalArgumentException(b.length + " bytes do not fit " + t.name());
                    }
                    out.write(b, 0, b.length);
                    out.zeros(n - b.length);
                };
            }
            case UUID:
                return (out, v) -> {
                    java.util.UUID u = Coerce.uuid(v);
                    out.writeLongLE(u.getMostSignificantBits());
                    out.writeLongLE(u.getLeastSignificantBits());
                };
            case DATE:
                if (base.equals("Date32")) {
                    return (out, v) -> out.writeIntLE((int) Coerce.range(Coerce.epochDay(v), -25567, 120529, t));
                }
                return (out, v) -> out.writeShortLE((int) Coerce.range(Coerce.epochDay(v), 0, 65535, t));
            case TIMESTAMP: {
                ZoneId zone = t.zone().orElse(null);
                if (base.equals("DateTime64")) {
                    int p = t.precision();
                    return (out, v) -> out.writeLongLE(Coerce.ticks(v, zone, p));
                }
                return (out, v) -> out.writeIntLE((int) Coerce.range(Coerce.ticks(v, zone, 0), 0, 0xffffffffL, t));
            }
            case ENUM: {
                Map<String, Integer> codes = new HashMap<>();
                t.enumValues().forEach((code, label) -> codes.put(label, code));
                boolean wide = base.equals("Enum16");
                return (out, v) -> {
                    int code = Coerce.enumCode(v, codes, t.enumValues());
                    if (wide) {
                        out.writeShortLE(code);
                    } else {
                        out.writeByte(code);
                    }
                };
            }
            case IPV4:
                return (out, v) -> out.writeIntLE(Coerce.ipv4(v));
            case IPV6:
                return (out, v) -> {
                    byte[] b = Coerce.ipv6(v);
                    out.write(b, 0, 16);
                };
            case ARRAY: {
                Writer e = writer(t.elements().get(0));
                return (out, v) -> {
                    if (v instanceof Collection<?> c) {
                        out.writeVarUInt(c.size());
                        for (Object x : c) {
                            e.write(out, x);
                        }
                    } else if (v.getClass().isArray()) {
                        int n = Array.getLength(v);
                        out.writeVarUInt(n);
                        for (int i = 0; i < n; i++) {
                            e.write(out, Array.get(v, i));
                        }
                    } else {
                        throw Coerce.wrongType(v, t);
                    }
                };
            }
            case MAP: {
                Writer k = writer(t.elements().get(0));
                Writer val = writer(t.elements().get(1));
                return (out, v) -> {
                    if (!(v instanceof Map<?, ?> m)) {
                        throw Coerce.wrongType(v, t);
                    }
                    out.writeVarUInt(m.size());
                    for (Map.Entry<?, ?> en : m.entrySet()) {
                        k.write(out, en.getKey());
                        val.write(out, en.getValue());
                    }
                };
            }
            case TUPLE: {
                Writer[] fields = t.elements().stream().map(RowBinaryEncoder::writer).toArray(Writer[]::new);
                return (out, v) -> {
                    List<?> list = v instanceof List<?> l ? l
                            : v instanceof Object[] a ? java.util.Arrays.asList(a) : null;
                    if (list == null || list.size() != fields.length) {
                        throw new IllegalArgumentException(t.name() + " needs a List of " + fields.length + " values");
                    }
                    for (int i = 0; i < fields.length; i++) {
                        fields[i].write(out, list.get(i));
                    }
                };
            }
            default:
                throw new IllegalArgumentException("type " + t.name() + " cannot be written as RowBinary");
        }
    }

    /** A two's complement integer in {@code size} little-endian bytes (range already checked). */
    private static void wide(BinaryOut out, BigInteger v, int size) throws IOException {
        byte[] be = v.toByteArray();
        out.ensure(size);
        int fill = v.signum() < 0 ? 0xff : 0;
        for (int i = 0; i < size; i++) {
            int j = be.length - 1 - i;
            out.writeByte(j >= 0 ? be[j] : fill);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
