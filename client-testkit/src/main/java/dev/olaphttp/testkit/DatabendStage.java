package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Databend's {@code PUT /v1/upload_to_stage}: multipart field {@code upload}, files kept in memory by path. */
final class DatabendStage {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  final Map<String, byte[]> files = new ConcurrentHashMap<>();

  void upload(DatabendTestServer server, Exchange ex) throws IOException {
    RawRequest req = ex.request();
    String stage = first(req.header("X-DATABEND-STAGE-NAME"), req.header("stage_name"));
    String dir = first(req.header("X-DATABEND-RELATIVE-PATH"), req.header("relative_path"));
    if (stage == null) {
      server.sendJson(ex, 400, DatabendJson.error(400, "Parse error: missing stage name (header "
          + "X-DATABEND-STAGE-NAME)"), List.of());
      return;
    }
    String contentType = req.header("Content-Type");
    Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
    byte[] body = req.body();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    Matcher f = FILENAME.matcher(text);
    if (b == null || !b.find() || !f.find()) {
      server.sendJson(ex, 400, DatabendJson.error(400, "upload file name is missing: use curl -F "
          + "\"upload=@./a.csv\""), List.of());
      return;
    }
    String delimiter = "--" + b.group(1);
    int start = text.indexOf("\r\n\r\n", f.end()) + 4;
    int end = text.indexOf("\r\n" + delimiter, start);
    byte[] content = Arrays.copyOfRange(body, start, end < 0 ? body.length : end);
    String name = f.group(1);
    String path = (dir == null || dir.isEmpty() ? "" : dir.replaceAll("^/+|/+$", "") + "/") + name;
    files.put("@" + stage + "/" + path, content);
    String id = first(req.header("X-DATABEND-QUERY-ID"), UUID.randomUUID().toString().replace("-", ""));
    byte[] reply = DatabendJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("stage_name", stage);
      g.writeStringField("state", "SUCCESS");
      g.writeArrayFieldStart("files");
      g.writeString(name);
      g.writeEndArray();
      g.writeEndObject();
    });
    server.sendJson(ex, 200, reply, List.of());
  }

  /** Lines of a staged file, or -1 when the location is unknown. */
  long lines(String location) {
    byte[] b = files.get(location);
    if (b == null) {
      return -1;
    }
    long n = 0;
    for (byte x : b) {
      n += x == '\n' ? 1 : 0;
    }
    return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
  }

  /** Bytes of a staged file, or 0 when the location is unknown. */
  long size(String location) {
    byte[] b = files.get(location);
    return b == null ? 0 : b.length;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
