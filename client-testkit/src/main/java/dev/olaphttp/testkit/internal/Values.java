package dev.olaphttp.testkit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conversions from the neutral cell values of a Table to what encoders need. */
public final class Values {
  private Values() {}

  public static BigInteger bigInteger(Object v) {
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof BigDecimal d) {
      return d.toBigIntegerExact();
    }
    if (v instanceof Number n) {
      return BigInteger.valueOf(n.longValue());
    }
    if (v instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return new BigInteger(v.toString().trim());
  }

  public static long longValue(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return bigInteger(v).longValue();
  }

  public static double doubleValue(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    String s = v.toString().trim();
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  public static BigDecimal decimal(Object v, int scale) {
    BigDecimal d = v instanceof BigDecimal b ? b
        : v instanceof BigInteger i ? new BigDecimal(i)
        : v instanceof Long || v instanceof Integer ? BigDecimal.valueOf(((Number) v).longValue())
        : v instanceof Number n ? BigDecimal.valueOf(n.doubleValue())
        : new BigDecimal(v.toString().trim());
    return d.setScale(scale, RoundingMode.HALF_UP);
  }

  public static boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.longValue() != 0;
    }
    String s = v.toString().trim();
    return s.equalsIgnoreCase("true") || s.equals("1");
  }

  public static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    return v.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static String text(Object v) {
    if (v instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return v.toString();
  }

  public static LocalDate date(Object v) {
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof Number n) {
      return LocalDate.ofEpochDay(n.longValue());
    }
    return LocalDate.parse(v.toString().trim());
  }

  /** The instant a timestamp value denotes; wall times are read in {@code zone}. */
  public static Instant instant(Object v, ZoneId zone) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay(zone).toInstant();
    }
    if (v instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    LocalDateTime t = v instanceof LocalDateTime l ? l
        : LocalDateTime.parse(v.toString().trim().replace(' ', 'T'));
    return t.atZone(zone).toInstant();
  }

  /** The wall time of a timestamp value in {@code zone}. */
  public static LocalDateTime localDateTime(Object v, ZoneId zone) {
    if (v instanceof LocalDateTime l) {
      return l;
    }
    return LocalDateTime.ofInstant(instant(v, zone), zone);
  }

  public static UUID uuid(Object v) {
    return v instanceof UUID u ? u : UUID.fromString(v.toString().trim());
  }

  public static InetAddress inet(Object v) {
    if (v instanceof InetAddress a) {
      return a;
    }
    String s = v.toString().trim();
    if (!s.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP literal: " + s);
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + s, e);
    }
  }

  public static List<?> list(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Object[] a) {
      return java.util.Arrays.asList(a);
    }
    throw new IllegalArgumentException("expected a List, got " + v.getClass().getSimpleName());
  }

  public static Map<?, ?> map(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException("expected a Map, got " + v.getClass().getSimpleName());
  }

  public static ZoneId zone(String name, ZoneId fallback) {
    return name == null ? fallback : ZoneId.of(name);
  }
}
