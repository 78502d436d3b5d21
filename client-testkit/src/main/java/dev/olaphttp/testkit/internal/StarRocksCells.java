package dev.olaphttp.testkit.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Renders cells the way the StarRocks BE writes them into {@code {"data":[...]}} lines. */
public final class StarRocksCells {
  private StarRocksCells() {}

  public static void append(StringBuilder sb, TypeSpec t, Object v, ZoneId zone) {
    if (v == null) {
      sb.append("null");
      return;
    }
    switch (t.kind()) {
      case INT -> {
        if (t.bits() > 64 || (!t.signed() && t.bits() == 64)) {
          JsonText.string(sb, Values.bigInteger(v).toString(), false);
        } else {
          sb.append(Values.longValue(v));
        }
      }
      case BOOL -> sb.append(Values.bool(v) ? 1 : 0);
      case DECIMAL -> JsonText.string(sb, Values.decimal(v, t.scale()).toPlainString(), false);
      case FLOAT32 -> floating(sb, (float) Values.doubleValue(v));
      case FLOAT64 -> floating(sb, Values.doubleValue(v));
      case DATE, DATE32 -> JsonText.string(sb, Values.date(v).toString(), false);
      case DATETIME, DATETIME64 -> JsonText.string(sb, datetime(Values.localDateTime(v, zone)), false);
      case JSON -> sb.append(Values.text(v));
      case OPAQUE, NOTHING -> sb.append("null");
      case BINARY -> JsonText.string(sb, new String(Values.bytes(v), StandardCharsets.ISO_8859_1), false);
      case ARRAY -> {
        sb.append('[');
        List<?> l = Values.list(v);
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          append(sb, t.child(0), l.get(i), zone);
        }
        sb.append(']');
      }
      case MAP -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : Values.map(v).entrySet()) {
          String key = e.getKey() == null ? null : keyText(e.getKey());
          if (key == null || key.isEmpty()) {
            continue;
          }
          if (!first) {
            sb.append(", ");
          }
          first = false;
          JsonText.string(sb, key, false).append(": ");
          append(sb, t.child(1), e.getValue(), zone);
        }
        sb.append('}');
      }
      case TUPLE -> {
        sb.append('{');
        List<?> l = Values.list(v);
        for (int i = 0; i < t.children().size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          String n = t.names().get(i) == null ? "k" + i : t.names().get(i);
          JsonText.string(sb, n, false).append(": ");
          append(sb, t.child(i), l.get(i), zone);
        }
        sb.append('}');
      }
      default -> JsonText.string(sb, Values.text(v), false);
    }
  }

  private static String keyText(Object k) {
    if (k instanceof BigInteger || k instanceof Number || k instanceof String) {
      return k.toString();
    }
    return Values.text(k);
  }

  private static void floating(StringBuilder sb, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else {
      sb.append(JsonText.number(d));
    }
  }

  private static void floating(StringBuilder sb, float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      sb.append("null");
    } else {
      sb.append(JsonText.number(f));
    }
  }

  /** {@code yyyy-MM-dd HH:mm:ss} plus {@code .ffffff} only when the microseconds are not zero. */
  public static String datetime(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(26);
    sb.append(t.toLocalDate()).append(' ');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      String m = Integer.toString(micros);
      sb.append('.').append("000000", 0, 6 - m.length()).append(m);
    }
    return sb.toString();
  }

  static StringBuilder two(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }
}
