package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RowBinary value readers for any type, built once per column from its {@link SqlType}. Used for nested values and
 * for top-level columns that are not kept in primitive slots.
 */
final class BinaryValues {
    /** Reads one value. */
    @FunctionalInterface
    interface Reader {
        Object read(BodyReader in) throws IOException;
    }

    private BinaryValues() {
    }

    /** A reader of the type's values, including its Nullable marker. */
    static Reader reader(SqlType t) {
        Reader r = plain(t);
        if (t.nullable() && t.kind() != TypeKind.JSON) {
            return in -> in.readByte() != 0 ? null : r.read(in);
        }
        return r;
    }

    /** A length prefix (of a string, or an array's or map's element count), checked against the value bound. */
    static int length(BodyReader in) throws IOException {
        long n = in.readVarUInt();
        if (n < 0 || n > in.maxValue) {
            throw new StreamSignals.TooLarge("a length prefix of " + Long.toUnsignedString(n)
                    + " exceeds the bound of " + in.maxValue + " bytes per value");
        }
        return (int) n;
    }

    /** Reads {@code len} bytes, growing the array only as the data actually arrives. */
    static byte[] bytes(BodyReader in, int len) throws IOException {
        byte[] b = new byte[Math.min(len, 1 << 16)];
        int done = 0;
        while (done < len) {
            if (done == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(len, 2L * b.length));
            }
            int n = b.length - done;
            in.readFully(b, done, n);
            done += n;
        }
        return b;
    }

    private static Reader plain(SqlType t) {
        String base = ClickHouseTypes.baseName(t);
        switch (t.kind()) {
            case INT8:
                return in -> (int) (byte) in.readByte();
            case UINT8:
                return in -> in.readByte();
            case INT16:
                return in -> (int) (short) in.readShortLE();
            case UINT16:
                return in -> in.readShortLE();
            case INT32:
                return in -> in.readIntLE();
            case UINT32:
                return in -> in.readIntLE() & 0xffffffffL;
            case INT64:
                return in -> in.readLongLE();
            case UINT64:
                return in -> LongView.UNSIGNED.box(in.readLongLE());
            case INT128, UINT128, INT256, UINT256: {
                int size = t.kind() == TypeKind.INT128 || t.kind() == TypeKind.UINT128 ? 16 : 32;
                boolean unsigned = t.kind() == TypeKind.UINT128 || t.kind() == TypeKind.UINT256;
                return in -> bigInteger(in, size, unsigned);
            }
            case FLOAT32:
                if (base.equals("BFloat16")) {
                    return in -> Float.intBitsToFloat(in.readShortLE() << 16);
                }
                return in -> Float.intBitsToFloat(in.readIntLE());
            case FLOAT64:
                return in -> Double.longBitsToDouble(in.readLongLE());
            case BOOLEAN:
                return in -> in.readByte() != 0;
            case DECIMAL:
                return decimal(t);
            case STRING:
                return in -> {
                    byte[] b = bytes(in, length(in));
                    return Values.utf8Strict(b, 0, b.length);
                };
            case FIXED_STRING: {
                int n = t.precision();
                return in -> {
                    byte[] b = bytes(in, n);
                    return Values.utf8Strict(b, 0, b.length);
                };
            }
            case UUID:
                return in -> {
                    long hi = in.readLongLE();
                    return new UUID(hi, in.readLongLE());
                };
            case IPV4:
                return in -> Values.ipv4(in.readIntLE());
            case IPV6:
                return in -> {
                    byte[] b = new byte[16];
                    in.readFully(b, 0, 16);
                    return Values.ipv6(b);
                };
            case ENUM: {
                Map<Integer, String> labels = t.enumValues();
                boolean wide = base.equals("Enum16");
                return in -> {
                    int v = wide ? (short) in.readShortLE() : (byte) in.readByte();
                    String label = labels.get(v);
                    if (label == null) {
                        throw new StreamSignals.Malformed("enum value " + v + " is not in " + t.name());
                    }
                    return label;
                };
            }
            case DATE, TIMESTAMP, TIME: {
                LongView view = AbstractDecoder.longView(t);
                LongReader raw = longReader(t);
                return in -> view.box(raw.read(in));
            }
            case ARRAY: {
                Reader e = reader(t.elements().get(0));
                return in -> {
                    int n = length(in);
                    List<Object> list = new ArrayList<>(Math.min(n, 1024));
                    for (int i = 0; i < n; i++) {
                        list.add(e.read(in));
                    }
                    return list;
                };
            }
            case MAP: {
                Reader k = reader(t.elements().get(0));
                Reader v = reader(t.elements().get(1));
                return in -> {
                    int n = length(in);
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        Object key = k.read(in);
                        map.put(key, v.read(in));
                    }
                    return map;
                };
            }
            case TUPLE: {
                Reader[] fields = t.elements().stream().map(BinaryValues::reader).toArray(Reader[]::new);
                return in -> {
                    List<Object> list = new ArrayList<>(fields.length);
                    for (Reader f : fields) {
                        list.add(f.read(in));
                    }
                    return list;
                };
            }
            case JSON:
                return json(t, base);
            case NOTHING:
                return in -> {
                    throw new StreamSignals.Malformed("a value of type Nothing cannot be decoded");
                };
            default:
                return in -> {
                    throw new StreamSignals.Malformed("RowBinary values of type " + t.name()
                            + " are not supported; cast the column to String in the query");
                };
        }
    }

    /** The raw long of a Date, Date32, DateTime, DateTime64, Time or Time64 value. */
    @FunctionalInterface
    interface LongReader {
        long read(BodyReader in) throws IOException;
    }

    static LongReader longReader(SqlType t) {
        String base = ClickHouseTypes.baseName(t);
        return switch (base) {
            case "Date" -> BodyReader::readShortLE;
            case "Date32", "Time" -> in -> in.readIntLE();
            case "DateTime" -> in -> in.readIntLE() & 0xffffffffL;
            default -> BodyReader::readLongLE;
        };
    }

    private static Object bigInteger(BodyReader in, int size, boolean unsigned) throws IOException {
        byte[] b = new byte[size];
        in.readFully(b, 0, size);
        return Values.fromLittleEndian(b, unsigned);
    }

    private static Reader decimal(SqlType t) {
        int p = t.precision();
        int scale = t.scale();
        if (p <= 9) {
            return in -> BigDecimal.valueOf(in.readIntLE(), scale);
        }
        if (p <= 18) {
            return in -> BigDecimal.valueOf(in.readLongLE(), scale);
        }
        int size = p <= 38 ? 16 : 32;
        return in -> new BigDecimal((BigInteger) bigInteger(in, size, false), scale);
    }

    private static Reader json(SqlType t, String base) {
        if (base.equals("Variant")) {
            List<SqlType> sorted = new ArrayList<>(t.elements());
            sorted.sort(Comparator.comparing(SqlType::name));
            Reader[] alts = sorted.stream().map(BinaryValues::reader).toArray(Reader[]::new);
            return in -> {
                int d = in.readByte();
                if (d == 255) {
                    return null;
                }
                if (d >= alts.length) {
                    throw new StreamSignals.Malformed("Variant discriminator " + d + " out of range for " + t.name());
                }
                return Values.text(alts[d].read(in));
            };
        }
        if (base.equals("Dynamic")) {
            return new DynamicValues()::read;
        }
        return in -> {
            byte[] b = bytes(in, length(in));
            if (b.length == 0 || b[0] != '{' || b[b.length - 1] != '}') {
                throw new StreamSignals.Malformed("JSON column in binary form; the query must send "
                        + "output_format_binary_write_json_as_string=1 to read " + t.name() + " as RowBinary");
            }
            return Values.utf8(b, 0, b.length);
        };
    }
}
