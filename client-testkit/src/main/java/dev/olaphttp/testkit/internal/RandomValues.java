package dev.olaphttp.testkit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/** Seeded random cell values for any {@link TypeSpec}. */
public final class RandomValues {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n\"'\\é€😀";

  private RandomValues() {}

  public static Object value(TypeSpec t, SplittableRandom r) {
    if (t.nullable() && r.nextInt(10) == 0) {
      return null;
    }
    return switch (t.kind()) {
      case INT -> integer(t, r);
      case FLOAT32 -> (double) (float) (r.nextDouble() * 2e6 - 1e6);
      case FLOAT64 -> r.nextDouble() * 2e9 - 1e9;
      case DECIMAL -> decimal(t, r);
      case STRING -> string(r, r.nextInt(12));
      case FIXED_STRING -> ascii(r, t.precision());
      case BOOL -> r.nextBoolean();
      case DATE -> LocalDate.ofEpochDay(r.nextInt(60000));
      case DATE32 -> LocalDate.ofEpochDay(r.nextInt(100000) - 25000);
      case DATETIME -> LocalDateTime.ofEpochSecond(r.nextLong(4_000_000_000L), 0, ZoneOffset.UTC);
      case DATETIME64 -> {
        long step = pow10(6 - Math.min(t.precision(), 6));
        int nanos = (int) (r.nextInt(1_000_000) / step * step * 1000);
        yield LocalDateTime.ofEpochSecond(r.nextLong(4_000_000_000L), nanos, ZoneOffset.UTC);
      }
      case TIMESTAMP_TZ -> OffsetDateTime.of(LocalDateTime.ofEpochSecond(r.nextLong(4_000_000_000L),
          r.nextInt(1_000_000) * 1000, ZoneOffset.UTC), ZoneOffset.ofTotalSeconds(r.nextInt(-12, 13) * 3600));
      case UUID -> new UUID(r.nextLong(), r.nextLong());
      case IPV4 -> ip(r, 4);
      case IPV6 -> ip(r, 16);
      case ENUM -> t.names().get(r.nextInt(t.names().size()));
      case JSON -> "{\"k\":" + r.nextInt(1000) + ",\"s\":\"" + ascii(r, 3) + "\"}";
      case BINARY -> bytes(r, r.nextInt(8));
      case INTERVAL -> r.nextInt(1, 30) + " days";
      case ARRAY -> {
        int n = r.nextInt(4);
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          l.add(value(t.child(0), r));
        }
        yield l;
      }
      case MAP -> {
        int n = r.nextInt(3);
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          m.put(value(t.child(0).withNullable(false), r), value(t.child(1), r));
        }
        yield m;
      }
      case TUPLE -> {
        List<Object> l = new ArrayList<>();
        for (TypeSpec c : t.children()) {
          l.add(value(c, r));
        }
        yield l;
      }
      case NOTHING, OPAQUE -> null;
    };
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  private static Object integer(TypeSpec t, SplittableRandom r) {
    if (t.bits() <= 32) {
      long span = 1L << t.bits();
      long v = r.nextLong(span);
      return t.signed() ? v - span / 2 : v;
    }
    if (t.bits() == 64 && t.signed()) {
      return r.nextLong();
    }
    BigInteger v = new BigInteger(t.bits(), new java.util.Random(r.nextLong()));
    return t.signed() ? v.subtract(BigInteger.ONE.shiftLeft(t.bits() - 1)) : v;
  }

  private static BigDecimal decimal(TypeSpec t, SplittableRandom r) {
    int digits = Math.min(t.precision(), 18);
    long bound = 1;
    for (int i = 0; i < digits; i++) {
      bound *= 10;
    }
    long unscaled = r.nextLong(bound) * (r.nextBoolean() ? 1 : -1);
    return BigDecimal.valueOf(unscaled, t.scale());
  }

  private static String string(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; ) {
      int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
          r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
      sb.appendCodePoint(cp);
      i++;
    }
    return sb.toString();
  }

  private static String ascii(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  private static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  private static InetAddress ip(SplittableRandom r, int len) {
    try {
      return InetAddress.getByAddress(bytes(r, len));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
