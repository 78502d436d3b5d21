package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.Schema;
import dev.olaphttp.spi.RowValues;

/**
 * Decodes one streamed ClickHouse result body in a "WithNamesAndTypes" format, row by row, straight from the
 * stream. Not thread-safe.
 *
 * <p>Contract: {@link #next()} returns {@code false} only when the stream ended cleanly at a row boundary with no
 * exception block. A body cut inside the header or a row raises {@link dev.olaphttp.ResultInterruptedException};
 * ClickHouse's mid-stream exception block (see the protocol notes, {@code X-ClickHouse-Exception-Tag}, and the
 * untagged {@code Code: N. DB::Exception:} tail of older servers) raises {@link dev.olaphttp.QueryFailedException}
 * with the server's code and message; bytes that cannot be decoded raise {@link dev.olaphttp.ProtocolException}.
 * I/O errors go through {@link DecoderContext#readFailure}.
 */
public interface ResultDecoder {
    /** The columns, reading the header on first call. */
    Schema schema();

    /** Reads the next row; {@code false} at the clean end. */
    boolean next();

    /** The current row (the same object each time; valid until the next {@link #next()}). */
    RowValues row();

    /** Rows decoded so far. */
    long rows();
}
