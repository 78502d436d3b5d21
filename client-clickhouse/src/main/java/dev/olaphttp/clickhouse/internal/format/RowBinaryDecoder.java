package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.Column;
import dev.olaphttp.SqlType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code RowBinaryWithNamesAndTypes}: a LEB128 column count, names, type names, then rows in RowBinary. */
final class RowBinaryDecoder extends AbstractDecoder {
    private static final int MAX_COLUMNS = 100_000;
    private static final int MAX_HEADER_FIELD = 1 << 20;
    private long headerBytes;
    /** Per-column kind codes, so the common types are read by one switch instead of a call per column. */
    private static final byte I8 = 1, U8 = 2, I16 = 3, U16 = 4, I32 = 5, U32 = 6, I64 = 7, F32 = 8, F64 = 9,
            STR = 10, DATETIME = 11, OTHER = 0;
    private ColumnReader[] readers;
    private byte[] kinds;
    private boolean[] nullable;

    /** Reads one top-level value into the row's slots. */
    @FunctionalInterface
    private interface ColumnReader {
        void read(BodyReader in, RowBuffer row, int column) throws IOException;
    }

    RowBinaryDecoder(BodyReader in, DecoderContext ctx) {
        super(in, ctx);
    }

    @Override
    String formatName() {
        return "RowBinaryWithNamesAndTypes";
    }

    @Override
    boolean bytesForStrings() {
        return true;
    }

    @Override
    List<Column> readHeader() throws IOException {
        if (!in.fill()) {
            throw StreamSignals.emptyBody(formatName());
        }
        long n = in.readVarUInt();
        if (n == 0 || n > MAX_COLUMNS) {
            throw new StreamSignals.Malformed("header announces " + n + " columns");
        }
        String[] names = new String[(int) n];
        for (int i = 0; i < n; i++) {
            names[i] = headerString();
        }
        List<Column> columns = new ArrayList<>((int) n);
        readers = new ColumnReader[(int) n];
        kinds = new byte[(int) n];
        nullable = new boolean[(int) n];
        for (int i = 0; i < n; i++) {
            SqlType type = ClickHouseTypes.parse(headerString(), ctx.serverTimeZone());
            columns.add(new Column(names[i], type));
            kinds[i] = kind(type);
            nullable[i] = type.nullable() && type.kind() != dev.olaphttp.TypeKind.JSON;
            readers[i] = kinds[i] == OTHER ? columnReader(type) : null;
        }
        return columns;
    }

    private String headerString() throws IOException {
        int len = BinaryValues.length(in);
        if (len > MAX_HEADER_FIELD) {
            throw new StreamSignals.TooLarge("a header name or type of " + len + " bytes");
        }
        headerBytes += len;
        if (headerBytes > Math.max(in.maxValue, MAX_HEADER_FIELD)) {
            throw new StreamSignals.TooLarge("a header longer than " + Math.max(in.maxValue, MAX_HEADER_FIELD)
                    + " bytes");
        }
        byte[] b = BinaryValues.bytes(in, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    boolean readRow() throws IOException {
        if (!in.fill()) {
            return false;
        }
        RowBuffer r = row;
        BodyReader s = in;
        byte[] ks = kinds;
        for (int c = 0; c < ks.length; c++) {
            if (nullable[c] && ks[c] != OTHER && s.readByte() != 0) {
                r.nulls[c] = true;
                continue;
            }
            switch (ks[c]) {
                case I8 -> r.longs[c] = (byte) s.readByte();
                case U8 -> r.longs[c] = s.readByte();
                case I16 -> r.longs[c] = (short) s.readShortLE();
                case U16 -> r.longs[c] = s.readShortLE();
                case I32 -> r.longs[c] = s.readIntLE();
                case U32, DATETIME -> r.longs[c] = s.readIntLE() & 0xffffffffL;
                case I64 -> r.longs[c] = s.readLongLE();
                case F32 -> r.doubles[c] = Float.intBitsToFloat(s.readIntLE());
                case F64 -> r.doubles[c] = Double.longBitsToDouble(s.readLongLE());
                case STR -> readBytes(s, r, c, BinaryValues.length(s));
                default -> readers[c].read(s, r, c);
            }
        }
        return true;
    }

    /** The kind code of a column type; OTHER for types read by a {@link ColumnReader}. */
    private static byte kind(SqlType t) {
        return switch (t.kind()) {
            case INT8 -> I8;
            case UINT8, BOOLEAN -> U8;
            case INT16 -> I16;
            case UINT16 -> U16;
            case INT32 -> I32;
            case UINT32 -> U32;
            case INT64, UINT64 -> I64;
            case FLOAT32 -> ClickHouseTypes.baseName(t).equals("BFloat16") ? OTHER : F32;
            case FLOAT64 -> F64;
            case STRING -> STR;
            case TIMESTAMP -> ClickHouseTypes.baseName(t).equals("DateTime") ? DATETIME : OTHER;
            default -> OTHER;
        };
    }

    private static ColumnReader columnReader(SqlType t) {
        ColumnReader plain = plain(t);
        if (!t.nullable() || t.kind() == dev.olaphttp.TypeKind.JSON) {
            return plain;
        }
        return (in, row, c) -> {
            if (in.readByte() != 0) {
                row.nulls[c] = true;
            } else {
                plain.read(in, row, c);
            }
        };
    }

    private static ColumnReader plain(SqlType t) {
        String base = ClickHouseTypes.baseName(t);
        switch (t.kind()) {
            case INT8:
                return (in, row, c) -> row.longs[c] = (byte) in.readByte();
            case UINT8, BOOLEAN:
                return (in, row, c) -> row.longs[c] = in.readByte();
            case INT16:
                return (in, row, c) -> row.longs[c] = (short) in.readShortLE();
            case UINT16:
                return (in, row, c) -> row.longs[c] = in.readShortLE();
            case INT32:
                return (in, row, c) -> row.longs[c] = in.readIntLE();
            case UINT32:
                return (in, row, c) -> row.longs[c] = in.readIntLE() & 0xffffffffL;
            case INT64, UINT64:
                return (in, row, c) -> row.longs[c] = in.readLongLE();
            case DATE, TIMESTAMP, TIME: {
                BinaryValues.LongReader raw = BinaryValues.longReader(t);
                return (in, row, c) -> row.longs[c] = raw.read(in);
            }
            case FLOAT32:
                if (base.equals("BFloat16")) {
                    return (in, row, c) -> row.doubles[c] = Float.intBitsToFloat(in.readShortLE() << 16);
                }
                return (in, row, c) -> row.doubles[c] = Float.intBitsToFloat(in.readIntLE());
            case FLOAT64:
                return (in, row, c) -> row.doubles[c] = Double.longBitsToDouble(in.readLongLE());
            case STRING:
                return (in, row, c) -> readBytes(in, row, c, BinaryValues.length(in));
            case FIXED_STRING: {
                int n = t.precision();
                return (in, row, c) -> readBytes(in, row, c, n);
            }
            default: {
                BinaryValues.Reader r = BinaryValues.reader(t.nullable() && t.kind() != dev.olaphttp.TypeKind.JSON
                        ? t.toBuilder().nullable(false).build() : t);
                return (in, row, c) -> {
                    Object v = r.read(in);
                    row.objects[c] = v;
                    row.nulls[c] = v == null;
                };
            }
        }
    }

    /** Reads a string's bytes into the column's buffer, growing it only as the data arrives. */
    private static void readBytes(BodyReader in, RowBuffer row, int c, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int chunk = Math.min(len - done, Math.max(1 << 16, done));
            byte[] b = row.ensure(c, done + chunk);
            in.readFully(b, done, chunk);
            done += chunk;
        }
        row.lengths[c] = len;
    }
}
