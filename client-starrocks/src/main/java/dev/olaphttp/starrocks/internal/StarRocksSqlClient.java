package dev.olaphttp.starrocks.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.InsertRequest;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import dev.olaphttp.starrocks.internal.load.StarRocksLoader;
import java.util.Map;

/**
 * The per-client half of the StarRocks dialect: checks each statement, applies SET/USE to the session, renders
 * parameters, sends the rest to the SQL API and reads the result; runs bulk loads through Stream Load. Thread-safe (no mutable state). Not API.
 */
public final class StarRocksSqlClient implements DialectClient {
    private final ClientContext context;
    private final KillSender killer;
    private final StarRocksLoader loader;

    /** A client over the core's context. */
    public StarRocksSqlClient(ClientContext context) {
        this.context = context;
        boolean kill = context.config().booleanOption(DsnSettings.KILL_ON_CANCEL, true);
        this.killer = kill ? new KillSender(context) : null;
        this.loader = new StarRocksLoader(context, this::start);
    }

    @Override
    public QueryExecution start(StatementRequest request) {
        ErrorDetails details = context.details(request.queryId());
        String sql = request.hasParams()
                ? ParamRenderer.render(request.sql(), request.namedParams(), request.positional(), details)
                : request.sql();
        Statement statement = StatementClassifier.classify(sql, details);
        if (statement.kind() == Statement.Kind.SESSION) {
            return QueryExecution.sessionOnly(request.queryId(), statement.delta());
        }
        boolean read = statement.kind() == Statement.Kind.READ;
        Map<String, String> variables = SqlRequests.variables(request.state(), request.settings());
        HttpCall call = SqlRequests.call(SqlRequests.path(request.state()), sql, variables)
                .info(request.info())
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .idempotent(request.idempotentOr(read))
                .build();
        HttpResponse response = context.transport().execute(call);
        return RemoteExecution.open(request, response, !read, statement.answer(), killer, details);
    }

    @Override
    public InsertResult insert(InsertRequest request) {
        return loader.insert(request);
    }

    @Override
    public String toString() {
        return "StarRocksSqlClient{" + context.config().endpoints() + "}";
    }
}
