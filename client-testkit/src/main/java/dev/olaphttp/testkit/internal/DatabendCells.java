package dev.olaphttp.testkit.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Renders cells as Databend's JSON {@code data} strings (display mode). Null means JSON null. */
public final class DatabendCells {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DatabendCells() {}

  /** Top-level cell text, or null for SQL NULL. */
  public static String cell(TypeSpec t, Object v, ZoneId zone) {
    if (v == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    append(sb, t, v, zone, false);
    return sb.toString();
  }

  private static void append(StringBuilder sb, TypeSpec t, Object v, ZoneId zone, boolean nested) {
    if (v == null) {
      sb.append("NULL");
      return;
    }
    switch (t.kind()) {
      case INT -> sb.append(Values.bigInteger(v));
      case BOOL -> sb.append(Values.bool(v) ? '1' : '0');
      case FLOAT32, FLOAT64 -> sb.append(floating(Values.doubleValue(v), t.kind() == TypeSpec.Kind.FLOAT32));
      case DECIMAL -> sb.append(Values.decimal(v, t.scale()).toPlainString());
      case DATE, DATE32 -> quoted(sb, Values.date(v).toString(), nested);
      case DATETIME, DATETIME64 -> quoted(sb, timestamp(Values.localDateTime(v, zone)), nested);
      case TIMESTAMP_TZ -> quoted(sb, timestampTz(v, zone), nested);
      case BINARY -> hex(sb, Values.bytes(v));
      case JSON -> sb.append(Values.text(v));
      case OPAQUE -> quoted(sb, "<bitmap binary>", nested);
      case ARRAY -> {
        sb.append('[');
        List<?> l = Values.list(v);
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          append(sb, t.child(0), l.get(i), zone, true);
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
          append(sb, t.child(0), e.getKey(), zone, true);
          sb.append(':');
          append(sb, t.child(1), e.getValue(), zone, true);
        }
        sb.append('}');
      }
      case TUPLE -> {
        sb.append('(');
        List<?> l = Values.list(v);
        for (int i = 0; i < t.children().size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          append(sb, t.child(i), l.get(i), zone, true);
        }
        sb.append(')');
      }
      default -> quoted(sb, Values.text(v), nested);
    }
  }

  private static void quoted(StringBuilder sb, String s, boolean nested) {
    if (!nested) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  private static void hex(StringBuilder sb, byte[] b) {
    for (byte x : b) {
      sb.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
    }
  }

  static String floating(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    String s = single ? Float.toString((float) d) : Double.toString(d);
    String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
    return (d == 0 && 1 / d < 0) ? "-0" : plain;
  }

  /** {@code yyyy-MM-dd HH:mm:ss.ffffff}. */
  public static String timestamp(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(26);
    sb.append(t.toLocalDate()).append(' ');
    StarRocksCells.two(sb, t.getHour()).append(':');
    StarRocksCells.two(sb, t.getMinute()).append(':');
    StarRocksCells.two(sb, t.getSecond()).append('.');
    String m = Integer.toString(t.getNano() / 1000);
    return sb.append("000000", 0, 6 - m.length()).append(m).toString();
  }

  private static String timestampTz(Object v, ZoneId zone) {
    OffsetDateTime o = v instanceof OffsetDateTime x ? x
        : OffsetDateTime.ofInstant(Values.instant(v, zone), zone);
    int secs = o.getOffset().getTotalSeconds();
    int abs = Math.abs(secs);
    String off = String.format("%s%02d%02d", secs < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    return timestamp(o.toLocalDateTime()) + " " + off;
  }
}
