package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.TypeParser;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-side reader of golden TabSeparatedWithNamesAndTypes files into a Table of Java values. */
final class GoldenTsv {
  private final byte[] b;
  private int pos;

  private GoldenTsv(byte[] b) {
    this.b = b;
  }

  static Table read(byte[] tsv) {
    List<byte[]> lines = split(tsv, (byte) '\n');
    List<String> names = cells(lines.get(0));
    List<String> types = cells(lines.get(1));
    TypeSpec[] specs = types.stream().map(TypeParser::parse).toArray(TypeSpec[]::new);
    Table.Builder tb = Table.builder();
    for (int i = 0; i < names.size(); i++) {
      tb.column(names.get(i), types.get(i));
    }
    for (int l = 2; l < lines.size(); l++) {
      if (lines.get(l).length == 0 && l == lines.size() - 1) {
        continue;
      }
      List<byte[]> fields = split(lines.get(l), (byte) '\t');
      Object[] row = new Object[specs.length];
      for (int c = 0; c < specs.length; c++) {
        row[c] = field(specs[c], fields.get(c));
      }
      tb.row(row);
    }
    return tb.build();
  }

  private static List<String> cells(byte[] line) {
    List<String> out = new ArrayList<>();
    for (byte[] f : split(line, (byte) '\t')) {
      out.add(new String(unescape(f), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Object field(TypeSpec t, byte[] raw) {
    if (Arrays.equals(raw, "\\N".getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    switch (t.kind()) {
      case ARRAY, MAP, TUPLE -> {
        GoldenTsv p = new GoldenTsv(raw);
        return p.quoted(t);
      }
      default -> {
        return scalar(t, unescape(raw));
      }
    }
  }

  static Object scalar(TypeSpec t, byte[] v) {
    String s = new String(v, StandardCharsets.UTF_8);
    switch (t.kind()) {
      case INT:
        return new BigInteger(s);
      case FLOAT32:
      case FLOAT64:
        return switch (s) {
          case "nan" -> Double.NaN;
          case "inf" -> Double.POSITIVE_INFINITY;
          case "-inf" -> Double.NEGATIVE_INFINITY;
          default -> Double.parseDouble(s);
        };
      case DECIMAL:
        return new BigDecimal(s);
      case BOOL:
        return s.equals("true");
      case DATE:
      case DATE32:
        return LocalDate.parse(s);
      case DATETIME:
      case DATETIME64:
        return LocalDateTime.parse(s.replace(' ', 'T'));
      case UUID:
        return UUID.fromString(s);
      case IPV4:
      case IPV6:
        try {
          return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException(s, e);
        }
      case ENUM:
        return s;
      default:
        return v;
    }
  }

  private Object quoted(TypeSpec t) {
    if (startsWith("NULL")) {
      pos += 4;
      return null;
    }
    switch (t.kind()) {
      case ARRAY: {
        expect('[');
        List<Object> l = new ArrayList<>();
        while (b[pos] != ']') {
          l.add(quoted(t.child(0)));
          if (b[pos] == ',') {
            pos++;
          }
        }
        pos++;
        return l;
      }
      case MAP: {
        expect('{');
        Map<Object, Object> m = new LinkedHashMap<>();
        while (b[pos] != '}') {
          Object k = quoted(t.child(0));
          expect(':');
          m.put(k instanceof byte[] kb ? new String(kb, StandardCharsets.UTF_8) : k, quoted(t.child(1)));
          if (b[pos] == ',') {
            pos++;
          }
        }
        pos++;
        return m;
      }
      case TUPLE: {
        expect('(');
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < t.children().size(); i++) {
          l.add(quoted(t.child(i)));
          if (b[pos] == ',') {
            pos++;
          }
        }
        expect(')');
        return l;
      }
      default: {
        byte[] token;
        if (b[pos] == '\'') {
          pos++;
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          while (b[pos] != '\'') {
            if (b[pos] == '\\') {
              pos++;
              out.write(unescapeChar(b[pos]));
            } else {
              out.write(b[pos]);
            }
            pos++;
          }
          pos++;
          token = out.toByteArray();
        } else {
          int start = pos;
          while (pos < b.length && b[pos] != ',' && b[pos] != ']' && b[pos] != ')' && b[pos] != '}'
              && b[pos] != ':') {
            pos++;
          }
          token = Arrays.copyOfRange(b, start, pos);
        }
        Object v = scalar(t, token);
        return v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v;
      }
    }
  }

  private boolean startsWith(String s) {
    byte[] x = s.getBytes(StandardCharsets.US_ASCII);
    if (pos + x.length > b.length) {
      return false;
    }
    return Arrays.equals(Arrays.copyOfRange(b, pos, pos + x.length), x);
  }

  private void expect(char c) {
    if (b[pos] != c) {
      throw new IllegalStateException("expected " + c + " at " + pos);
    }
    pos++;
  }

  static byte[] unescape(byte[] f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(f.length);
    for (int i = 0; i < f.length; i++) {
      if (f[i] == '\\' && i + 1 < f.length) {
        out.write(unescapeChar(f[++i]));
      } else {
        out.write(f[i]);
      }
    }
    return out.toByteArray();
  }

  private static int unescapeChar(byte c) {
    return switch (c) {
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case '0' -> 0;
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> c;
    };
  }

  private static List<byte[]> split(byte[] data, byte sep) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == sep) {
        out.add(Arrays.copyOfRange(data, start, i));
        start = i + 1;
      }
    }
    out.add(Arrays.copyOfRange(data, start, data.length));
    return out;
  }
}
