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
 * <p>Settings the dialect should send with these formats: {@code output_format_binary_write_json_as_string=1}
 * (RowBinary: {@code JSON} columns as text; without it they raise a ProtocolException),
 * {@code output_format_json_quote_denormals=1} (JSON: nan/inf as strings; otherwise they arrive as {@code null}
 * and read as NaN), {@code http_write_exception_in_output_format=0} (23.9-25.10: plain exception text instead of a
 * JSON {@code exception} member, although both are recognized). A completely empty body decodes as a result with
 * no columns and no rows.
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
            case ROW_BINARY -> new RowBinaryDecoder(new BodyReader(body, tag, false), ctx);
            case TSV -> new TsvDecoder(new BodyReader(body, tag, true), ctx);
            case JSON_COMPACT -> new JsonCompactDecoder(new BodyReader(body, tag, true), ctx);
        };
    }
}
