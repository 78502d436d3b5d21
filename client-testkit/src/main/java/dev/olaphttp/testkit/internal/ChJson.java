package dev.olaphttp.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** ClickHouse JSON value text (JSONEachRow, JSONCompactEachRow...) with its escaping rules. */
public final class ChJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ChJson() {}

  /**
   * Appends one value. {@code quote64} quotes (U)Int64 and wider as strings (servers before 25.8);
   * {@code sep} is the separator between container elements (ClickHouse uses "," inside values).
   */
  public static void value(ByteText sb, TypeSpec t, Object v, ZoneId zone, boolean quote64) {
    if (v == null) {
      sb.append("null");
      return;
    }
    switch (t.kind()) {
      case INT -> {
        String s = Values.bigInteger(v).toString();
        if (quote64 && t.bits() >= 64) {
          sb.append('"').append(s).append('"');
        } else {
          sb.append(s);
        }
      }
      case FLOAT32, FLOAT64 -> {
        double d = Values.doubleValue(v);
        sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null"
            : ChNumbers.floating(d, t.kind() == TypeSpec.Kind.FLOAT32));
      }
      case DECIMAL -> sb.append(ChNumbers.decimal(v, t.scale()));
      case BOOL -> sb.append(Values.bool(v) ? "true" : "false");
      case STRING, FIXED_STRING, ENUM, INTERVAL, BINARY, OPAQUE -> string(sb, ChText.raw(t, v));
      case JSON -> sb.append(Values.text(v));
      case ARRAY -> {
        sb.append('[');
        List<?> l = Values.list(v);
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(sb, t.child(0), l.get(i), zone, quote64);
        }
        sb.append(']');
      }
      case MAP -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : Values.map(v).entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          TypeSpec k = t.child(0);
          if (k.kind() == TypeSpec.Kind.STRING || k.kind() == TypeSpec.Kind.FIXED_STRING) {
            string(sb, ChText.raw(k, e.getKey()));
          } else {
            string(sb, ChText.scalar(k, e.getKey(), zone).getBytes(StandardCharsets.UTF_8));
          }
          sb.append(':');
          value(sb, t.child(1), e.getValue(), zone, quote64);
        }
        sb.append('}');
      }
      case TUPLE -> {
        boolean named = !t.names().isEmpty() && t.names().get(0) != null;
        sb.append(named ? '{' : '[');
        List<?> l = Values.list(v);
        for (int i = 0; i < t.children().size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          if (named) {
            string(sb, t.names().get(i).getBytes(StandardCharsets.UTF_8));
            sb.append(':');
          }
          value(sb, t.child(i), l.get(i), zone, quote64);
        }
        sb.append(named ? '}' : ']');
      }
      default -> string(sb, ChText.scalar(t, v, zone).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A JSON string: bytes kept as they are (invalid UTF-8 included), / escaped, control characters as \\u00XX. */
  public static void string(ByteText sb, byte[] utf8) {
    sb.append('"');
    for (byte b : utf8) {
      int c = b & 0xFF;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '/' -> sb.append("\\/");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.raw(c);
          }
        }
      }
    }
    sb.append('"');
  }

}
