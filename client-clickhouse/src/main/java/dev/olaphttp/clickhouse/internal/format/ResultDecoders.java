package dev.olaphttp.clickhouse.internal.format;

import java.io.InputStream;
import java.util.Objects;

/**
 * Creates the streamed decoder of a ClickHouse result body.
 *
 * <p>Every decoder reads through a guard that holds back the last 16 KiB of the body until its end is known, so a
 * row overlapping a trailing exception block is never handed out. At the end, the tagged block of 25.11+ servers
 * ({@link DecoderContext#exceptionTag()}) or, without a tag, the untagged {@code Code: N...DB::Exception} tail of
 * older servers becomes a {@link dev.olaphttp.QueryFailedException} with the server's code and name.
 *
 * <p>Values: {@code getObject} returns {@link dev.olaphttp.SqlType#javaType()}. ClickHouse strings are arbitrary
 * bytes: {@code getBytes} returns them exactly (RowBinary, TSV), {@code getObject}/{@code getString} decode them as
 * UTF-8 with U+FFFD for invalid sequences (the JSON format can only carry the decoded text). {@code getString} is
 * the server's own text in TSV and a ClickHouse-like rendering elsewhere. UInt64 and wider are
 * {@link java.math.BigInteger}; {@code DateTime}/{@code DateTime64} are {@link java.time.ZonedDateTime} in the
 * column's zone, else the server zone. {@code Time} values outside 00:00..24:00 have text but no
 * {@link java.time.LocalTime}. JSON, Variant and Dynamic are text; a Map is a {@link java.util.LinkedHashMap} (a
 * repeated key keeps its last value). RowBinary {@code Dynamic} values of Set, Interval, Function, AggregateFunction
 * or custom types, and RowBinary AggregateFunction/Interval columns, raise a ProtocolException naming the type.
 *
 * <p>Settings the dialect should send with these formats: {@code output_format_binary_write_json_as_string=1}
 * (RowBinary: {@code JSON} columns as text; without it they raise a ProtocolException; only on servers that know
 * the setting, i.e. those with the JSON type),
 * {@code output_format_json_quote_denormals=1} (JSON: nan/inf as strings; otherwise they arrive as {@code null}
 * and read as NaN in a non-Nullable column, as NULL in a Nullable one), {@code http_write_exception_in_output_format=0} (23.9-25.10: plain exception text instead of a
 * JSON {@code exception} member, although both are recognized).
 *
 * <p>Broken bodies are never a short result: an empty body is a ProtocolException (the three formats always send
 * their header, even for no rows), a body cut inside the header or a row a ResultInterruptedException. One value
 * (a string, an array's element count, a TSV field, a JSON value) or the whole header longer than
 * {@link DecoderContext#maxValueBytes()} is a ProtocolException, raised before more than that is buffered.
 */
public final class ResultDecoders {
    private ResultDecoders() {
    }

    /** A decoder of {@code body} in {@code format}; the caller still owns and closes the body. */
    public static ResultDecoder create(ResultFormat format, InputStream body, DecoderContext ctx) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ctx, "ctx");
        String tag = ctx.exceptionTag() == null || ctx.exceptionTag().isEmpty() ? null : ctx.exceptionTag();
        return switch (format) {
            case ROW_BINARY -> new RowBinaryDecoder(new BodyReader(body, tag, false, ctx.maxValueBytes()), ctx);
            case TSV -> new TsvDecoder(new BodyReader(body, tag, true, ctx.maxValueBytes()), ctx);
            case JSON_COMPACT -> new JsonCompactDecoder(new BodyReader(body, tag, true, ctx.maxValueBytes()), ctx);
        };
    }
}
