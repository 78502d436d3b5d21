package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.MultipartInput;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Databend's {@code PUT /v1/streaming_load}: the multipart {@code upload} part streamed into a declared table. */
final class DatabendStreamingLoad {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern DATABASE = Pattern.compile("\"database\"\\s*:\\s*\"([^\"]+)\"");

  private DatabendStreamingLoad() {}

  static void run(DatabendTestServer server, Exchange ex) throws IOException {
    RawRequest req = ex.request();
    String sql = req.header("X-DATABEND-SQL");
    if (sql == null) {
      server.sendJson(ex, 400, DatabendJson.error(400, "missing header X-DATABEND-SQL"), List.of());
      return;
    }
    String context = req.header("X-DATABEND-QUERY-CONTEXT");
    String session = decodeContext(context);
    Matcher db = DATABASE.matcher(session);
    String database = db.find() ? db.group(1) : "default";
    LoadedTable table = DatabendLoad.target(server, sql, database);
    if (table == null) {
      server.sendJson(ex, 400, DatabendJson.error(1025, "Unknown table for streaming load: " + sql), List.of());
      return;
    }
    String contentType = req.header("Content-Type");
    Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (b == null || !b.find()) {
      server.sendJson(ex, 400, DatabendJson.error(400, "streaming load needs a multipart/form-data body"),
          List.of());
      return;
    }
    DatabendLoad.Result r;
    try {
      MultipartInput part = new MultipartInput(req.bodyStream(), b.group(1));
      r = DatabendLoad.load(sql, table, part, DatabendLoad.fileFormat(sql),
          req.header("X-DATABEND-DEDUPLICATE-LABEL"));
    } catch (IOException e) {
      r = new DatabendLoad.Result(0, 0, 400, "bad multipart body: " + e.getMessage());
    }
    if (r.failed()) {
      server.sendJson(ex, 400, DatabendJson.error(r.code(), r.message()), List.of());
      return;
    }
    long rows = r.rows();
    long bytes = r.bytes();
    String id = UUID.randomUUID().toString().replace("-", "");
    byte[] reply = DatabendJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeObjectFieldStart("stats");
      g.writeNumberField("rows", rows);
      g.writeNumberField("bytes", bytes);
      g.writeEndObject();
      g.writeEndObject();
    });
    String echo = java.util.Base64.getUrlEncoder().encodeToString(
        (session.isEmpty() ? "{\"database\":\"" + database + "\"}" : session)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String[]> headers = new java.util.ArrayList<>();
    headers.add(new String[] {"X-DATABEND-QUERY-CONTEXT", echo});
    server.sendJson(ex, 200, reply, headers);
  }

  /** The session JSON of a query-context header: padded base64 (standard or URL-safe), or plain JSON. */
  static String decodeContext(String header) {
    if (header == null || header.isBlank()) {
      return "";
    }
    String h = header.trim();
    if (h.startsWith("{")) {
      return h;
    }
    try {
      return new String(java.util.Base64.getUrlDecoder().decode(h.replace('+', '-').replace('/', '_')),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
