package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Streams ClickHouse RowBinary rows (little-endian, varint lengths, Nullable flag bytes). Internal. */
public final class RowBinaryReader {
  private final InputStream in;
  private final ZoneId zone;
  private final byte[] buf = new byte[65536];
  private int pos;
  private int lim;
  private long bytes;
  private long row;

  public RowBinaryReader(InputStream in, ZoneId zone) {
    this.in = in;
    this.zone = zone;
  }

  /** Bytes consumed so far. */
  public long bytes() {
    return bytes - (lim - pos);
  }

  /** True if another row starts here (false at a clean end of input). */
  public boolean hasRow() throws IOException {
    row++;
    return fill() > 0;
  }

  /** A {@code RowBinaryWithNamesAndTypes} header: names then types. */
  public List<String> header() throws IOException, LoadError {
    int n = (int) varint();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      out.add(new String(take((int) varint()), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Reads one value of type {@code t}. */
  public Object value(TypeSpec t, String column) throws IOException, LoadError {
    if (t.nullable() && u8() == 1) {
      return null;
    }
    return switch (t.kind()) {
      case INT -> integer(t.bits() == 0 ? 64 : t.bits(), t.signed());
      case FLOAT32 -> (double) Float.intBitsToFloat((int) le(4));
      case FLOAT64 -> Double.longBitsToDouble(le(8));
      case BOOL -> u8() != 0;
      case STRING, JSON -> new String(take((int) varint()), StandardCharsets.UTF_8);
      case BINARY -> take((int) varint());
      case FIXED_STRING -> new String(take(t.precision()), StandardCharsets.UTF_8);
      case DATE -> LocalDate.ofEpochDay(le(2) & 0xffff);
      case DATE32 -> LocalDate.ofEpochDay((int) le(4));
      case DATETIME -> wall(Instant.ofEpochSecond(le(4) & 0xffffffffL), t);
      case DATETIME64 -> wall(ticks(le(8), t.precision()), t);
      case DECIMAL -> new BigDecimal(signedInteger(t.bits()), t.scale());
      case UUID -> {
        long hi = le(8);
        yield new UUID(hi, le(8));
      }
      case IPV4 -> {
        long v = le(4);
        yield InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8),
            (byte) v});
      }
      case IPV6 -> InetAddress.getByAddress(take(16));
      case ENUM -> {
        long v = t.bits() == 16 ? (short) le(2) : (byte) u8();
        for (Map.Entry<String, Integer> e : t.enumValues().entrySet()) {
          if (e.getValue() == v) {
            yield e.getKey();
          }
        }
        throw new LoadError(LoadError.Kind.BAD_VALUE, row, column, null, Long.toString(v),
            "Unexpected value " + v + " in enum");
      }
      case ARRAY -> {
        long n = varint();
        List<Object> list = new ArrayList<>();
        for (long i = 0; i < n; i++) {
          list.add(value(t.child(0), column));
        }
        yield list;
      }
      case MAP -> {
        long n = varint();
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < n; i++) {
          Object k = value(t.child(0), column);
          map.put(k, value(t.child(1), column));
        }
        yield map;
      }
      case TUPLE -> {
        List<Object> list = new ArrayList<>();
        for (TypeSpec c : t.children()) {
          list.add(value(c, column));
        }
        yield list;
      }
      default -> throw new LoadError(LoadError.Kind.UNSUPPORTED, row, column, null, null,
          "RowBinary input of type " + t.kind() + " is not simulated by the testkit");
    };
  }

  private LocalDateTime wall(Instant i, TypeSpec t) {
    return LocalDateTime.ofInstant(i, t.timeZone() == null ? zone : ZoneId.of(t.timeZone()));
  }

  private static Instant ticks(long v, int precision) {
    long scale = BigInteger.TEN.pow(precision).longValueExact();
    return Instant.ofEpochSecond(Math.floorDiv(v, scale), Math.floorMod(v, scale) * (1_000_000_000L / scale));
  }

  private Object integer(int bits, boolean signed) throws IOException, LoadError {
    if (bits <= 32 || (bits == 64 && signed)) {
      long v = le(bits / 8);
      if (signed && bits < 64) {
        v = (v << (64 - bits)) >> (64 - bits);
      }
      return v;
    }
    BigInteger v = signed ? signedInteger(bits) : new BigInteger(1, reversed(take(bits / 8)));
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private BigInteger signedInteger(int bits) throws IOException, LoadError {
    return new BigInteger(reversed(take(bits / 8)));
  }

  private static byte[] reversed(byte[] b) {
    for (int i = 0, j = b.length - 1; i < j; i++, j--) {
      byte x = b[i];
      b[i] = b[j];
      b[j] = x;
    }
    return b;
  }

  private long le(int n) throws IOException, LoadError {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) u8() << (8 * i);
    }
    return v;
  }

  private long varint() throws IOException, LoadError {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new LoadError(LoadError.Kind.MALFORMED, row, null, null, null, "Too large varint");
  }

  private byte[] take(int n) throws IOException, LoadError {
    if (n < 0 || n > (64 << 20)) {
      throw new LoadError(LoadError.Kind.MALFORMED, row, null, null, null, "Too large string size: " + n);
    }
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) u8();
    }
    return out;
  }

  private int u8() throws IOException, LoadError {
    if (pos == lim && fill() == 0) {
      throw new LoadError(LoadError.Kind.TRUNCATED, row, null, null, null,
          "Cannot read all data. Bytes read: 0. Bytes expected: 1.");
    }
    return buf[pos++] & 0xff;
  }

  private int fill() throws IOException {
    if (pos < lim) {
      return lim - pos;
    }
    int n = in.read(buf, 0, buf.length);
    pos = 0;
    lim = Math.max(0, n);
    bytes += lim;
    return lim;
  }
}
