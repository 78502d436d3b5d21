package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.StarRocksCells;
import dev.olaphttp.testkit.internal.TypeParser;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/** Streams one SELECT result as StarRocks NDJSON, cutting the connection on failure or KILL QUERY. */
final class StarRocksStream {
  static final String STREAMING = "sr.streaming";

  private final Exchange ex;
  private final int connectionId;
  private final Outcome outcome;
  private final ZoneId zone;

  StarRocksStream(Exchange ex, int connectionId, Outcome outcome, ZoneId zone) {
    this.ex = ex;
    this.connectionId = connectionId;
    this.outcome = outcome;
    this.zone = zone;
  }

  void run(List<String[]> headers) throws IOException {
    ex.connection().attributes().put(STREAMING, Boolean.TRUE);
    try {
      stream(headers);
    } finally {
      ex.connection().attributes().remove(STREAMING);
    }
  }

  private void stream(List<String[]> headers) throws IOException {
    Table t = outcome.table();
    OutputStream out = ex.startChunked(200, headers);
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"connectionId\":").append(connectionId).append("}\n{");
    StarRocksBodies.meta(sb, t).append("}\n");
    write(out, sb);
    out.flush();
    TypeSpec[] specs = new TypeSpec[t.columns().size()];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = TypeParser.parse(t.columns().get(i).type());
    }
    Object[] row = new Object[specs.length];
    long n = outcome.rowsToSend();
    long bytes = 0;
    for (long r = 0; r < n; r++) {
      t.row(r, row);
      sb.append("{\"data\":[");
      for (int c = 0; c < specs.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        StarRocksCells.append(sb, specs[c], row[c], zone);
      }
      sb.append("]}\n");
      bytes += sb.length();
      write(out, sb);
    }
    if (outcome.fails()) {
      ex.truncate();
    }
    sb.append('{');
    StarRocksBodies.statistics(sb, n, bytes, n).append("}\n");
    write(out, sb);
    ex.finishChunked();
  }

  private static void write(OutputStream out, StringBuilder sb) throws IOException {
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    sb.setLength(0);
  }
}
