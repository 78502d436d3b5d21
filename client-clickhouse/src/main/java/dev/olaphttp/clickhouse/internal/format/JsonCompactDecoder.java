package dev.olaphttp.clickhouse.internal.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.olaphttp.Column;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JSONCompactEachRowWithNamesAndTypes}: the first two arrays are names and types, then one array per row.
 * A row object {@code {"exception": "..."}} (servers writing exceptions in the output format) is a server error.
 * ClickHouse writes String values' bytes as they are, so the body is decoded as UTF-8 with U+FFFD replacement.
 */
final class JsonCompactDecoder extends AbstractDecoder {
    private static final JsonFactory DEFAULT_FACTORY = factory(DecoderContext.DEFAULT_MAX_VALUE_BYTES);
    private static final int MAX_COLUMNS = 100_000;
    /** Bytes Jackson's reader may have read ahead of the value it is parsing. */
    private static final int READ_AHEAD = 16 * 1024;

    private final JsonFactory factory;
    private final JsonValues values;
    private JsonParser parser;
    private final CharScalars chars = new CharScalars();
    private SqlType[] types;
    private ZoneId[] zones;
    private ZoneOffset[] fixed;

    JsonCompactDecoder(BodyReader in, DecoderContext ctx) {
        super(in, ctx);
        this.factory = in.maxValue == DecoderContext.DEFAULT_MAX_VALUE_BYTES ? DEFAULT_FACTORY : factory(in.maxValue);
        this.values = new JsonValues(factory);
    }

    /** A factory whose strings (characters) are bounded by the value bound. */
    private static JsonFactory factory(int maxValue) {
        return JsonFactory.builder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxValue)
                        .maxNestingDepth(200)
                        .build())
                .build()
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    @Override
    String formatName() {
        return "JSONCompactEachRowWithNamesAndTypes";
    }

    @Override
    boolean bytesForStrings() {
        return false;
    }

    @Override
    List<Column> readHeader() throws IOException {
        // ClickHouse writes String bytes as they are, even invalid UTF-8: decode with U+FFFD replacement
        parser = factory.createParser(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (parser.nextToken() == null) {
            throw StreamSignals.emptyBody(formatName());
        }
        List<String> names = stringArray();
        if (parser.nextToken() == null) {
            throw new StreamSignals.Truncated("the body ended after the names row");
        }
        List<String> typeNames = stringArray();
        if (names.size() != typeNames.size()) {
            throw new StreamSignals.Malformed("the header has " + names.size() + " names but " + typeNames.size()
                    + " types");
        }
        types = new SqlType[names.size()];
        zones = new ZoneId[types.length];
        fixed = new ZoneOffset[types.length];
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < types.length; i++) {
            types[i] = ClickHouseTypes.parse(typeNames.get(i), ctx.serverTimeZone());
            zones[i] = types[i].zone().orElse(null);
            fixed[i] = TextTimes.fastOffset(zones[i]);
            columns.add(new Column(names.get(i), types[i]));
        }
        return columns;
    }

    private List<String> stringArray() throws IOException {
        serverException();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new StreamSignals.Malformed("expected a header array, got " + parser.currentToken());
        }
        List<String> out = new ArrayList<>();
        long bytes = 0;
        long bound = Math.max(in.maxValue, 1 << 20);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            out.add(parser.getText());
            bytes += parser.getTextLength();
            if (out.size() > MAX_COLUMNS || bytes > bound) {
                throw new StreamSignals.TooLarge("a header of more than " + MAX_COLUMNS + " columns or " + bound
                        + " characters");
            }
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new StreamSignals.Malformed("expected a string in the header, got " + parser.currentToken());
        }
        return out;
    }

    /** Raises the server's error when the current token starts an {@code {"exception": ...}} object. */
    private void serverException() throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return;
        }
        if (parser.nextToken() == JsonToken.FIELD_NAME && "exception".equals(parser.currentName())
                && parser.nextToken() == JsonToken.VALUE_STRING) {
            throw new StreamSignals.ServerFailure(parser.getText());
        }
        throw new StreamSignals.Malformed("expected a row array, got an object");
    }

    @Override
    boolean readRow() throws IOException {
        JsonParser p = parser;
        if (p.nextToken() == null) {
            return false;
        }
        serverException();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new StreamSignals.Malformed("expected a row array, got " + p.currentToken());
        }
        RowBuffer r = row;
        for (int c = 0; c < types.length; c++) {
            if (p.nextToken() == JsonToken.END_ARRAY) {
                throw new StreamSignals.Malformed("row has " + c + " values, expected " + types.length);
            }
            read(p, r, c);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new StreamSignals.Malformed("row has more than " + types.length + " values");
        }
        return true;
    }

    private void read(JsonParser p, RowBuffer r, int c) throws IOException {
        SqlType t = types[c];
        JsonToken tok = p.currentToken();
        boolean nullToken = tok == JsonToken.VALUE_NULL;
        if (nullToken && t.nullable()) {
            r.nulls[c] = true;
            return;
        }
        switch (t.kind()) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> r.longs[c] = integer(p, t);
            case UINT64 -> {
                scalar(p, t);
                r.longs[c] = CharScalars.parseUnsigned(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            case BOOLEAN -> r.longs[c] = tok == JsonToken.VALUE_TRUE ? 1 : tok == JsonToken.VALUE_FALSE ? 0
                    : TextValues.bool(JsonValues.scalarText(p, t)) ? 1 : 0;
            case DATE, TIMESTAMP -> r.longs[c] = dateOrTime(p, t, c);
            case TIME -> r.longs[c] = TextValues.ticks(t, JsonValues.scalarText(p, t));
            case FLOAT32, FLOAT64 -> r.doubles[c] = floating(p, t);
            default -> {
                in.startValue(READ_AHEAD);
                Object v;
                try {
                    v = values.value(p, t, 0);
                } finally {
                    in.endValue();
                }
                r.objects[c] = v;
                r.nulls[c] = v == null;
            }
        }
    }

    /** An integer from a number or a quoted number (64-bit integers of older servers), without a String. */
    private static long integer(JsonParser p, SqlType t) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        scalar(p, t);
        long v = CharScalars.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return v != TextTimes.NO_MATCH ? v : parseLong(p.getText());
    }

    /** A Date (days) or DateTime (ticks) read from the parser's characters; other shapes take the general path. */
    private long dateOrTime(JsonParser p, SqlType t, int c) throws IOException {
        scalar(p, t);
        char[] ch = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        long v = t.kind() == TypeKind.DATE ? chars.epochDay(ch, off, len)
                : chars.epochTicks(ch, off, len, t.precision(), zones[c], fixed[c]);
        return v != TextTimes.NO_MATCH ? v : TextValues.ticks(t, p.getText());
    }

    private static void scalar(JsonParser p, SqlType t) throws StreamSignals.Malformed {
        JsonToken tok = p.currentToken();
        if (tok == null || !tok.isScalarValue()) {
            throw new StreamSignals.Malformed("expected a " + t.name() + " value, got " + tok);
        }
    }

    private static double floating(JsonParser p, SqlType t) throws IOException {
        try {
            return JsonValues.floating(p, t.kind() == TypeKind.FLOAT32);
        } catch (NumberFormatException e) {
            throw new StreamSignals.Malformed("'" + p.getText() + "' is not a " + t.name(), e);
        }
    }

    private static long parseLong(String s) throws StreamSignals.Malformed {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not an integer", e);
        }
    }

    private static long parseUnsigned(String s) throws StreamSignals.Malformed {
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new StreamSignals.Malformed("'" + Values.snippet(s) + "' is not a UInt64", e);
        }
    }
}
