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
    private ColumnReader[] readers;

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
            readers = new ColumnReader[0];
            return List.of();
        }
        long n = in.readVarUInt();
        if (n > MAX_COLUMNS) {
            throw new StreamSignals.Malformed("header announces " + n + " columns");
        }
        String[] names = new String[(int) n];
        for (int i = 0; i < n; i++) {
            names[i] = headerString();
        }
        List<Column> columns = new ArrayList<>((int) n);
        readers = new ColumnReader[(int) n];
        for (int i = 0; i < n; i++) {
            SqlType type = ClickHouseTypes.parse(headerString(), ctx.serverTimeZone());
            columns.add(new Column(names[i], type));
            readers[i] = columnReader(type);
        }
        return columns;
    }

    private String headerString() throws IOException {
        int len = BinaryValues.length(in);
        if (len > 1 << 20) {
            throw new StreamSignals.Malformed("header string of " + len + " bytes");
        }
        byte[] b = new byte[len];
        in.readFully(b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    boolean readRow() throws IOException {
        if (!in.fill()) {
            return false;
        }
        RowBuffer r = row;
        ColumnReader[] rs = readers;
        for (int i = 0; i < rs.length; i++) {
            rs[i].read(in, r, i);
        }
        return true;
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
            int chunk = Math.min(len - done, Math.max(1 << 20, done));
            byte[] b = row.ensure(c, done + chunk);
            in.readFully(b, done, chunk);
            done += chunk;
        }
        row.lengths[c] = len;
    }
}
