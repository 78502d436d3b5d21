package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.olaphttp.databend.StageAttachment;
import dev.olaphttp.spi.StatementRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code POST /v1/query} body: {@code sql}, the session echoed back verbatim, {@code pagination},
 * server-side {@code params} and an optional {@code stage_attachment}.
 */
final class QueryBody {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS xx");

    private QueryBody() {}

    static byte[] write(StatementRequest request, String sessionJson, Options options, StageAttachment attachment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + request.sql().length());
        try (JsonGenerator g = PageParser.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sql", request.sql());
            if (sessionJson != null) {
                g.writeFieldName("session");
                g.writeRawValue(sessionJson);
            }
            g.writeObjectFieldStart("pagination");
            g.writeNumberField("wait_time_secs", options.waitTimeSecs());
            g.writeNumberField("max_rows_per_page", options.maxRowsPerPage());
            g.writeNumberField("max_rows_in_buffer", options.maxRowsInBuffer());
            g.writeEndObject();
            if (!request.namedParams().isEmpty()) {
                g.writeObjectFieldStart("params");
                for (Map.Entry<String, Object> e : request.namedParams().entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeParam(g, e.getValue(), e.getKey());
                }
                g.writeEndObject();
            } else if (!request.positional().isEmpty()) {
                g.writeArrayFieldStart("params");
                List<Object> ps = request.positional();
                for (int i = 0; i < ps.size(); i++) {
                    writeParam(g, ps.get(i), "#" + (i + 1));
                }
                g.writeEndArray();
            }
            if (attachment != null) {
                g.writeObjectFieldStart("stage_attachment");
                g.writeStringField("location", attachment.location());
                writeMap(g, "file_format_options", attachment.fileFormatOptions());
                writeMap(g, "copy_options", attachment.copyOptions());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> m) throws IOException {
        if (m.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : m.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * The server binds a JSON integer as a 64-bit integer and any other JSON number as a Float64: a wider integer is
     * sent as a string (exact; the server casts it where a number is expected).
     */
    private static void writeExact(JsonGenerator g, BigInteger b) throws IOException {
        if (b.bitLength() < 64 || b.signum() > 0 && b.compareTo(U64_MAX) <= 0) {
            g.writeNumber(b);
        } else {
            g.writeString(b.toString());
        }
    }

    /**
     * A decimal goes as a JSON number only when the server reads it back exactly: an integer within 64 bits, or a
     * value whose digits survive the server's Float64 (the shortest double text equals it, e.g. 0.1 or 2.50).
     * Anything else ({@code 12345678901234567890.123}, 0.1000000000000000001) is sent as its exact plain string,
     * which the server casts where a number is expected; {@code SELECT ?} then returns it as a String.
     */
    private static void writeExact(JsonGenerator g, BigDecimal b) throws IOException {
        BigDecimal stripped = b.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 20) {
            writeExact(g, stripped.toBigIntegerExact());
            return;
        }
        double d = b.doubleValue();
        if (stripped.scale() > 0 && Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(b) == 0) {
            g.writeNumber(b);
        } else {
            g.writeString(b.toPlainString());
        }
    }

    /** One parameter as a JSON scalar; the error never quotes the value. */
    static void writeParam(JsonGenerator g, Object v, String name) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            writeExact(g, b);
        } else if (v instanceof BigDecimal b) {
            writeExact(g, b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            }
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof java.util.UUID
                || v instanceof java.time.LocalDate || v instanceof java.time.LocalTime) {
            g.writeString(v.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof LocalDateTime t) {
            g.writeString(LOCAL.format(t));
        } else if (v instanceof OffsetDateTime t) {
            g.writeString(ZONED.format(t));
        } else if (v instanceof ZonedDateTime t) {
            g.writeString(ZONED.format(t));
        } else if (v instanceof Instant t) {
            g.writeString(ZONED.format(t.atOffset(ZoneOffset.UTC)));
        } else {
            throw new IllegalArgumentException("parameter " + name + " has a type Databend parameters cannot carry: "
                    + v.getClass().getName() + " (use numbers, strings, booleans, null or java.time values)");
        }
    }
}
