package dev.olaphttp.starrocks.internal.load;

import java.io.IOException;
import java.io.OutputStream;

/** Writes rows in one Stream Load format onto the request body. */
interface RowWriter {
    /** Starts writing onto {@code out}. */
    void open(OutputStream out) throws IOException;

    /** Writes one row; {@link IllegalArgumentException} names the column and the reason. */
    void write(Object[] row) throws IOException;

    /** Flushes what is buffered (does not close {@code out}). */
    void finish() throws IOException;
}
