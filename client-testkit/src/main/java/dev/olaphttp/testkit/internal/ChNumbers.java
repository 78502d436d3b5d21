package dev.olaphttp.testkit.internal;

import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;

/** ClickHouse text forms of floats, decimals and IP addresses. */
public final class ChNumbers {
  private ChNumbers() {}

  /** Shortest float text as ClickHouse prints it: nan, inf, -0, plain between 1e-6 and 1e21, else d.ddde±x. */
  public static String floating(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal b = shortest(d, single);
    int exp = b.precision() - b.scale() - 1;
    if (exp >= -6 && exp < 21) {
      return b.toPlainString();
    }
    String digits = b.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (b.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exp).toString();
  }

  /** The shortest decimal that reads back as the same float/double (JDK 17's toString is not always shortest). */
  static BigDecimal shortest(double d, boolean single) {
    String text = single ? Float.toString((float) d) : Double.toString(d);
    BigDecimal b = new BigDecimal(text).stripTrailingZeros();
    for (int digits = 1; digits < b.precision(); digits++) {
      BigDecimal r = b.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
      boolean same = single ? r.floatValue() == (float) d : r.doubleValue() == d;
      if (same) {
        return r.stripTrailingZeros();
      }
    }
    return b;
  }

  /** Decimal text with trailing zeros trimmed (ClickHouse 26 default). */
  public static String decimal(Object v, int scale) {
    BigDecimal d = Values.decimal(v, scale);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** IPv4 as dotted quad. */
  public static String ipv4(Object v) {
    InetAddress a = Values.inet(v);
    byte[] b = a.getAddress();
    if (b.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + a);
    }
    return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
  }

  /** The 16 bytes of an IPv6 value (IPv4 addresses are mapped to ::ffff:a.b.c.d). */
  public static byte[] ipv6Bytes(Object v) {
    InetAddress a = Values.inet(v);
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      byte[] m = new byte[16];
      m[10] = (byte) 0xFF;
      m[11] = (byte) 0xFF;
      System.arraycopy(b, 0, m, 12, 4);
      return m;
    }
    return b;
  }

  /** RFC 5952 text with the IPv4-mapped form kept as ::ffff:a.b.c.d. */
  public static String ipv6(Object v) {
    byte[] b = ipv6Bytes(v);
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    mapped &= (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    if (mapped) {
      return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
    }
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (w[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(w[i]));
    }
    return sb.toString();
  }

}
