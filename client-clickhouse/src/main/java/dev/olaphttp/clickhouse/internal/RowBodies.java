package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.clickhouse.internal.format.BinaryOut;
import dev.olaphttp.clickhouse.internal.format.RowBinaryEncoder;
import dev.olaphttp.spi.HttpBody;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Request bodies of row loads: rows pulled one at a time from the caller's iterator and written straight to the
 * connection, as RowBinary or TabSeparated. Never repeatable (a re-sent load could insert twice).
 */
final class RowBodies {
    /** Rows and bytes sent, and the caller's bad value that stopped the body, if any. */
    static final class Counter {
        private volatile long rows;
        private volatile long bytes;
        private volatile RuntimeException failure;

        long rows() {
            return rows;
        }

        long bytes() {
            return bytes;
        }

        RuntimeException failure() {
            return failure;
        }
    }

    private RowBodies() {
    }

    static HttpBody rowBinary(Iterator<Object[]> rows, RowBinaryEncoder encoder, Counter counter) {
        return new Body("application/octet-stream") {
            @Override
            void write(OutputStream out) throws IOException {
                BinaryOut bin = new BinaryOut(out);
                long n = 0;
                while (rows.hasNext()) {
                    encoder.writeRow(bin, rows.next(), ++n);
                    counter.rows = n;
                }
                bin.flushBuffer();
                counter.bytes = bin.count();
            }
        }.counting(counter);
    }

    static HttpBody tabSeparated(Iterator<Object[]> rows, List<String> names, List<String> types,
            Supplier<ZoneId> zone, Counter counter) {
        return new Body("text/tab-separated-values; charset=UTF-8") {
            @Override
            void write(OutputStream out) throws IOException {
                ValueText[] renderers = new ValueText[types.size()];
                List<Map<Integer, String>> labels = new ArrayList<>(types.size());
                for (int i = 0; i < renderers.length; i++) {
                    renderers[i] = new ValueText(ValueText.Target.SERVER_PARAM, zone, names.get(i));
                    labels.add(EnumLabels.of(types.get(i)));
                }
                StringBuilder line = new StringBuilder(256);
                long n = 0;
                long bytes = 0;
                while (rows.hasNext()) {
                    Object[] row = rows.next();
                    n++;
                    if (row == null || row.length != types.size()) {
                        throw new IllegalArgumentException("row " + n + " has " + (row == null ? 0 : row.length)
                                + " values for " + types.size() + " columns");
                    }
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        try {
                            Object v = EnumLabels.label(row[i], labels.get(i), names.get(i), types.get(i));
                            line.append(i == 0 ? "" : "\t").append(renderers[i].serverParam(v, types.get(i)));
                        } catch (IllegalArgumentException | dev.olaphttp.InvalidRequestException e) {
                            String m = e instanceof dev.olaphttp.SqlClientException s ? s.baseMessage() : e.getMessage();
                            throw new IllegalArgumentException("row " + n + ", " + m
                                    .replaceFirst("^parameter ", "column "), null);
                        }
                    }
                    byte[] b = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                    out.write(b);
                    bytes += b.length;
                    counter.rows = n;
                    counter.bytes = bytes;
                }
            }
        }.counting(counter);
    }

    /** A one-shot streamed body; a bad row value is kept in the counter and ends the body with an IOException. */
    private abstract static class Body implements HttpBody {
        private final String contentType;
        private Counter counter;

        Body(String contentType) {
            this.contentType = contentType;
        }

        Body counting(Counter c) {
            this.counter = c;
            return this;
        }

        abstract void write(OutputStream out) throws IOException;

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try {
                write(out);
            } catch (IllegalArgumentException e) {
                counter.failure = new dev.olaphttp.InvalidRequestException(e.getMessage() + " (the load was aborted; "
                        + "on a server that commits blocks while reading, earlier rows may have been loaded)", e,
                        dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, null));
                throw new IOException("the load was aborted: a row value was rejected", e);
            }
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }
    }
}
