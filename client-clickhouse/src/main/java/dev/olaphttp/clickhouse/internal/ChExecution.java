package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.clickhouse.internal.format.DecoderContext;
import dev.olaphttp.clickhouse.internal.format.ResultDecoder;
import dev.olaphttp.clickhouse.internal.format.ResultDecoders;
import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One ClickHouse statement whose response has arrived: decodes the (decompressed) body with the format's decoder,
 * or, for statements without a result, reads the body to its end checking it for a server exception. Closing
 * before the end aborts the connection and sends {@code KILL QUERY}.
 */
final class ChExecution implements QueryExecution {
    private final HttpResponse response;
    private final QueryInfo info;
    private final ResultFormat format;
    private final Cancellation cancellation;
    private final Killer killer;
    private final SessionDelta delta;
    private final QueryStats summary;
    private final Map<String, String> serverInfo;
    private final ZoneId fallbackZone;
    private final int maxValueBytes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private ResultDecoder decoder;
    private volatile boolean done;
    private boolean noResultChecked;
    private volatile boolean serverEnded;

    /**
     * @param format the result format to decode, or {@code null} for a statement without a result
     */
    ChExecution(HttpResponse response, QueryInfo info, ResultFormat format, Cancellation cancellation, Killer killer,
            SessionDelta delta, ServerVersion version, ZoneId fallbackZone, QueryListener listener, int maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
        this.response = response;
        this.info = info;
        this.format = format;
        this.cancellation = cancellation;
        this.killer = killer;
        this.delta = delta;
        this.summary = ChHeaders.summary(response);
        this.serverInfo = ChHeaders.serverInfo(response, version);
        this.fallbackZone = fallbackZone;
        for (String progress : response.headers("X-ClickHouse-Progress")) {
            try {
                listener.onProgress(info, ChHeaders.stats(progress));
            } catch (RuntimeException ignored) {
                // listeners must not break statements
            }
        }
    }

    @Override
    public String queryId() {
        return info.queryId();
    }

    @Override
    public Schema schema() {
        if (format == null) {
            return Schema.empty();
        }
        return decoder().schema();
    }

    private ResultDecoder decoder() {
        if (decoder == null) {
            InputStream body;
            try {
                body = Compression.decode(response.body(), response.header("Content-Encoding"));
            } catch (IOException e) {
                throw response.readFailure(e, 0);
            }
            String tz = response.header("X-ClickHouse-Timezone");
            ZoneId zone;
            try {
                zone = tz != null ? ZoneId.of(tz) : (fallbackZone != null ? fallbackZone : ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new dev.olaphttp.ProtocolException("unknown time zone in X-ClickHouse-Timezone: "
                        + (tz.length() > 40 ? tz.substring(0, 40) : tz), e,
                        dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, info.queryId()));
            }
            DecoderContext ctx = new DecoderContext(
                    zone,
                    response.header("X-ClickHouse-Exception-Tag"),
                    dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, info.queryId()),
                    response::readFailure,
                    maxValueBytes);
            decoder = ResultDecoders.create(format, body, ctx);
        }
        return decoder;
    }

    @Override
    public boolean advance() {
        if (done) {
            return false;
        }
        if (format == null) {
            if (!noResultChecked) {
                noResultChecked = true;
                NoResultBody.check(response, info.queryId());
            }
            finish();
            return false;
        }
        boolean more;
        try {
            more = decoder().next();
        } catch (dev.olaphttp.QueryFailedException e) {
            // the server reported the error and ended the query: nothing left to kill
            serverEnded = true;
            throw e;
        }
        if (more) {
            return true;
        }
        finish();
        return false;
    }

    private void finish() {
        done = true;
        closeResponse();
    }

    @Override
    public RowValues row() {
        return decoder == null ? null : decoder.row();
    }

    @Override
    public SessionDelta sessionDelta() {
        return delta;
    }

    @Override
    public QueryStats stats() {
        if (summary.resultRows() < 0 && done && decoder != null) {
            return new QueryStats(summary.rowsRead(), summary.bytesRead(), summary.rowsWritten(),
                    summary.bytesWritten(), decoder.rows(), summary.affectedRows(), summary.elapsed(),
                    summary.extra());
        }
        return summary;
    }

    @Override
    public Map<String, String> serverInfo() {
        return serverInfo;
    }

    @Override
    public void cancel() {
        if (!done) {
            cancellation.cancel();
            killOnce();
        }
    }

    @Override
    public void close() {
        if (!done && !serverEnded && !closed.get()) {
            killOnce();
        }
        closeResponse();
    }

    private void killOnce() {
        if (killed.compareAndSet(false, true)) {
            killer.kill(info.queryId());
        }
    }

    private void closeResponse() {
        if (closed.compareAndSet(false, true)) {
            try {
                response.close();
            } catch (RuntimeException ignored) {
                // close never throws
            }
        }
    }

    /** Reads the body of a statement without a result: it must be empty, or a server exception. */
    static final class NoResultBody {
        private NoResultBody() {}

        static void check(HttpResponse response, String queryId) {
            byte[] tail;
            try (InputStream in = Compression.decode(response.body(), response.header("Content-Encoding"))) {
                tail = TailBuffer.readAll(in, 64 * 1024);
            } catch (IOException e) {
                throw response.readFailure(e, 0);
            }
            SqlClientException err = TailBuffer.exceptionIn(tail, response.header("X-ClickHouse-Exception-Tag"),
                    dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, queryId).withHttpStatus(response.status()));
            if (err != null) {
                throw err;
            }
        }
    }
}
