package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.olaphttp.Column;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.TypeConversionException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/**
 * Rows encoded as NDJSON while the upload body is written: rows are pulled lazily from the caller's iterator, each
 * value goes through its column's encoder (decided once), nothing is buffered beyond Jackson's output buffer. Read
 * once. A bad value stops the upload mid-body; {@link #failure()} then holds the typed error naming the row and
 * column, which the loader throws instead of the transport's aborted-request error.
 */
final class NdjsonRows implements MultipartBody.Content {
    private final SerializedString[] names;
    private final String[] labels;
    private final JsonEncoders.Encoder[] encoders;
    private final Iterator<Object[]> rows;
    private final ErrorDetails details;
    private volatile RuntimeException failure;
    private volatile long rowsWritten;
    private volatile long bytesWritten;
    private boolean consumed;
    private Object[] current;

    NdjsonRows(List<Column> columns, Iterator<Object[]> rows, ErrorDetails details) {
        int n = columns.size();
        this.names = new SerializedString[n];
        this.labels = new String[n];
        this.encoders = new JsonEncoders.Encoder[n];
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            names[i] = new SerializedString(c.name());
            labels[i] = "column '" + c.name() + "' (" + c.type().name() + ")";
            encoders[i] = JsonEncoders.forType(c.type());
        }
        this.rows = rows;
        this.details = details;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        synchronized (this) {
            if (consumed) {
                throw new IOException("rows were already consumed by an earlier attempt and cannot be sent again");
            }
            consumed = true;
        }
        Counting counting = new Counting(out);
        JsonGenerator g = PageParser.JSON.createGenerator(counting);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        try {
            long row = 0;
            while (next()) {
                Object[] values = current;
                row++;
                if (values == null || values.length != encoders.length) {
                    throw fail(new TypeConversionException("row " + row + " has "
                            + (values == null ? "no values (null)" : values.length + " values")
                            + " for " + encoders.length + " columns", null, details));
                }
                g.writeStartObject();
                for (int i = 0; i < encoders.length; i++) {
                    g.writeFieldName(names[i]);
                    try {
                        encoders[i].write(g, values[i]);
                    } catch (JsonEncoders.BadValue e) {
                        throw fail(new TypeConversionException("row " + row + ", " + labels[i] + ": cannot load "
                                + e.getMessage(), null, details));
                    }
                }
                g.writeEndObject();
                g.writeRaw('\n');
                rowsWritten = row;
            }
            g.close(); // flushes and releases Jackson's buffers; the connection's stream stays open
        } finally {
            bytesWritten = counting.count;
        }
    }

    private boolean next() throws IOException {
        try {
            if (!rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private IOException fail(RuntimeException e) {
        failure = e;
        String why = e instanceof dev.olaphttp.SqlClientException s ? s.baseMessage() : e.getMessage();
        return new IOException("load aborted by the client: " + why);
    }

    /** The error that stopped the upload, or {@code null}. */
    RuntimeException failure() {
        return failure;
    }

    /** Rows encoded so far. */
    long rowsWritten() {
        return rowsWritten;
    }

    /** NDJSON bytes written so far (without the multipart framing). */
    long bytesWritten() {
        return bytesWritten;
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
