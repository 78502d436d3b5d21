package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryStats;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One statement sent to the FE: reads its body through {@link ResultReader}, maps read failures to typed
 * exceptions, and on {@link #cancel()} or an early {@link #close()} ends the call and sends
 * {@code KILL QUERY <connectionId>}.
 *
 * <p>The kill names a connection, not a query: whenever one may follow, the response is released with
 * {@link HttpResponse#abort()} so that its connection is never pooled and reused by a later statement the kill
 * would then hit. When the FE has already finished (the parser saw the end, the end line is already buffered, the
 * transport delivered all of the body or has all of a small rest within a short wait, or the answer is a SHOW or
 * EXPLAIN object), no kill is sent and the connection goes back to the pool.
 */
final class RemoteExecution implements QueryExecution {
    /** Server-info key of the FE connection id. */
    static final String CONNECTION_ID = dev.olaphttp.starrocks.StarRocks.CONNECTION_ID;
    /** Server-info key of the {@code X-StarRocks-Query-Id} header. */
    static final String SERVER_QUERY_ID = dev.olaphttp.starrocks.StarRocks.QUERY_ID;
    /** The response header carrying the FE's query id. */
    static final String QUERY_ID_HEADER = "X-StarRocks-Query-Id";

    private static final JsonFactory JSON = new JsonFactory();
    /** How much of an unread rest may still be awaited on an early close, and for how long. */
    private static final int REST_LIMIT = 64 * 1024;
    private static final java.time.Duration REST_WAIT = java.time.Duration.ofMillis(100);

    private final StatementRequest request;
    private final HttpResponse response;
    private final HeadCapture body;
    private final JsonParser parser;
    private final ResultReader reader;
    private final KillSender killer;
    private final ErrorDetails details;
    private final Map<String, String> serverInfo = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private volatile boolean finished;

    private RemoteExecution(
            StatementRequest request, HttpResponse response, HeadCapture body, JsonParser parser,
            boolean emptyAllowed, Statement.Answer answer, KillSender killer, ErrorDetails details) {
        this.request = request;
        this.response = response;
        this.killer = killer;
        this.details = details;
        this.body = body;
        this.parser = parser;
        this.reader = new ResultReader(parser, emptyAllowed, answer);
        String serverQueryId = response.header(QUERY_ID_HEADER);
        if (serverQueryId != null) {
            serverInfo.put(SERVER_QUERY_ID, serverQueryId);
        }
    }

    /** Starts reading a response: everything up to the first row. Closes the response when that fails. */
    static RemoteExecution open(StatementRequest request, HttpResponse response, boolean kill,
            Statement.Answer answer, KillSender killer, ErrorDetails details) {
        String contentType = response.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html")) {
            String snippet = HttpErrors.snippet(HttpErrors.bodyText(response));
            response.close();
            throw HttpErrors.protocolError(response, snippet, details);
        }
        HeadCapture body;
        JsonParser parser;
        try {
            body = new HeadCapture(new Utf8Guard(response.body()), contentLength(response));
            parser = JSON.createParser(body); // reads the first bytes to detect the encoding
        } catch (Utf8Guard.Invalid ex) {
            response.close();
            throw new ProtocolException("malformed StarRocks result: " + ex.getMessage(), ex,
                    details.withHttpStatus(response.status()));
        } catch (IOException ex) {
            response.close();
            throw response.readFailure(ex, 0);
        } catch (RuntimeException ex) {
            response.close();
            throw ex;
        }
        RemoteExecution e = new RemoteExecution(request, response, body, parser, kill, answer, killer, details);
        try {
            e.reader.readHead();
        } catch (IOException ex) {
            e.release();
            throw e.map(ex);
        }
        if (e.reader.connectionId() != null) {
            e.serverInfo.put(CONNECTION_ID, e.reader.connectionId());
        }
        if (e.reader.isDone()) {
            e.finished = true;
            e.release();
        }
        return e;
    }

    private static long contentLength(HttpResponse response) {
        String value = response.header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether the FE already sent the whole body: nothing left to stop, and the connection may be pooled. From
     * another thread ({@link #cancel()}) only the transport's volatile flag is reliable, and it is the one that
     * matters there: a body not ended when the call was cancelled can no longer reach the pool.
     */
    private boolean bodyEnded() {
        return body.ended() || reader.isDone();
    }

    @Override
    public String queryId() {
        return request.queryId();
    }

    @Override
    public Schema schema() {
        return reader.schema();
    }

    @Override
    public boolean advance() {
        if (finished) {
            return false;
        }
        if (closed.get()) {
            throw new IllegalStateException("the result is closed");
        }
        try {
            if (reader.next()) {
                return true;
            }
            finished = true;
            release();
            return false;
        } catch (IOException ex) {
            SqlClientException mapped = map(ex);
            // we gave up on a stream the FE may still be producing; otherwise the stream was cut: the FE ended it
            boolean kill = (mapped instanceof dev.olaphttp.QueryTimeoutException || mapped instanceof ProtocolException
                    || request.cancellation().isCancelled()) && !bodyEnded();
            finished = true;
            release(); // aborts the connection before the kill that names it is sent
            if (kill) {
                sendKill(); // sent once, even after cancel()
            }
            throw mapped;
        } catch (RuntimeException ex) {
            finished = true;
            release();
            throw ex;
        }
    }

    private SqlClientException map(IOException ex) {
        long rows = reader.rows();
        if (ex instanceof ResultParts.Failed f) {
            return new QueryFailedException(f.getMessage(), details.withHttpStatus(response.status()));
        }
        if (ex instanceof Utf8Guard.Invalid) {
            return new ProtocolException("malformed StarRocks result after " + rows + " rows: " + ex.getMessage(), ex,
                    details.withHttpStatus(response.status()));
        }
        if (ex instanceof JsonEOFException) {
            return interrupted(response.readFailure(ex, rows), ex, rows);
        }
        if (ex instanceof JsonProcessingException j) {
            if (request.cancellation().isCancelled()) {
                return response.readFailure(ex, rows);
            }
            String head = body.head().stripLeading();
            if (rows == 0 && !head.startsWith("{")) {
                return HttpErrors.protocolError(response, HttpErrors.snippet(head), details);
            }
            return new ProtocolException("malformed StarRocks result after " + rows + " rows: "
                    + dev.olaphttp.spi.BodySnippet.quote(j.getOriginalMessage()), ex, details.withHttpStatus(response.status()));
        }
        return interrupted(response.readFailure(ex, rows), ex, rows);
    }

    /**
     * A cut stream says nothing about why: the FE closes the connection and logs the error. Name the FE's query id
     * and connection id so that the cause can be found in the FE log or audit log.
     */
    private SqlClientException interrupted(SqlClientException mapped, IOException cause, long rows) {
        if (!(mapped instanceof ResultInterruptedException)) {
            return mapped;
        }
        String why = cause instanceof JsonEOFException e ? e.getOriginalMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new ResultInterruptedException("StarRocks result ended early after " + rows + " rows (" + why
                + "); the FE closes the stream when a query fails after it started, and logs the cause: look for"
                + " query id " + serverInfo.getOrDefault(SERVER_QUERY_ID, "unknown") + ", connection "
                + serverInfo.getOrDefault(CONNECTION_ID, reader.connectionId() == null ? "unknown"
                        : reader.connectionId()), cause, mapped.details(), rows);
    }

    @Override
    public RowValues row() {
        return reader.row();
    }

    @Override
    public SessionDelta sessionDelta() {
        return SessionDelta.none();
    }

    @Override
    public QueryStats stats() {
        return reader.stats();
    }

    @Override
    public Map<String, String> serverInfo() {
        return Map.copyOf(serverInfo);
    }

    @Override
    public void cancel() {
        // aborts the call (a blocked read fails at once); the reading thread releases the response
        request.cancellation().cancel();
        // checked after the call was cancelled: a body not ended by then can no longer reach the pool
        if (!finished && !bodyEnded()) {
            sendKill();
        }
    }

    @Override
    public void close() {
        boolean unfinished = !finished && !bodyEnded() && !serverFinished();
        release(!unfinished);
        if (unfinished) {
            sendKill();
        }
    }

    /**
     * Whether the FE has finished a statement whose result the caller stopped reading early: SHOW and EXPLAIN are
     * sent only once complete; for a stream, the statistics line (its end marker) is already among the bytes the
     * parser buffered, or the transport has the whole rest of a small body within a short wait. Then no KILL is
     * due (it would only fail with "Unknown thread id") and the connection can go back to the pool. A stream
     * still being produced, or a rest larger than {@link #REST_LIMIT}, is not finished.
     */
    private boolean serverFinished() {
        if (closed.get() || reader.form() == null) {
            return false;
        }
        if (reader.form() != ResultReader.Form.STREAM) {
            return true;
        }
        java.io.ByteArrayOutputStream buffered = new java.io.ByteArrayOutputStream();
        try {
            parser.releaseBuffered(buffered);
        } catch (IOException e) {
            return false;
        }
        return ResultParts.holdsEndLine(buffered.toByteArray()) || response.awaitRest(REST_LIMIT, REST_WAIT) != null;
    }

    private void sendKill() {
        if (killer != null && killed.compareAndSet(false, true)) {
            killer.killQuery(reader.connectionId(), response.endpoint(), request.state(), request.queryId());
        }
    }

    /**
     * Releases the response. A body not read to its end is aborted first (before the parser closes the stream,
     * which would let OkHttp drain a short remainder and pool the connection that a kill is about to name).
     */
    private void release() {
        release(false);
    }

    private void release(boolean complete) {
        if (closed.compareAndSet(false, true)) {
            boolean ended = complete || bodyEnded();
            if (!ended) {
                response.abort();
            }
            try {
                parser.close();
            } catch (IOException | RuntimeException ignored) {
                // the response is released below
            }
            if (ended) {
                response.close();
            }
        }
    }
}
