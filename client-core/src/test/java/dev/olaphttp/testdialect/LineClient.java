package dev.olaphttp.testdialect;

import dev.olaphttp.SessionState;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.SqlText;
import dev.olaphttp.spi.StatementRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The per-client half of {@link LineDialect}: sends {@code POST /query}. */
final class LineClient implements DialectClient, LineDialect.ClosedSessions {
    private final ClientContext context;
    private final List<SessionState> closedSessions = new CopyOnWriteArrayList<>();

    LineClient(ClientContext context) {
        this.context = context;
    }

    @Override
    public QueryExecution start(StatementRequest request) {
        HttpCall.Builder call = HttpCall.builder("POST", "/query")
                .header("X-Query-Id", request.queryId())
                .body(HttpBody.text(request.sql(), "text/plain; charset=utf-8"))
                .idempotent(request.idempotentOr(SqlText.isReadOnly(request.sql())))
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .info(request.info());
        request.state().database().ifPresent(db -> call.queryParam("database", db));
        request.state().dialectState().ifPresent(st -> call.header(LineDialect.SESSION_STATE, st));
        request.state().settings().forEach((k, v) -> call.queryParam("setting_" + k, v));
        request.settings().forEach((k, v) -> call.queryParam("setting_" + k, v));
        for (Map.Entry<String, Object> p : request.namedParams().entrySet()) {
            call.queryParam("param_" + p.getKey(), String.valueOf(p.getValue()));
        }
        for (int i = 0; i < request.positional().size(); i++) {
            call.queryParam("p" + (i + 1), String.valueOf(request.positional().get(i)));
        }
        HttpResponse response = context.transport().execute(call.build());
        return new LineExecution(request, response, context.details(request.queryId()));
    }

    @Override
    public void closeSession(SessionState state) {
        closedSessions.add(state);
    }

    @Override
    public List<SessionState> closedSessions() {
        return List.copyOf(closedSessions);
    }

    @Override
    public <T> T extension(Class<T> type) {
        return type == LineDialect.ClosedSessions.class ? type.cast(this) : null;
    }
}
