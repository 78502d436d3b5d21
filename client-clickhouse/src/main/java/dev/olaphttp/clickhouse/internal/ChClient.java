package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.SessionState;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import dev.olaphttp.clickhouse.ClickHouseServer;
import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.SqlText;
import dev.olaphttp.spi.StatementRequest;
import java.util.Map;
import java.util.UUID;

/**
 * The ClickHouse half of one client: turns statements into requests ({@code POST /} with the SQL as the body, or
 * {@code GET /?query=} for reads when asked), picks the result format, binds parameters, keeps session state.
 */
public final class ChClient implements DialectClient {
    private final ClientContext ctx;
    private final ChOptions options;
    private final ChCalls calls;
    private final ServerFacts facts;
    private final Killer killer;
    private final Extensions extensions;
    private final ChLoader loader;

    private ChClient(ClientContext ctx) {
        this.ctx = ctx;
        this.options = ChOptions.from(ctx.config());
        this.calls = new ChCalls(options, ctx.config().credentials());
        this.facts = new ServerFacts(ctx.transport(), calls, options.fixedVersion(), ctx.config().endpoints());
        this.killer = new Killer(ctx.transport(), calls, ctx.scheduler(), options.killOnCancel());
        this.extensions = new Extensions(ctx, calls, facts, killer);
        this.loader = new ChLoader(ctx, calls, facts, killer);
    }

    /** Opens the per-client half of the dialect; validates the options. */
    public static ChClient open(ClientContext ctx) {
        return new ChClient(ctx);
    }

    @Override
    public QueryExecution start(StatementRequest request) {
        if (!request.positional().isEmpty()) {
            throw new UnsupportedStatementException(
                    "ClickHouse uses named placeholders {name:Type}; bind them with param(name, value)",
                    ErrorDetails.of(ChErrors.DIALECT, request.queryId()));
        }
        String sql = request.sql();
        if (request.namedParams().isEmpty() && sql.indexOf('{') >= 0 && !Placeholders.find(sql).isEmpty()) {
            throw new dev.olaphttp.InvalidRequestException(
                    "the statement has {name:Type} placeholders but no parameters are bound",
                    ErrorDetails.of(ChErrors.DIALECT, request.queryId()));
        }
        SessionDelta local = SessionStatements.parse(sql);
        String sessionId = sessionId(request);
        if (local != null && sessionId == null) {
            return QueryExecution.sessionOnly(request.queryId(), local);
        }
        SessionDelta.Builder delta = SessionDelta.builder();
        if (sessionId != null && request.state().serverSessionId().isEmpty()) {
            delta.serverSessionId(sessionId);
        }
        if (local != null) {
            // sent to the server session, and also kept client-side so the URL parameters agree with it
            SessionState folded = local.applyTo(SessionState.empty());
            folded.database().ifPresent(delta::database);
            folded.settings().forEach(delta::set);
        }
        String userFormat = SqlLexer.outputFormat(sql);
        ResultFormat format = null;
        boolean rows = Statement.returnsRows(sql);
        if (userFormat != null) {
            format = Statement.decodable(userFormat);
            if (format == null) {
                throw new UnsupportedStatementException("FORMAT " + userFormat + " is not decoded into rows; stream it "
                        + "with client.extension(ClickHouseRaw.class).stream(sql)",
                        ErrorDetails.of(ChErrors.DIALECT, request.queryId()));
            }
        } else if (rows) {
            format = chooseFormat();
        }
        boolean serverParams = !request.namedParams().isEmpty() && useServerParams();
        Placeholders.Rendered rendered = request.namedParams().isEmpty() || serverParams
                ? null
                : Placeholders.render(sql, request.namedParams(), facts::zone);
        String text = rendered == null ? sql : rendered.sql();
        boolean readOnly = SqlText.isReadOnly(sql);
        boolean get = options.httpGet() && readOnly && sessionId == null;
        HttpCall.Builder b = calls.base(get ? "GET" : "POST", request.queryId(), request.state(), request.settings(), sessionId);
        if (serverParams) {
            for (Map.Entry<String, String> p : Placeholders.serverParams(sql, request.namedParams(), facts::zone)) {
                b.queryParam(p.getKey(), p.getValue());
            }
        }
        if (format != null && userFormat == null) {
            b.queryParam("default_format", format.formatName());
        }
        if (format != null) {
            FormatSettings.of(format, facts.version()).forEach((k, v) -> {
                if (!request.settings().containsKey(k) && !request.state().settings().containsKey(k)) {
                    b.queryParam(k, v);
                }
            });
        }
        if (get) {
            b.queryParam("query", text);
        } else {
            b.body(calls.sqlBody(text));
            if (calls.compressRequest()) {
                b.header("Content-Encoding", "gzip");
            }
        }
        QueryInfo info = new QueryInfo(request.queryId(), ChErrors.DIALECT, sql);
        b.info(info)
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .idempotent(request.idempotentOr(readOnly && sessionId == null));
        if (rendered != null) {
            b.classifier(new ChErrors(rendered.expressions()));
        }
        HttpResponse response;
        try {
            response = ctx.transport().execute(b.build());
        } catch (QueryCancelledException | QueryTimeoutException e) {
            // cancelled or timed out while waiting for the headers (old servers send them only after 1 MiB of
            // result or at the end): the query may still run on the server
            if (request.cancellation().isCancelled() || e.httpStatus() <= 0) {
                killer.kill(request.queryId());
            }
            throw e;
        }
        facts.observe(response.endpoint(), ctx.scheduler());
        return new ChExecution(response, info, format, request.cancellation(), killer, delta.build(),
                facts.knownVersion(), facts.zoneIfKnown(), ctx.listener());
    }

    /** The server session id to send: the state's, or a new one for a session in {@code session=server} mode. */
    private String sessionId(StatementRequest request) {
        if (request.state().serverSessionId().isPresent()) {
            return request.state().serverSessionId().get();
        }
        if (options.serverSession() && request.inSession()) {
            return UUID.randomUUID().toString();
        }
        return null;
    }

    private ResultFormat chooseFormat() {
        return switch (options.format()) {
            case ROW_BINARY -> ResultFormat.ROW_BINARY;
            case TSV -> ResultFormat.TSV;
            case JSON_COMPACT -> ResultFormat.JSON_COMPACT;
            case AUTO -> facts.version().isModern() ? ResultFormat.ROW_BINARY : ResultFormat.TSV;
        };
    }

    private boolean useServerParams() {
        return switch (options.serverParams()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> facts.version().isModern();
        };
    }

    @Override
    public dev.olaphttp.InsertResult insert(dev.olaphttp.spi.InsertRequest request) {
        return loader.load(request);
    }

    @Override
    public <T> T extension(Class<T> type) {
        if (type == ClickHouseInserts.class || type == ClickHouseRaw.class || type == ClickHouseServer.class) {
            return type.cast(extensions);
        }
        return null;
    }
}
