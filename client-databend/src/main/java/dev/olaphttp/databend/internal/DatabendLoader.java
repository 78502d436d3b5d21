package dev.olaphttp.databend.internal;

import dev.olaphttp.Column;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.StageAttachment;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.InsertRequest;
import dev.olaphttp.spi.StatementRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk load: (rows only) the table's column types read once from {@code SELECT * FROM t LIMIT 0}; the data
 * streamed into {@code @stage/olaphttp/load/<label>.<format>} with {@code PUT /v1/upload_to_stage}; then
 * {@code INSERT INTO t (cols) VALUES} with a {@code stage_attachment} ({@code purge=true}) under the
 * {@code X-DATABEND-DEDUPLICATE-LABEL}; on any failure after the upload started, {@code REMOVE} of the staged file
 * (its errors logged, the original error thrown).
 *
 * <p>With the load option {@code method=streaming_load} the data goes in one {@code PUT /v1/streaming_load}
 * instead (see {@link StreamingLoad}).
 *
 * <p>Retries: the upload of encoded rows or of an {@code InputStream} is sent once (its bytes are consumed); a file
 * upload is retried by the transport (same file name, so a retry overwrites). The INSERT is retried safely: same
 * query id (the server returns the running query instead of starting another) and same label (the server skips a
 * statement whose label it has seen). Loading again with the same {@link dev.olaphttp.Insert#label label} loads once.
 */
final class DatabendLoader {
    private static final Logger log = LoggerFactory.getLogger(DatabendLoader.class);

    private final DatabendClient client;

    DatabendLoader(DatabendClient client) {
        this.client = client;
    }

    InsertResult load(InsertRequest request) {
        ErrorDetails details = ErrorDetails.of(DatabendErrors.DIALECT, request.loadId());
        try {
            return load(request, details);
        } catch (IllegalArgumentException e) { // table, columns, options or label that cannot be sent; nothing was
            throw new dev.olaphttp.InvalidRequestException(e.getMessage(), e, details);
        }
    }

    private InsertResult load(InsertRequest request, ErrorDetails details) {
        String label = request.labelOr("olaphttp-" + UUID.randomUUID().toString().replace("-", ""));
        dev.olaphttp.spi.HttpCall.checkHeader(Requests.DEDUP_LABEL, label);
        LoadPlan plan = new LoadPlan(request.table(), label, request.format(), request.options());
        client.ensureLogin();
        MultipartBody body;
        NdjsonRows rows = null;
        List<String> columns;
        if (request.rows() != null) {
            List<Column> targets = LoadPlan.match(tableSchema(request), request.columns());
            rows = new NdjsonRows(targets, request.rows(), details);
            body = MultipartBody.of(plan.fileName, rows);
            plan.fileFormat.put("type", "NDJSON");
            columns = new ArrayList<>(targets.size());
            for (Column c : targets) {
                columns.add(c.name());
            }
        } else {
            body = MultipartBody.of(plan.fileName, request.data());
            columns = request.columns();
        }
        if (plan.streaming) {
            try {
                return StreamingLoad.send(client, request, plan, columns, label, body, rows);
            } catch (RuntimeException e) {
                throw rows != null && rows.failure() != null ? rows.failure() : e;
            }
        }
        try {
            client.stages().send(plan.stage, plan.path(), body, body.isRepeatable(), request.loadId() + "-upload",
                    request.deadline(), request.cancellation());
            return insert(request, plan, columns, label, rows);
        } catch (RuntimeException e) {
            RuntimeException original = rows != null && rows.failure() != null ? rows.failure() : e;
            remove(request, plan, original);
            throw original;
        }
    }

    private Schema tableSchema(InsertRequest request) {
        String sql = "SELECT * FROM " + request.table() + " LIMIT 0";
        StatementRequest sr = statement(request, request.loadId() + "-schema", sql, request.deadline(),
                request.cancellation(), Map.of());
        try (DatabendExecution ex = DatabendExecution.start(client, sr, null)) {
            Schema s = ex.schema();
            while (ex.advance()) {
                // LIMIT 0: nothing to read; drains to the server's end
            }
            if (s.size() == 0) {
                throw new ProtocolException("the server returned no columns for table " + request.table(), null,
                        ErrorDetails.of(DatabendErrors.DIALECT, sr.queryId()));
            }
            return s;
        }
    }

    private InsertResult insert(InsertRequest request, LoadPlan plan, List<String> columns, String label,
            NdjsonRows rows) {
        String sql = plan.insertSql(columns);
        StatementRequest sr = statement(request, request.loadId(), sql, request.deadline(), request.cancellation(),
                request.settings());
        StageAttachment.Builder att = StageAttachment.builder(plan.location());
        plan.fileFormat.forEach(att::fileFormat);
        plan.copy.forEach(att::copyOption);
        try (DatabendExecution ex = DatabendExecution.start(client, sr, att.build(), label)) {
            ex.schema();
            while (ex.advance()) {
                // the INSERT's one-row summary; the counts come from its stats
            }
            QueryStats stats = ex.stats();
            long written = stats.rowsWritten() >= 0 ? stats.rowsWritten() : stats.affectedRows();
            Map<String, String> info = new LinkedHashMap<>(stats.extra());
            info.putAll(ex.serverInfo());
            info.put("stage_location", plan.location());
            if (rows != null) {
                info.put("rows_sent", Long.toString(rows.rowsWritten()));
                info.put("bytes_sent", Long.toString(rows.bytesWritten()));
            }
            InsertResult result = new InsertResult(written, stats.bytesWritten(), request.loadId(), label, info);
            if (written == 0) {
                // nothing written (empty data, or a label the server had seen): purge may not have run
                remove(request, plan, null);
            }
            return result;
        }
    }

    /** {@code REMOVE @stage/path} after a failed or empty load; its own failure is logged, never thrown. */
    private void remove(InsertRequest request, LoadPlan plan, RuntimeException cause) {
        StatementRequest sr = statement(request, request.loadId() + "-remove", "REMOVE " + plan.location(),
                Requests.housekeepingDeadline(), new Cancellation(), Map.of());
        try (DatabendExecution ex = DatabendExecution.start(client, sr, null)) {
            while (ex.advance()) {
                // REMOVE lists nothing we need
            }
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
            log.warn("could not remove staged file {} after a failed load {}: {}", plan.location(),
                    request.loadId(), e.getMessage());
        }
    }

    private static StatementRequest statement(InsertRequest request, String id, String sql, Deadline deadline,
            Cancellation cancellation, Map<String, String> settings) {
        return new StatementRequest(new QueryInfo(id, DatabendErrors.DIALECT, sql), null, null, settings,
                request.state(), deadline, cancellation, 0, Boolean.TRUE, false);
    }
}
