package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import dev.olaphttp.clickhouse.ClickHouseServer;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The ClickHouse extensions of one client: streamed inserts, raw result streams, ping and version. */
final class Extensions implements ClickHouseInserts, ClickHouseRaw, ClickHouseServer {
    private final ClientContext ctx;
    private final ChCalls calls;
    private final ServerFacts facts;
    private final Killer killer;

    Extensions(ClientContext ctx, ChCalls calls, ServerFacts facts, Killer killer) {
        this.ctx = ctx;
        this.calls = calls;
        this.facts = facts;
        this.killer = killer;
    }

    // ClickHouseInserts

    @Override
    public InsertResult insert(String insertSql, InputStream data, InsertOptions options) {
        java.util.Objects.requireNonNull(data, "data");
        return insert(insertSql, data::transferTo, options);
    }

    @Override
    public InsertResult insert(String insertSql, DataWriter writer, InsertOptions options) {
        if (!dev.olaphttp.spi.SqlText.firstKeyword(insertSql).equals("INSERT")) {
            throw new IllegalArgumentException("an insert needs an INSERT INTO ... FORMAT ... statement");
        }
        String queryId = options.queryId() != null ? options.queryId() : UUID.randomUUID().toString();
        HttpBody body = new HttpBody() {
            @Override
            public String contentType() {
                return "application/octet-stream";
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                writer.write(out);
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }
        };
        HttpCall.Builder b = calls.base("POST", queryId, ctx.config().defaultState(), options.settings(), null)
                .queryParam("query", dev.olaphttp.spi.SqlText.trimStatement(insertSql))
                .body(options.gzip() ? ChCalls.gzip(body) : body)
                .idempotent(false)
                .info(new QueryInfo(queryId, ChErrors.DIALECT, insertSql))
                .deadline(Deadline.after(ctx.config().queryTimeout()));
        if (options.gzip()) {
            b.header("Content-Encoding", "gzip");
        }
        try (HttpResponse r = ctx.transport().execute(b.build())) {
            ChExecution.NoResultBody.check(r, queryId);
            return new InsertResult(queryId, ChHeaders.summary(r));
        }
    }

    // ClickHouseRaw

    @Override
    public InputStream stream(String sql, Map<String, ?> params, Map<String, String> settings) {
        String queryId = UUID.randomUUID().toString();
        Map<String, Object> values = new LinkedHashMap<>(params);
        boolean serverParams = !values.isEmpty() && facts.version().isModern();
        Placeholders.Rendered rendered = values.isEmpty() || serverParams ? null : Placeholders.render(sql, values, facts::zone);
        String text = rendered == null ? sql : rendered.sql();
        HttpCall.Builder b = calls.base("POST", queryId, ctx.config().defaultState(), settings, null)
                .body(calls.sqlBody(text))
                .idempotent(dev.olaphttp.spi.SqlText.isReadOnly(sql))
                .info(new QueryInfo(queryId, ChErrors.DIALECT, sql))
                .deadline(Deadline.after(ctx.config().queryTimeout()));
        if (calls.compressRequest()) {
            b.header("Content-Encoding", "gzip");
        }
        if (serverParams) {
            Placeholders.serverParams(sql, values, facts::zone).forEach(p -> b.queryParam(p.getKey(), p.getValue()));
        }
        if (rendered != null) {
            b.classifier(new ChErrors(rendered.expressions()));
        }
        HttpResponse r = ctx.transport().execute(b.build());
        try {
            return new RawStream(r, Compression.decode(r.body(), r.header("Content-Encoding")), queryId, killer);
        } catch (IOException e) {
            SqlClientException typed = r.readFailure(e, 0);
            r.close();
            throw typed;
        } catch (RuntimeException | Error e) {
            r.close();
            throw e;
        }
    }

    // ClickHouseServer

    @Override
    public boolean ping() {
        HttpCall.Builder b = HttpCall.builder("GET", "/ping")
                .idempotent(true)
                .authenticate(false)
                .deadline(Deadline.after(Duration.ofSeconds(10)))
                .classifier(r -> r.status() == 200 ? null : ChErrorsPing.notOk(r));
        try (HttpResponse r = ctx.transport().execute(b.build())) {
            String text = new String(r.body().readNBytes(64), StandardCharsets.UTF_8);
            return text.strip().equals("Ok.");
        } catch (SqlClientException | IOException e) {
            return false;
        }
    }

    @Override
    public String version() {
        return facts.facts().versionText();
    }

    /** The error of a non-200 ping. */
    static final class ChErrorsPing {
        private ChErrorsPing() {}

        static SqlClientException notOk(HttpResponse r) {
            return dev.olaphttp.spi.HttpErrors.protocolError(r, "", ErrorDetails.of(ChErrors.DIALECT, null));
        }
    }
}
