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

    /** All rows as lists of {@code getObject} values. */
    static List<List<Object>> rows(ResultDecoder d) {
        Schema s = d.schema();
        List<List<Object>> out = new ArrayList<>();
        while (d.next()) {
            List<Object> r = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                r.add(d.row().getObject(i));
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
                r.add(d.row().getString(i));
            }
            out.add(r);
        }
        return out;
    }
}
