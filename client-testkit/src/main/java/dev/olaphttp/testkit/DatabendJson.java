package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes Databend response bodies with the server's field names and order. */
final class DatabendJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** Body writer callback. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private DatabendJson() {}

  static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] error(int code, String message) {
    return write(g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeNumberField("code", code);
      g.writeStringField("message", message);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** A QueryResponse. {@code session} null writes null; {@code nextUri} null writes null. */
  static byte[] query(DatabendQuery q, String state, String nodeId, String clientSessionId, boolean withSession,
      List<String[]> data, boolean withAffect, String nextUri) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("id", q.id);
      g.writeStringField("session_id", clientSessionId == null ? "" : clientSessionId);
      g.writeStringField("node_id", nodeId);
      g.writeStringField("state", state);
      g.writeFieldName("session");
      if (withSession) {
        q.session.write(g, nodeId, q.id);
      } else {
        g.writeNull();
      }
      g.writeFieldName("error");
      if (state.equals("Failed")) {
        g.writeStartObject();
        g.writeNumberField("code", q.errorCode());
        g.writeStringField("message", q.errorMessage());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeArrayFieldStart("warnings");
      g.writeEndArray();
      if (!q.planFailed()) {
        g.writeBooleanField("has_result_set", q.hasResultSet);
      }
      g.writeArrayFieldStart("schema");
      if (q.hasResultSet) {
        for (Column c : q.outcome.table().columns()) {
          g.writeStartObject();
          g.writeStringField("name", c.name());
          g.writeStringField("type", c.type());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("data");
      for (String[] row : data) {
        g.writeStartArray();
        for (String cell : row) {
          if (cell == null) {
            g.writeNull();
          } else {
            g.writeString(cell);
          }
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeFieldName("affect");
      if (withAffect && q.affectJson != null) {
        g.writeRawValue(q.affectJson);
      } else {
        g.writeNull();
      }
      g.writeNumberField("result_timeout_secs", q.resultTimeoutSecs);
      if (!q.planFailed()) {
        g.writeObjectFieldStart("settings");
        g.writeStringField("timezone", q.session.timezone());
        g.writeStringField("geometry_output_format", "GEOJSON");
        g.writeStringField("binary_output_format", "HEX");
        g.writeStringField("http_json_result_mode", "display");
        g.writeEndObject();
      }
      stats(g, q, q.cursor);
      String base = "/v1/query/" + q.id;
      g.writeStringField("stats_uri", base);
      g.writeStringField("final_uri", base + "/final");
      g.writeStringField("next_uri", nextUri);
      g.writeStringField("kill_uri", base + "/kill");
      g.writeEndObject();
    });
  }

  static void stats(JsonGenerator g, long rows) throws IOException {
    stats(g, null, rows);
  }

  /**
   * The stats object; for an INSERT ({@code q.writtenRows >= 0}) the rows and bytes written, no scan, and the one
   * result row, as the real server reports it.
   */
  static void stats(JsonGenerator g, DatabendQuery q, long rows) throws IOException {
    boolean insert = q != null && q.writtenRows >= 0;
    long scanned = insert ? 0 : rows;
    g.writeObjectFieldStart("stats");
    progress(g, "scan_progress", scanned, scanned * 8);
    progress(g, "write_progress", insert ? q.writtenRows : 0, insert ? q.writtenBytes : 0);
    progress(g, "result_progress", rows, rows * 8);
    progress(g, "total_scan", scanned, scanned * 8);
    g.writeObjectFieldStart("spill_progress");
    g.writeNumberField("file_nums", 0);
    g.writeNumberField("bytes", 0);
    g.writeEndObject();
    g.writeNumberField("running_time_ms", 1);
    g.writeEndObject();
  }

  private static void progress(JsonGenerator g, String name, long rows, long bytes) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("rows", rows);
    g.writeNumberField("bytes", bytes);
    g.writeEndObject();
  }

  /** The fail-to-start response: empty ids, request session with txn Active turned to Fail. */
  static byte[] failToStart(DatabendSession session, int code, String message) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("id", "");
      g.writeNullField("session_id");
      g.writeStringField("node_id", "");
      g.writeStringField("state", "Failed");
      g.writeObjectFieldStart("session");
      g.writeStringField("txn_state", session.txnState.equals("Active") ? "Fail" : session.txnState);
      g.writeBooleanField("need_sticky", false);
      g.writeBooleanField("need_keep_alive", false);
      g.writeEndObject();
      g.writeObjectFieldStart("error");
      g.writeNumberField("code", code);
      g.writeStringField("message", message);
      g.writeEndObject();
      g.writeArrayFieldStart("warnings");
      g.writeEndArray();
      g.writeArrayFieldStart("schema");
      g.writeEndArray();
      g.writeArrayFieldStart("data");
      g.writeEndArray();
      g.writeNullField("affect");
      g.writeNullField("result_timeout_secs");
      stats(g, 0);
      g.writeNullField("stats_uri");
      g.writeNullField("final_uri");
      g.writeNullField("next_uri");
      g.writeNullField("kill_uri");
      g.writeEndObject();
    });
  }
}
