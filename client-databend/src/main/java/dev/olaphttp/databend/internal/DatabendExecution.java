package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.DatabendQueryException;
import dev.olaphttp.databend.DatabendQueryException.Reason;
import dev.olaphttp.databend.StageAttachment;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One statement over {@code /v1/query}: the POST, then {@code next_uri} pages fetched lazily as rows are read
 * (long polls repeat), {@code final_uri} at the natural end, {@code kill_uri} then {@code final_uri} on cancel or an
 * early close. Follow-ups are pinned to the endpoint that answered and carry the sticky node.
 */
final class DatabendExecution implements QueryExecution {
    private static final Logger log = LoggerFactory.getLogger(DatabendExecution.class);
    /** {@link #load} of the {@code /final} reply: no {@link PageChain} check, no retry. */
    private static final long FINAL_REPLY = -2;

    private final DatabendClient client;
    private final StatementRequest request;
    private final CookieSession cookie;
    private final StatementSession session;
    private final ErrorDetails details;
    private final Duration pageReadTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ResultStats stats;
    private final QueryLocation where;
    private Page page;
    private ResultColumns columns;
    private ResultFormat format;
    private long rowsDelivered;
    private volatile boolean finished;
    private volatile boolean serverGone;
    private volatile boolean serverFailed;
    private RuntimeException firstFailure;
    private long statsRefreshedNanos;

    private DatabendExecution(DatabendClient client, StatementRequest request, CookieSession cookie,
            StatementSession session) {
        this.client = client;
        this.request = request;
        this.cookie = cookie;
        this.session = session;
        this.details = ErrorDetails.of(DatabendErrors.DIALECT, request.queryId());
        this.stats = new ResultStats(request.sql());
        this.where = new QueryLocation(client, request.info(), cookie);
        this.pageReadTimeout = PageReads.readTimeout(client.requests.options.waitTimeSecs(),
                client.requests.context.config().readTimeout());
    }

    /** Sends the POST and reads the first response; throws the server's error if the statement failed. */
    static DatabendExecution start(DatabendClient client, StatementRequest request, StageAttachment attachment) {
        return start(client, request, attachment, null);
    }

    /** As {@link #start(DatabendClient, StatementRequest, StageAttachment)}, under a deduplication label. */
    static DatabendExecution start(DatabendClient client, StatementRequest request, StageAttachment attachment,
            String dedupLabel) {
        client.ensureLogin();
        CookieSession cookie = client.cookieFor(request);
        StatementSession session = StatementSession.of(request, client);
        DatabendExecution ex = new DatabendExecution(client, request, cookie, session);
        HttpCall call;
        try {
            byte[] body = QueryBody.write(request, session.sent(), client.requests.options, attachment);
            HttpCall.Builder builder = client.requests.call("POST", "/v1/query", cookie, session.stickyNode())
                    .header(Requests.QUERY_ID, request.queryId())
                    .body(HttpBody.of(body, "application/json"))
                    .idempotent(true)
                    .deadline(request.deadline())
                    .cancellation(request.cancellation())
                    .info(request.info())
                    .readTimeout(ex.pageReadTimeout);
            if (dedupLabel != null) {
                builder.header(Requests.DEDUP_LABEL, dedupLabel);
            }
            call = builder.build();
        } catch (IllegalArgumentException e) { // a parameter or header value that cannot be sent; nothing was
            throw new InvalidRequestException(e.getMessage(), e, ex.details);
        }
        KillOnCancel kill = KillOnCancel.register(client, request, cookie, session.stickyNode());
        try {
            ex.load(call, 0, true);
        } catch (DatabendQueryException e) {
            if (!ex.serverFailed) {
                ex.deferOrThrow(ex.abandon(e, kill));
            }
            ex.firstFailure = e; // raised by schema()/advance(), so that the core folds failureDelta()
            return ex;
        } catch (RuntimeException e) {
            ex.deferOrThrow(ex.abandon(e, kill));
        }
        if (ex.firstFailure != null) {
            return ex;
        }
        if (!ex.page.drained()) {
            client.heartbeats.register(ex, new Heartbeats.Entry(cookie, ex.where.nodeId(), request.queryId(), ex.where.endpoint(),
                    ex.page.resultTimeoutSecs));
        }
        return ex;
    }

    /**
     * A failure after the server had returned this statement's session: kept to be raised where the caller reads
     * the result, so that the core folds {@link #failureDelta()} (in a transaction, the session names the query the
     * transaction now lives under). Thrown at once when nothing was reported.
     */
    private void deferOrThrow(RuntimeException e) {
        if (!session.reported()) {
            throw e;
        }
        firstFailure = e;
    }

    /** The POST failed: stops the server's work (by kill_uri if it answered, by query id if cancelled before). */
    private RuntimeException abandon(RuntimeException e, KillOnCancel kill) {
        close();
        if (!where.hasKillUri()) {
            kill.killIfCancelled();
        }
        return e;
    }

    /**
     * Sends a call and reads its page (a response to page {@code requestedPage}, 0 for the POST); a body that breaks
     * off (reset, truncation) is read again when {@code retry}: the server re-serves the last page (a repeated
     * {@code page == next-1}) and answers a repeated POST with the same query (same query id), so no row is read
     * twice. Retries stay on the endpoint that answered, within the statement's deadline.
     */
    private void load(HttpCall call, long requestedPage, boolean retry) {
        for (int attempt = 1;; attempt++) {
            try {
                loadOnce(call, requestedPage);
                return;
            } catch (PageReads.BrokenBody b) {
                if (!retry || attempt >= PageReads.ATTEMPTS || !PageReads.pause(call, attempt)) {
                    throw b.failure;
                }
                log.debug("query {}: {} {} broke off ({}); reading it again", request.queryId(), call.method(),
                        call.path(), b.failure.baseMessage());
                if (columns != null) {
                    columns.clearPage();
                }
                if (where.endpoint() != null) {
                    call = call.pinnedTo(where.endpoint());
                }
            }
        }
    }

    /**
     * One attempt: the response is closed on every path, and before a server-reported error is thrown (and the query
     * finalized). A response that does not continue the result as the server would ({@link PageChain}) is a
     * {@link ProtocolException}; so is a body that is not valid UTF-8.
     */
    private void loadOnce(HttpCall call, long requestedPage) {
        HttpResponse r = client.requests.context.transport().execute(call);
        Page p;
        try {
            where.answeredBy(r.endpoint());
            cookie.learn(r);
            stats.version(r.header("X-DATABEND-VERSION"));
            RecordingInputStream in = new RecordingInputStream(new Utf8CheckingInputStream(r.body()),
                    PageParser.SESSION_RECORD_LIMIT);
            try {
                p = PageParser.parse(in, this::columnsFor);
            } catch (JsonEOFException e) {
                throw PageReads.broken(r.readFailure(e, rowsDelivered));
            } catch (JsonProcessingException e) {
                throw protocol(r, in, "malformed JSON: " + dev.olaphttp.spi.BodySnippet.quote(e.getOriginalMessage()));
            } catch (Utf8CheckingInputStream.InvalidUtf8 e) {
                throw protocol(r, in, e.getMessage());
            } catch (IOException e) {
                throw PageReads.broken(r.readFailure(e, rowsDelivered));
            } catch (PageParser.MalformedPage | ObjectColumn.CellException e) {
                throw protocol(r, in, e.getMessage());
            }
            try {
                accept(p);
            } catch (PageParser.MalformedPage | ObjectColumn.CellException e) {
                throw protocol(r, in, e.getMessage());
            }
            if (!p.hasError() && requestedPage != FINAL_REPLY) {
                String wrong = PageChain.violation(p, requestedPage);
                if (wrong != null) {
                    throw protocol(r, in, wrong);
                }
            }
        } finally {
            r.close();
        }
        if (p.hasError()) {
            throw failed(p);
        }
    }

    /** The server reported an error: finalizes the query (it is over) and builds the exception. */
    private DatabendQueryException failed(Page p) {
        session.finished(client, cookie, where.nodeId(), where.endpoint(), stats.resultTimeoutSecs());
        if (p.id != null && !p.id.isEmpty() && where.hasFinalUri()) {
            where.stop(false);
        }
        ErrorDetails d = details.withHttpStatus(200);
        if (p.errorCode != null) {
            d = d.withErrorCode(p.errorCode);
        }
        Reason reason = p.id == null || p.id.isEmpty() ? Reason.START_FAILED : Reason.QUERY_FAILED;
        return new DatabendQueryException(reason, p.errorMessage, p.errorDetail, d);
    }

    private ProtocolException protocol(HttpResponse r, RecordingInputStream in, String what) {
        String head = HttpErrors.snippet(in.head());
        return HttpErrors.protocolError(r, what + (head.isEmpty() ? "" : "; body starts: " + head),
                details.withHttpStatus(r.status()));
    }

    private CellColumn[] columnsFor(Page p) {
        if (columns == null) {
            if (p.schema.isEmpty()) {
                return null;
            }
            columns = new ResultColumns(p.schema);
        } else if (!columns.matches(p.schema)) {
            throw new PageParser.MalformedPage("the result's schema changed between pages");
        }
        return columns.columns();
    }

    private void accept(Page p) {
        where.learn(p);
        if (p.sessionJson != null) {
            session.received(p.sessionJson);
        }
        cookie.learn(p.sessionId);
        stats.update(p, where.nodeId());
        if (p.stats.present && !p.hasError()) {
            stats.report(client.requests.context.listener(), request.info());
        }
        if (format == null && p.hasSettings) {
            format = new ResultFormat(ResultFormat.zoneOf(p.timezone != null ? p.timezone : session.timezone()),
                    p.binaryFormat, "driver".equalsIgnoreCase(p.jsonResultMode));
        }
        page = p;
        if (p.hasError()) {
            finished = true;
            serverFailed = true;
            client.heartbeats.unregister(this);
            return; // thrown by load() once the response is closed
        }
        if (columns == null && !p.schema.isEmpty()) {
            columnsFor(p); // a page without rows still carries the schema (e.g. LIMIT 0)
        }
        if (columns != null) {
            if (!columns.resolved() && (format != null || p.rows > 0 || p.drained())) {
                columns.resolve(currentFormat().zone());
            }
            columns.pageLoaded(p.rows, currentFormat());
        } else if (p.rows > 0) {
            throw new ProtocolException("rows arrived without a schema", null, details);
        }
    }

    private ResultFormat currentFormat() {
        return format != null ? format : new ResultFormat(ResultFormat.zoneOf(session.timezone()), null, false);
    }

    @Override
    public String queryId() {
        return request.queryId();
    }

    @Override
    public Schema schema() {
        raiseFirstFailure();
        while (columns == null || !columns.resolved()) {
            if (columns != null && page.drained()) {
                columns.resolve(currentFormat().zone());
                break;
            }
            if (page.drained()) {
                return Schema.empty();
            }
            fetch(page.nextUri);
        }
        return columns.schema();
    }

    @Override
    public boolean advance() {
        raiseFirstFailure();
        while (true) { // the core checks for a cancel before each row; fetch() checks before each page
            if (columns != null && columns.next()) {
                rowsDelivered++;
                return true;
            }
            if (finished) {
                return false;
            }
            if (page.drained()) {
                finishNaturally();
                return false;
            }
            fetch(page.nextUri);
        }
    }

    /** The error the POST's response carried, raised where the caller reads the result. */
    private void raiseFirstFailure() {
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private void checkCancelled() {
        if (request.cancellation().isCancelled()) {
            throw new QueryCancelledException("query cancelled after " + rowsDelivered + " rows", details);
        }
    }

    private void fetch(String uri) {
        checkCancelled();
        if (columns != null) {
            columns.clearPage();
        }
        HttpCall call = where.follow("GET", uri)
                .idempotent(true)
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .readTimeout(pageReadTimeout)
                .build();
        try {
            load(call, PageChain.pageNumber(uri) >= 0 ? PageChain.pageNumber(uri) : PageChain.NOT_A_PAGE, true);
        } catch (DatabendQueryException e) {
            if (e.reason() == Reason.QUERY_NOT_FOUND || e.reason() == Reason.QUERY_CLOSED) {
                serverGone = true;
                client.heartbeats.unregister(this);
            }
            throw e;
        }
        Heartbeats.Entry hb = client.heartbeats.entry(this);
        if (hb != null) {
            hb.touch();
        }
    }

    private void finishNaturally() {
        finished = true;
        client.heartbeats.unregister(this);
        String uri = page.nextUri;
        if (uri != null && !request.cancellation().isCancelled()) {
            try {
                if (columns != null) {
                    columns.clearPage();
                }
                load(where.follow("GET", uri).deadline(Requests.housekeepingDeadline()).build(), FINAL_REPLY, false);
            } catch (SqlClientException e) {
                log.debug("final request of query {} failed: {}", request.queryId(), e.baseMessage());
            }
        }
        session.finished(client, cookie, where.nodeId(), where.endpoint(), stats.resultTimeoutSecs());
    }

    @Override
    public RowValues row() {
        return columns;
    }

    @Override
    public SessionDelta sessionDelta() {
        return session.delta(cookie);
    }

    /**
     * The session as the server last reported it, whatever ended the statement early (its error, a broken page, a
     * cancel, an early close): from the first response on it names the query a transaction now lives under
     * ({@code internal.last_query_ids}) and its {@code txn_state}. Before any response, only the client session the
     * server assigned (so that it is logged out).
     */
    @Override
    public SessionDelta failureDelta() {
        return session.delta(cookie);
    }

    @Override
    public QueryStats stats() {
        long now = System.nanoTime();
        boolean due = statsRefreshedNanos == 0 || now - statsRefreshedNanos >= 1_000_000_000L;
        if (!finished && !serverGone && !where.stopping() && where.statsUri() != null && due) {
            statsRefreshedNanos = now; // at most one stats request per second
            refreshStats();
        }
        return stats.build();
    }

    private void refreshStats() {
        HttpCall call = where.follow("GET", where.statsUri()).deadline(Requests.housekeepingDeadline()).build();
        try (HttpResponse r = client.requests.context.transport().execute(call)) {
            Page p = PageParser.parse(new RecordingInputStream(r.body(), 0), pg -> null);
            stats.update(p, where.nodeId());
        } catch (IOException | RuntimeException e) {
            log.debug("stats of query {} unavailable: {}", request.queryId(), e.getMessage());
        }
    }

    @Override
    public Map<String, String> serverInfo() {
        Map<String, String> m = new LinkedHashMap<>();
        if (where.nodeId() != null) {
            m.put("node_id", where.nodeId());
        }
        if (cookie.sessionId() != null) {
            m.put("session_id", cookie.sessionId());
        }
        if (stats.version() != null) {
            m.put("version", stats.version());
        }
        return m;
    }

    /** Aborts the read in flight at once; kill and final go out from the client's scheduler. */
    @Override
    public void cancel() {
        request.cancellation().cancel();
        if (!finished && !serverGone) {
            client.heartbeats.unregister(this);
            where.stopInBackground(!session.inTransaction());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        client.heartbeats.unregister(this);
        if (!finished && !serverGone) {
            boolean kill = !session.inTransaction(); // inside a transaction /final alone: a kill would fail it
            if (request.cancellation().isCancelled()) {
                where.stopInBackground(kill); // the reader's close after a cancel must not wait on the server either
            } else {
                where.stop(kill); // an early close: the caller's own thread, done before close() returns
            }
        }
    }
}
