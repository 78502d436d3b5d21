package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.JsonText;

/** StarRocks body shapes: the Gson error envelope, meta arrays, statistics and the SHOW object. */
final class StarRocksBodies {
  private StarRocksBodies() {}

  /** {@code {"status":"FAILED","code":"1","msg":M,"message":M}} with Gson's HTML-safe escaping. */
  static String envelope(String msg) {
    StringBuilder sb = new StringBuilder("{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":");
    JsonText.string(sb, msg, true).append(",\"message\":");
    return JsonText.string(sb, msg, true).append('}').toString();
  }

  static StringBuilder meta(StringBuilder sb, Table t) {
    sb.append("\"meta\":[");
    for (int i = 0; i < t.columns().size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"name\":");
      JsonText.string(sb, t.columns().get(i).name(), false).append(",\"type\":");
      JsonText.string(sb, t.columns().get(i).type(), false).append('}');
    }
    return sb.append(']');
  }

  static StringBuilder statistics(StringBuilder sb, long scanRows, long scanBytes, long returnRows) {
    return sb.append("\"statistics\":{\"scanRows\":").append(scanRows).append(",\"scanBytes\":").append(scanBytes)
        .append(",\"returnRows\":").append(returnRows).append('}');
  }

  /** The one-object SHOW/DESC body: rows keyed by column name, every value a string or null. */
  static String showObject(Table t) {
    StringBuilder sb = new StringBuilder("{");
    meta(sb, t).append(",\"data\":[");
    Object[] row = new Object[t.columns().size()];
    for (long r = 0; r < t.rowCount(); r++) {
      if (r > 0) {
        sb.append(',');
      }
      t.row(r, row);
      sb.append('{');
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        JsonText.string(sb, t.columns().get(c).name(), false).append(':');
        if (row[c] == null) {
          sb.append("null");
        } else {
          JsonText.string(sb, row[c].toString(), false);
        }
      }
      sb.append('}');
    }
    sb.append("],");
    return statistics(sb, 0, 0, t.rowCount()).append('}').toString();
  }
}
