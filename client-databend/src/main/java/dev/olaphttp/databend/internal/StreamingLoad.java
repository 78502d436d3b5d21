package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InsertResult;
import dev.olaphttp.SessionState;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.InsertRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /v1/streaming_load} (servers above 1.2.781): one multipart request whose {@code X-DATABEND-SQL} is
 * {@code INSERT INTO t (cols) FROM @_databend_load FILE_FORMAT = (...)}; the reply is
 * {@code {"id", "stats": {"rows", "bytes"}}}, errors a 400 envelope. Nothing is staged, so nothing to clean up. Sent
 * under the load id as query id and the deduplication label; re-sent by the transport only when the body is
 * repeatable (a file).
 */
final class StreamingLoad {
    private StreamingLoad() {}

    static InsertResult send(DatabendClient client, InsertRequest request, LoadPlan plan, List<String> columns,
            String label, MultipartBody body, NdjsonRows rows) {
        HttpCall.Builder b = client.requests.call("PUT", "/v1/streaming_load", client.clientSession(), null)
                .header(Requests.QUERY_ID, request.loadId())
                .header("X-DATABEND-SQL", sql(plan, columns))
                .header(Requests.DEDUP_LABEL, label)
                .body(body)
                .idempotent(body.isRepeatable())
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .info(request.info());
        String context = context(request.state());
        if (context != null) {
            b.header("X-DATABEND-QUERY-CONTEXT", context);
        }
        String reply;
        try (HttpResponse r = client.requests.context.transport().execute(b.build())) {
            reply = Requests.drain(r);
        }
        return result(reply, request, label, rows);
    }

    /** {@code INSERT INTO t (a, b) FROM @_databend_load FILE_FORMAT = (type = 'NDJSON', ...)}. */
    static String sql(LoadPlan plan, List<String> columns) {
        String insert = plan.insertSql(columns);
        StringBuilder sb = new StringBuilder(insert.substring(0, insert.length() - " VALUES".length()))
                .append(" FROM @_databend_load FILE_FORMAT = (");
        boolean first = true;
        for (Map.Entry<String, String> e : plan.fileFormat.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(" = '")
                    .append(e.getValue().replace("'", "''")).append('\'');
            first = false;
        }
        return sb.append(')').toString();
    }

    private static String context(SessionState state) {
        String db = state.database().orElse(null);
        if (db == null && state.settings().isEmpty()) {
            return null;
        }
        return SessionJson.fresh(db, state.settings());
    }

    private static InsertResult result(String reply, InsertRequest request, String label, NdjsonRows rows) {
        long written = -1;
        long bytes = -1;
        String id = request.loadId();
        Map<String, String> info = new LinkedHashMap<>();
        try (JsonParser p = PageParser.JSON.createParser(reply)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("id") && t == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else if (name.equals("stats") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String s = p.currentName();
                        p.nextToken();
                        if (s.equals("rows") && p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            written = p.getLongValue();
                        } else if (s.equals("bytes") && p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            bytes = p.getLongValue();
                        } else {
                            info.put("stats." + s, text(p));
                        }
                    }
                } else {
                    info.put(name, text(p));
                }
            }
        } catch (IOException e) {
            throw new dev.olaphttp.ProtocolException("streaming load reply is not the expected JSON: "
                    + HttpErrors.snippet(reply), e, ErrorDetails.of(DatabendErrors.DIALECT, request.loadId()));
        }
        if (rows != null) {
            info.put("rows_sent", Long.toString(rows.rowsWritten()));
            info.put("bytes_sent", Long.toString(rows.bytesWritten()));
        }
        return new InsertResult(written, bytes, id, label, info);
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
            return "(nested)";
        }
        return p.getText();
    }
}
