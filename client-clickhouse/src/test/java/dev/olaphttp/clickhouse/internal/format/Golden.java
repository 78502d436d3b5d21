package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: golden fixtures and decoding whole bodies into lists of values. */
final class Golden {
    static final ZoneId UTC = ZoneId.of("UTC");

    private Golden() {
    }

    static DecoderContext ctx(String tag) {
        return ctx(tag, DecoderContext.DEFAULT_MAX_VALUE_BYTES);
    }

    static DecoderContext ctx(String tag, int maxValueBytes) {
        return new DecoderContext(UTC, tag, ErrorDetails.of("clickhouse", "q1"),
                (e, rows) -> new ResultInterruptedException("read failed: " + e.getMessage(), e,
                        ErrorDetails.of("clickhouse", "q1"), rows), maxValueBytes);
    }

    static String file(String query, ResultFormat format) {
        return switch (format) {
            case TSV -> query + ".TabSeparatedWithNamesAndTypes.tsv";
            case ROW_BINARY -> query + ".RowBinaryWithNamesAndTypes.bin";
            case JSON_COMPACT -> query + ".JSONCompactEachRowWithNamesAndTypes.jsonl";
        };
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResultDecoder decoder(ResultFormat format, byte[] body) {
        return ResultDecoders.create(format, new ByteArrayInputStream(body), ctx(null));
    }

    /** What {@link #rows} puts for a string whose bytes are not valid UTF-8 (getObject refuses it). */
    static final String INVALID_UTF8 = "<not valid UTF-8>";

    /** All rows as lists of {@code getObject} values ({@link #INVALID_UTF8} where getObject refuses the text). */
    static List<List<Object>> rows(ResultDecoder d) {
        return rows(d, null);
    }

    /**
     * The rows decoded; with {@code failure} non-null, the rows before a failing one, the failure being added to
     * the list (the result is then loudly incomplete).
     */
    static List<List<Object>> rows(ResultDecoder d, List<RuntimeException> failure) {
        Schema s = d.schema();
        List<List<Object>> out = new ArrayList<>();
        while (true) {
            try {
                if (!d.next()) {
                    break;
                }
            } catch (dev.olaphttp.SqlClientException e) {
                if (failure == null) {
                    throw e;
                }
                failure.add(e);
                break;
            }
            List<Object> r = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                try {
                    r.add(d.row().getObject(i));
                } catch (dev.olaphttp.TypeConversionException e) {
                    r.add(INVALID_UTF8);
                }
            }
            out.add(r);
        }
        return out;
    }

    /** All rows as lists of {@code getString} values. */
    static List<List<String>> strings(ResultDecoder d) {
        Schema s = d.schema();
        List<List<String>> out = new ArrayList<>();
        while (d.next()) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                try {
                    r.add(d.row().getString(i));
                } catch (dev.olaphttp.TypeConversionException e) {
                    r.add(INVALID_UTF8);
                }
            }
            out.add(r);
        }
        return out;
    }
}
