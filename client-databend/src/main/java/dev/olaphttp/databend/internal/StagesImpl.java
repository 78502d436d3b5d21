package dev.olaphttp.databend.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ExecutionResult;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryStats;
import dev.olaphttp.databend.DatabendStages;
import dev.olaphttp.databend.StageAttachment;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.ClientConfig;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.StatementRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/** {@link DatabendStages}: {@code PUT /v1/upload_to_stage} and statements with a {@code stage_attachment}. */
final class StagesImpl implements DatabendStages {
    private final DatabendClient client;

    StagesImpl(DatabendClient client) {
        this.client = client;
    }

    @Override
    public String upload(String stage, String path, InputStream data) {
        Objects.requireNonNull(data, "data");
        return send(stage, path, MultipartBody.of(fileName(path), data), false);
    }

    @Override
    public String upload(String stage, String path, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return send(stage, path, MultipartBody.of(fileName(path), file), true);
    }

    private static String fileName(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.lastIndexOf('/');
        String name = slash < 0 ? p : p.substring(slash + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the stage path must end with a file name");
        }
        return name;
    }

    private String send(String stage, String path, HttpBody body, boolean repeatable) {
        String id = UUID.randomUUID().toString().replace("-", "");
        ClientConfig config = client.requests.context.config();
        return send(stage, path, body, repeatable, id, Deadline.after(config.queryTimeout()), new Cancellation());
    }

    /** {@code PUT /v1/upload_to_stage} under the given id, budget and cancel signal; returns the location. */
    String send(String stage, String path, HttpBody body, boolean repeatable, String id, Deadline deadline,
            Cancellation cancellation) {
        Objects.requireNonNull(stage, "stage");
        client.ensureLogin();
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.lastIndexOf('/');
        String dir = slash < 0 ? "" : p.substring(0, slash);
        HttpCall.Builder b = client.requests.call("PUT", "/v1/upload_to_stage", client.clientSession(), null)
                .header("X-DATABEND-STAGE-NAME", stage)
                .header("stage_name", stage)
                .header(Requests.QUERY_ID, id)
                .body(body)
                .idempotent(repeatable)
                .deadline(deadline)
                .cancellation(cancellation)
                .info(new QueryInfo(id, DatabendErrors.DIALECT, "PUT @" + stage + "/" + p));
        if (!dir.isEmpty()) {
            b.header("X-DATABEND-RELATIVE-PATH", dir).header("relative_path", dir);
        }
        String reply;
        try (HttpResponse r = client.requests.context.transport().execute(b.build())) {
            reply = Requests.drain(r);
        }
        if (!reply.contains("\"SUCCESS\"")) {
            throw new ProtocolException("upload to stage " + stage + " was not confirmed: "
                    + dev.olaphttp.spi.HttpErrors.snippet(reply), null, ErrorDetails.of(DatabendErrors.DIALECT, id));
        }
        return "@" + stage + "/" + p;
    }

    @Override
    public ExecutionResult insertFromStage(String sql, StageAttachment attachment) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(attachment, "attachment");
        ClientConfig config = client.requests.context.config();
        String id = UUID.randomUUID().toString().replace("-", "");
        StatementRequest request = new StatementRequest(new QueryInfo(id, DatabendErrors.DIALECT, sql), null, null,
                null, config.defaultState(), Deadline.after(config.queryTimeout()), new Cancellation(), 0, null, false);
        long rows = 0;
        QueryStats stats;
        try (DatabendExecution ex = DatabendExecution.start(client, request, attachment)) {
            ex.schema();
            while (ex.advance()) {
                rows++;
            }
            stats = ex.stats();
            return new ExecutionResult(id, stats.affectedRows(), rows, stats,
                    ex.sessionDelta().applyTo(config.defaultState()));
        }
    }
}
