package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** ClickHouse TabSeparated text: escaped top-level fields and quoted nested values, written as bytes. */
public final class ChText {
  /** {@code date_time_output_format}: {@code simple} (local wall time), {@code iso} (UTC, 'Z'), {@code unix_timestamp}. */
  public enum DateTimeStyle { SIMPLE, ISO, UNIX_TIMESTAMP }

  /** The style of the response being written on this thread (set around one result by the query handler). */
  private static final ThreadLocal<DateTimeStyle> STYLE = ThreadLocal.withInitial(() -> DateTimeStyle.SIMPLE);

  private ChText() {}

  /** Sets the date-time style for the result written next on this thread; {@code null} restores the default. */
  public static void dateTimeStyle(DateTimeStyle style) {
    if (style == null) {
      STYLE.remove();
    } else {
      STYLE.set(style);
    }
  }

  /** The style named by a {@code date_time_output_format} value; null if the name is unknown. */
  public static DateTimeStyle styleNamed(String name) {
    return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "simple" -> DateTimeStyle.SIMPLE;
      case "iso" -> DateTimeStyle.ISO;
      case "unix_timestamp" -> DateTimeStyle.UNIX_TIMESTAMP;
      default -> null;
    };
  }

  /** Appends a top-level TSV field ({@code \N} for NULL). */
  public static void field(ByteArrayOutputStream out, TypeSpec t, Object v, ZoneId serverZone) {
    if (v == null) {
      ascii(out, "\\N");
      return;
    }
    switch (t.kind()) {
      case STRING, FIXED_STRING, ENUM, JSON, INTERVAL, OPAQUE, BINARY -> escaped(out, raw(t, v), '\'');
      case ARRAY, MAP, TUPLE -> quoted(out, t, v, serverZone);
      default -> ascii(out, scalar(t, v, serverZone));
    }
  }

  /** Text of a scalar that needs no escaping (numbers, dates, UUID, IP, Bool). */
  static String scalar(TypeSpec t, Object v, ZoneId serverZone) {
    return switch (t.kind()) {
      case INT -> Values.bigInteger(v).toString();
      case FLOAT32 -> ChNumbers.floating(Values.doubleValue(v), true);
      case FLOAT64 -> ChNumbers.floating(Values.doubleValue(v), false);
      case DECIMAL -> ChNumbers.decimal(v, t.scale());
      case BOOL -> Values.bool(v) ? "true" : "false";
      case DATE, DATE32 -> Values.date(v).toString();
      case DATETIME -> STYLE.get() == DateTimeStyle.SIMPLE
          ? dateTime(Values.localDateTime(v, Values.zone(t.timeZone(), serverZone)), 0)
          : styled(instant(v, t, serverZone), 0);
      case DATETIME64 -> STYLE.get() == DateTimeStyle.SIMPLE ? dateTime(wall(v, t, serverZone), t.precision())
          : styled(instant(v, t, serverZone), t.precision());
      case UUID -> Values.uuid(v).toString();
      case IPV4 -> ChNumbers.ipv4(v);
      case IPV6 -> ChNumbers.ipv6(v);
      case TIMESTAMP_TZ -> Values.text(v);
      default -> Values.text(v);
    };
  }

  /** An instant in the ISO (UTC, 'Z') or epoch style, with {@code precision} fraction digits. */
  private static String styled(Instant i, int precision) {
    String fraction = "";
    if (precision > 0) {
      String n = Integer.toString(i.getNano());
      fraction = "." + ("000000000".substring(n.length()) + n).substring(0, Math.min(precision, 9));
    }
    if (STYLE.get() == DateTimeStyle.UNIX_TIMESTAMP) {
      return i.getEpochSecond() + fraction;
    }
    LocalDateTime utc = LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    return dateTime(utc.withNano(0), 0).replace(' ', 'T') + fraction + "Z";
  }

  static LocalDateTime wall(Object v, TypeSpec t, ZoneId serverZone) {
    ZoneId z = Values.zone(t.timeZone(), serverZone);
    return v instanceof LocalDateTime l ? l : LocalDateTime.ofInstant(Values.instant(v, z), z);
  }

  static Instant instant(Object v, TypeSpec t, ZoneId serverZone) {
    return Values.instant(v, Values.zone(t.timeZone(), serverZone));
  }

  static String dateTime(LocalDateTime t, int precision) {
    StringBuilder sb = new StringBuilder(30);
    sb.append(t.toLocalDate()).append(' ');
    StarRocksCells.two(sb, t.getHour()).append(':');
    StarRocksCells.two(sb, t.getMinute()).append(':');
    StarRocksCells.two(sb, t.getSecond());
    if (precision > 0) {
      String n = Integer.toString(t.getNano());
      String nine = "000000000".substring(n.length()) + n;
      sb.append('.').append(nine, 0, Math.min(precision, 9));
    }
    return sb.toString();
  }

  /** String-like bytes; FixedString is NUL-padded to its length. */
  static byte[] raw(TypeSpec t, Object v) {
    byte[] b = Values.bytes(v);
    if (t.kind() == TypeSpec.Kind.FIXED_STRING && b.length < t.precision()) {
      byte[] p = new byte[t.precision()];
      System.arraycopy(b, 0, p, 0, b.length);
      return p;
    }
    return b;
  }

  private static void quoted(ByteArrayOutputStream out, TypeSpec t, Object v, ZoneId zone) {
    if (v == null) {
      ascii(out, "NULL");
      return;
    }
    switch (t.kind()) {
      case ARRAY -> {
        out.write('[');
        List<?> l = Values.list(v);
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          quoted(out, t.child(0), l.get(i), zone);
        }
        out.write(']');
      }
      case MAP -> {
        out.write('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : Values.map(v).entrySet()) {
          if (!first) {
            out.write(',');
          }
          first = false;
          quoted(out, t.child(0), e.getKey(), zone);
          out.write(':');
          quoted(out, t.child(1), e.getValue(), zone);
        }
        out.write('}');
      }
      case TUPLE -> {
        out.write('(');
        List<?> l = Values.list(v);
        for (int i = 0; i < t.children().size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          quoted(out, t.child(i), l.get(i), zone);
        }
        out.write(')');
      }
      case STRING, FIXED_STRING, ENUM, JSON, INTERVAL, OPAQUE, BINARY -> {
        out.write('\'');
        escaped(out, raw(t, v), '\'');
        out.write('\'');
      }
      case INT, FLOAT32, FLOAT64, DECIMAL, BOOL -> ascii(out, scalar(t, v, zone));
      default -> {
        out.write('\'');
        ascii(out, scalar(t, v, zone));
        out.write('\'');
      }
    }
  }

  /** ClickHouse escaping: \b \f \n \r \t \0 \\ and the quote character. */
  static void escaped(ByteArrayOutputStream out, byte[] b, char quote) {
    for (byte x : b) {
      switch (x) {
        case '\b' -> ascii(out, "\\b");
        case '\f' -> ascii(out, "\\f");
        case '\n' -> ascii(out, "\\n");
        case '\r' -> ascii(out, "\\r");
        case '\t' -> ascii(out, "\\t");
        case 0 -> ascii(out, "\\0");
        case '\\' -> ascii(out, "\\\\");
        default -> {
          if (x == quote) {
            out.write('\\');
          }
          out.write(x);
        }
      }
    }
  }

  /** TSV-escaped text of a header cell (names and type strings). */
  public static void headerCell(ByteArrayOutputStream out, String s) {
    escaped(out, s.getBytes(StandardCharsets.UTF_8), '\'');
  }

  static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
