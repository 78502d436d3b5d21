package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.Column;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TabSeparatedWithNamesAndTypes}: a names line, a types line, then rows. Fields are unescaped straight from
 * the stream into per-column byte buffers ({@code \N} alone is NULL); composite values keep ClickHouse's quoted
 * form and are parsed by {@link QuotedText}.
 */
final class TsvDecoder extends AbstractDecoder {
    private static final int MAX_HEADER_FIELD = 1 << 20;
    private static final int MAX_COLUMNS = 100_000;
    private long headerBytes;
    private SqlType[] types;
    private boolean[] raw;
    private java.time.ZoneOffset[] fixed;
    private int n;

    TsvDecoder(BodyReader in, DecoderContext ctx) {
        super(in, ctx);
    }

    @Override
    String formatName() {
        return "TabSeparatedWithNamesAndTypes";
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
        List<String> names = headerLine();
        List<String> typeNames = headerLine();
        if (names.size() != typeNames.size()) {
            throw new StreamSignals.Malformed("the header has " + names.size() + " names but " + typeNames.size()
                    + " types");
        }
        n = names.size();
        types = new SqlType[n];
        raw = new boolean[n];
        fixed = new java.time.ZoneOffset[n];
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types[i] = ClickHouseTypes.parse(typeNames.get(i), ctx.serverTimeZone());
            TypeKind k = types[i].kind();
            raw[i] = k == TypeKind.ARRAY || k == TypeKind.MAP || k == TypeKind.TUPLE;
            fixed[i] = TextTimes.fastOffset(types[i].zone().orElse(null));
            columns.add(new Column(names.get(i), types[i]));
        }
        return columns;
    }

    private List<String> headerLine() throws IOException {
        List<String> fields = new ArrayList<>();
        java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
        long bound = Math.max(in.maxValue, MAX_HEADER_FIELD);
        while (true) {
            int c = in.readByte();
            headerBytes++;
            if (c == '\t' || c == '\n') {
                fields.add(field.toString(java.nio.charset.StandardCharsets.UTF_8));
                field.reset();
                if (fields.size() > MAX_COLUMNS) {
                    throw new StreamSignals.TooLarge("a header of more than " + MAX_COLUMNS + " columns");
                }
                if (c == '\n') {
                    return fields;
                }
            } else if (c == '\\') {
                field.write(Escapes.unescape(in.readByte()));
            } else {
                field.write(c);
            }
            if (field.size() > MAX_HEADER_FIELD) {
                throw new StreamSignals.TooLarge("a header field longer than 1 MiB");
            }
            if (headerBytes > bound) {
                throw new StreamSignals.TooLarge("a header longer than " + bound + " bytes");
            }
        }
    }

    @Override
    boolean readRow() throws IOException {
        if (!in.fill()) {
            return false;
        }
        RowBuffer r = row;
        for (int c = 0; c < n; c++) {
            int term = raw[c] ? readRaw(r, c) : readUnescaped(r, c);
            if (term != (c == n - 1 ? '\n' : '\t')) {
                throw new StreamSignals.Malformed(term == '\n' ? "row has " + (c + 1) + " fields, expected " + n
                        : "row has more than " + n + " fields");
            }
            if (!r.nulls[c]) {
                decode(r, c);
            } else if (!types[c].nullable() && types[c].kind() != TypeKind.NOTHING) {
                throw new StreamSignals.Malformed("NULL (\\N) in non-Nullable column " + (c + 1) + " of type "
                        + types[c].name());
            }
        }
        return true;
    }

    /**
     * Reads one field unescaped into the column buffer; returns the terminator. Marks {@code \N} as NULL. Runs of
     * plain bytes are found by one scan of the read buffer and copied at once.
     */
    private int readUnescaped(RowBuffer r, int c) throws IOException {
        int len = 0;
        boolean nullMark = false;
        BodyReader s = in;
        while (true) {
            if (s.pos >= s.limit && !s.fill()) {
                throw new StreamSignals.Truncated("the body ended inside a value");
            }
            byte[] buf = s.buf;
            int from = s.pos;
            int p = from;
            int lim = s.limit;
            while (p < lim && buf[p] != '\t' && buf[p] != '\n' && buf[p] != '\\') {
                p++;
            }
            if (p > from) {
                byte[] b = room(r, c, len, p - from);
                System.arraycopy(buf, from, b, len, p - from);
                len += p - from;
            }
            s.pos = p;
            if (p == lim) {
                continue;
            }
            int x = buf[p] & 0xff;
            s.pos++;
            if (x == '\t' || x == '\n') {
                r.lengths[c] = len;
                if (nullMark && len == 1 && r.bytes[c][0] == 'N') {
                    r.nulls[c] = true;
                }
                return x;
            }
            int e = s.readByte();
            if (e == 'x') {
                int hi = Character.digit(s.readByte(), 16);
                int lo = Character.digit(s.readByte(), 16);
                if (hi < 0 || lo < 0) {
                    throw new StreamSignals.Malformed("bad \\x escape");
                }
                x = hi << 4 | lo;
            } else {
                nullMark |= e == 'N' && len == 0;
                x = e == 'N' ? 'N' : Escapes.unescape(e);
            }
            room(r, c, len, 1)[len++] = (byte) x;
        }
    }

    /** The column buffer with room for {@code more} bytes after {@code len}, within the bound of one value. */
    private byte[] room(RowBuffer r, int c, int len, int more) throws StreamSignals.TooLarge {
        if ((long) len + more > in.maxValue) {
            throw new StreamSignals.TooLarge("a field longer than the bound of " + in.maxValue + " bytes per value");
        }
        return r.ensure(c, len + more);
    }

    /** Reads one field as is (composite values keep their quoted form); returns the terminator. */
    private int readRaw(RowBuffer r, int c) throws IOException {
        byte[] b = r.bytes[c];
        int len = 0;
        while (true) {
            int x = in.readByte();
            if (x == '\t' || x == '\n') {
                r.lengths[c] = len;
                return x;
            }
            if (len == b.length) {
                b = room(r, c, len, 1);
            }
            b[len++] = (byte) x;
        }
    }

    private void decode(RowBuffer r, int c) throws IOException {
        SqlType t = types[c];
        byte[] b = r.bytes[c];
        int len = r.lengths[c];
        switch (t.kind()) {
            case STRING, FIXED_STRING -> {
            }
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> {
                r.longs[c] = parseLong(b, len, t);
                r.text[c] = true;
            }
            case BOOLEAN -> {
                r.longs[c] = bool(b, len);
                r.text[c] = true;
            }
            case DATE, TIMESTAMP -> {
                long v = t.kind() == TypeKind.DATE ? TextTimes.epochDay(b, len)
                        : TextTimes.epochTicks(b, len, t.precision(), t.zone().orElse(null), fixed[c]);
                r.longs[c] = v != TextTimes.NO_MATCH ? v : TextValues.ticks(t, Values.utf8(b, 0, len));
                r.text[c] = true;
            }
            case UINT64 -> {
                r.longs[c] = parseUnsigned(b, len);
                r.text[c] = true;
            }
            case TIME, FLOAT32, FLOAT64 -> {
                String s = Values.utf8(b, 0, len);
                switch (t.kind()) {
                    case FLOAT32, FLOAT64 -> r.doubles[c] = floating(s, t);
                    default -> r.longs[c] = TextValues.ticks(t, s);
                }
                r.text[c] = true;
            }
            case ARRAY, MAP, TUPLE -> {
                r.objects[c] = QuotedText.parse(t, b, len);
                r.text[c] = true;
            }
            default -> {
                Object v = TextValues.scalar(t, Values.utf8(b, 0, len));
                r.objects[c] = v;
                r.text[c] = true;
            }
        }
    }

    private static long bool(byte[] b, int len) throws StreamSignals.Malformed {
        if (len == 4 && b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e' || len == 1 && b[0] == '1') {
            return 1;
        }
        if (len == 5 && b[0] == 'f' && b[1] == 'a' && b[2] == 'l' && b[3] == 's' && b[4] == 'e'
                || len == 1 && b[0] == '0') {
            return 0;
        }
        throw new StreamSignals.Malformed("'" + Values.utf8(b, 0, Math.min(len, 60)) + "' is not a Bool");
    }

    /** A UInt64 straight from the bytes, kept as its raw 64 bits. */
    private static long parseUnsigned(byte[] b, int len) throws StreamSignals.Malformed {
        if (len == 0 || len > 20) {
            throw new StreamSignals.Malformed("'" + Values.utf8(b, 0, Math.min(len, 60)) + "' is not a UInt64");
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new StreamSignals.Malformed("'" + Values.utf8(b, 0, Math.min(len, 60)) + "' is not a UInt64");
            }
            long next = v * 10 + d;
            if (Long.compareUnsigned(v, 1844674407370955161L) > 0 || Long.compareUnsigned(next, v) < 0) {
                throw new StreamSignals.Malformed("UInt64 overflow: '" + Values.utf8(b, 0, len) + "'");
            }
            v = next;
        }
        return v;
    }

    private static double floating(String s, SqlType t) throws StreamSignals.Malformed {
        try {
            return TextValues.floating(s, t.kind() == TypeKind.FLOAT32);
        } catch (NumberFormatException e) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a " + t.name(), e);
        }
    }

    /** A decimal integer straight from the bytes, range-checked by the column type. */
    private static long parseLong(byte[] b, int len, SqlType t) throws StreamSignals.Malformed {
        int i = 0;
        boolean neg = len > 0 && b[0] == '-';
        if (neg) {
            i = 1;
        }
        if (i == len || len - i > 19) {
            throw new StreamSignals.Malformed("'" + Values.utf8(b, 0, Math.min(len, 60)) + "' is not a " + t.name());
        }
        long v = 0;
        for (; i < len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new StreamSignals.Malformed("'" + Values.utf8(b, 0, Math.min(len, 60)) + "' is not a "
                        + t.name());
            }
            v = v * 10 - d;
            if (v > 0) {
                throw new StreamSignals.Malformed("integer overflow in " + t.name());
            }
        }
        if (!neg && v == Long.MIN_VALUE) {
            throw new StreamSignals.Malformed("integer overflow in " + t.name());
        }
        return neg ? v : -v;
    }
}
