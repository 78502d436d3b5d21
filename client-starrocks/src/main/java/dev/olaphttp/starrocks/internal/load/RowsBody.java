package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.TypeConversionException;
import dev.olaphttp.spi.HttpBody;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * The caller's rows encoded while the request body is written: pulled one at a time from the iterator, never
 * buffered. It can be sent only once, so it reports itself repeatable only until writing starts (a retry before
 * anything was read from the iterator is safe). A value that does not fit its column aborts the request with a
 * {@link TypeConversionException} naming the row and column, never the value.
 */
final class RowsBody implements HttpBody {
    private final Iterator<Object[]> rows;
    private final int width;
    private final RowWriter writer;
    private final String contentType;
    private final ErrorDetails details;
    private volatile boolean started;
    private long rowCount;
    private long byteCount;

    RowsBody(Iterator<Object[]> rows, int width, RowWriter writer, String contentType, ErrorDetails details) {
        this.rows = rows;
        this.width = width;
        this.writer = writer;
        this.contentType = contentType;
        this.details = details;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public boolean isRepeatable() {
        return !started;
    }

    /** Whether writing began (the iterator may have been read). */
    boolean started() {
        return started;
    }

    long rowCount() {
        return rowCount;
    }

    long byteCount() {
        return byteCount;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (started) {
            throw new IOException("the rows were already sent once and cannot be sent again");
        }
        started = true;
        OutputStream counting = new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                byteCount++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                byteCount += len;
            }
        };
        writer.open(counting);
        while (true) {
            Object[] row;
            try {
                if (!rows.hasNext()) {
                    break;
                }
                row = rows.next();
            } catch (RuntimeException e) {
                throw new EncodingFailure(e);
            }
            long n = rowCount + 1;
            if (row == null || row.length != width) {
                throw new EncodingFailure(new TypeConversionException("row " + n + " has "
                        + (row == null ? "no array" : row.length + " values") + " for " + width + " columns",
                        null, details));
            }
            try {
                writer.write(row);
            } catch (IllegalArgumentException e) {
                throw new EncodingFailure(new TypeConversionException("row " + n + ", " + e.getMessage(), null,
                        details));
            }
            rowCount = n;
        }
        writer.finish();
    }
}
