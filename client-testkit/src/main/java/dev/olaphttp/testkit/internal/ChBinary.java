package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** ClickHouse RowBinary encoding of values and the RowBinaryWithNamesAndTypes header. */
public final class ChBinary {
  private ChBinary() {}

  public static void header(ByteArrayOutputStream out, List<String> names, List<String> types) {
    varint(out, names.size());
    for (String n : names) {
      string(out, n.getBytes(StandardCharsets.UTF_8));
    }
    for (String t : types) {
      string(out, t.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static void value(ByteArrayOutputStream out, TypeSpec t, Object v, ZoneId serverZone) {
    if (t.nullable() && t.kind() != TypeSpec.Kind.NOTHING) {
      out.write(v == null ? 1 : 0);
      if (v == null) {
        return;
      }
    } else if (v == null) {
      throw new IllegalArgumentException("NULL in a non-Nullable column");
    }
    switch (t.kind()) {
      case INT -> integer(out, Values.bigInteger(v), t.bits());
      case FLOAT32 -> le(out, Float.floatToRawIntBits((float) Values.doubleValue(v)), 4);
      case FLOAT64 -> le(out, Double.doubleToRawLongBits(Values.doubleValue(v)), 8);
      case DECIMAL -> integer(out, Values.decimal(v, t.scale()).unscaledValue(), t.bits());
      case BOOL -> out.write(Values.bool(v) ? 1 : 0);
      case STRING, JSON, BINARY, INTERVAL, OPAQUE -> string(out, Values.bytes(v));
      case FIXED_STRING -> {
        byte[] b = ChText.raw(t, v);
        out.write(b, 0, t.precision());
      }
      case DATE -> le(out, Values.date(v).toEpochDay(), 2);
      case DATE32 -> le(out, Values.date(v).toEpochDay(), 4);
      case DATETIME -> le(out, ChText.instant(v, t, serverZone).getEpochSecond(), 4);
      case DATETIME64 -> le(out, ticks(ChText.instant(v, t, serverZone), t.precision()), 8);
      case UUID -> {
        UUID u = Values.uuid(v);
        le(out, u.getMostSignificantBits(), 8);
        le(out, u.getLeastSignificantBits(), 8);
      }
      case IPV4 -> {
        byte[] a = Values.inet(v).getAddress();
        for (int i = 3; i >= 0; i--) {
          out.write(a[i]);
        }
      }
      case IPV6 -> out.writeBytes(ChNumbers.ipv6Bytes(v));
      case ENUM -> le(out, enumValue(t, v), t.bits() / 8);
      case ARRAY -> {
        List<?> l = Values.list(v);
        varint(out, l.size());
        for (Object e : l) {
          value(out, t.child(0), e, serverZone);
        }
      }
      case MAP -> {
        Map<?, ?> m = Values.map(v);
        varint(out, m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          value(out, t.child(0), e.getKey(), serverZone);
          value(out, t.child(1), e.getValue(), serverZone);
        }
      }
      case TUPLE -> {
        List<?> l = Values.list(v);
        for (int i = 0; i < t.children().size(); i++) {
          value(out, t.child(i), l.get(i), serverZone);
        }
      }
      default -> throw new IllegalArgumentException("no RowBinary encoding for " + t.kind());
    }
  }

  static long enumValue(TypeSpec t, Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    Integer x = t.enumValues().get(Values.text(v));
    if (x == null) {
      throw new IllegalArgumentException("unknown enum element: " + v);
    }
    return x;
  }

  static long ticks(Instant i, int precision) {
    long scale = 1;
    for (int p = 0; p < precision; p++) {
      scale *= 10;
    }
    long perTick = 1_000_000_000L / scale;
    return Math.multiplyExact(i.getEpochSecond(), scale) + i.getNano() / perTick;
  }

  private static void integer(ByteArrayOutputStream out, BigInteger v, int bits) {
    if (bits <= 64) {
      le(out, v.longValue(), bits / 8);
      return;
    }
    byte[] be = v.toByteArray();
    int n = bits / 8;
    byte pad = (byte) (v.signum() < 0 ? 0xFF : 0);
    for (int i = 0; i < n; i++) {
      int idx = be.length - 1 - i;
      out.write(idx >= 0 ? be[idx] : pad);
    }
  }

  static void le(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }

  static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void string(ByteArrayOutputStream out, byte[] b) {
    varint(out, b.length);
    out.writeBytes(b);
  }
}
