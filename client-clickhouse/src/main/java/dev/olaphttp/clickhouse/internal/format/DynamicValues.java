package dev.olaphttp.clickhouse.internal.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a RowBinary {@code Dynamic} value: its type in ClickHouse's binary type encoding, then the value, rendered
 * as text. Types without a plain binary value (Set, Interval, Function, AggregateFunction, custom, nested Dynamic)
 * raise a decode error.
 */
final class DynamicValues {
    private static final int MAX_CACHED = 256;
    /** Readers by type name, per column (a Dynamic column usually holds few types). */
    private final Map<String, BinaryValues.Reader> cache = new HashMap<>();

    /** Reads one value of a Dynamic column. */
    Object read(BodyReader in) throws IOException {
        String type = typeName(in, 0);
        if (type.equals("Nothing")) {
            return null;
        }
        BinaryValues.Reader r = cache.get(type);
        if (r == null) {
            r = BinaryValues.reader(ClickHouseTypes.parse(type, ZoneOffset.UTC));
            if (cache.size() < MAX_CACHED) {
                cache.put(type, r);
            }
        }
        Object v = r.read(in);
        return v == null ? null : Values.text(v);
    }

    /** The ClickHouse type name of a binary-encoded type. */
    static String typeName(BodyReader in, int depth) throws IOException {
        if (depth > 32) {
            throw new StreamSignals.Malformed("binary type nested too deeply");
        }
        int code = in.readByte();
        return switch (code) {
            case 0x00 -> "Nothing";
            case 0x01 -> "UInt8";
            case 0x02 -> "UInt16";
            case 0x03 -> "UInt32";
            case 0x04 -> "UInt64";
            case 0x05 -> "UInt128";
            case 0x06 -> "UInt256";
            case 0x07 -> "Int8";
            case 0x08 -> "Int16";
            case 0x09 -> "Int32";
            case 0x0A -> "Int64";
            case 0x0B -> "Int128";
            case 0x0C -> "Int256";
            case 0x0D -> "Float32";
            case 0x0E -> "Float64";
            case 0x0F -> "Date";
            case 0x10 -> "Date32";
            case 0x11 -> "DateTime";
            case 0x12 -> "DateTime(" + quote(string(in)) + ")";
            case 0x13 -> "DateTime64(" + in.readByte() + ")";
            case 0x14 -> {
                int p = in.readByte();
                yield "DateTime64(" + p + ", " + quote(string(in)) + ")";
            }
            case 0x15 -> "String";
            case 0x16 -> "FixedString(" + BinaryValues.length(in) + ")";
            case 0x17, 0x18 -> enumType(in, code == 0x18);
            case 0x19, 0x1A, 0x1B, 0x1C -> {
                int p = in.readByte();
                yield "Decimal(" + p + ", " + in.readByte() + ")";
            }
            case 0x1D -> "UUID";
            case 0x1E -> "Array(" + typeName(in, depth + 1) + ")";
            case 0x1F -> "Tuple(" + list(in, depth, false) + ")";
            case 0x20 -> "Tuple(" + list(in, depth, true) + ")";
            case 0x23 -> "Nullable(" + typeName(in, depth + 1) + ")";
            case 0x26 -> "LowCardinality(" + typeName(in, depth + 1) + ")";
            case 0x27 -> {
                String k = typeName(in, depth + 1);
                yield "Map(" + k + ", " + typeName(in, depth + 1) + ")";
            }
            case 0x28 -> "IPv4";
            case 0x29 -> "IPv6";
            case 0x2A -> "Variant(" + list(in, depth, false) + ")";
            case 0x2D -> "Bool";
            default -> throw new StreamSignals.Malformed(String.format(
                    "Dynamic value of binary type 0x%02x cannot be decoded; cast the column to String", code));
        };
    }

    private static String list(BodyReader in, int depth, boolean named) throws IOException {
        int n = BinaryValues.length(in);
        if (n > 1000) {
            throw new StreamSignals.Malformed("binary type with " + n + " elements");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "");
            if (named) {
                sb.append('`').append(string(in).replace("`", "``")).append("` ");
            }
            sb.append(typeName(in, depth + 1));
        }
        return sb.toString();
    }

    private static String enumType(BodyReader in, boolean wide) throws IOException {
        int n = BinaryValues.length(in);
        StringBuilder sb = new StringBuilder(wide ? "Enum16(" : "Enum8(");
        for (int i = 0; i < n; i++) {
            String label = string(in);
            int v = wide ? (short) in.readShortLE() : (byte) in.readByte();
            sb.append(i > 0 ? ", " : "").append(quote(label)).append(" = ").append(v);
        }
        return sb.append(')').toString();
    }

    private static String string(BodyReader in) throws IOException {
        int n = BinaryValues.length(in);
        if (n > 4096) {
            throw new StreamSignals.Malformed("binary type name part of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
