package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Streams records of delimited text: ClickHouse TabSeparated (backslash escapes), CSV (quotes) or raw
 * (StarRocks: separator and delimiter only). {@code \N} is NULL. Holds one record at a time. Internal.
 */
public final class DelimitedReader implements RecordSource {
  /** Field syntax. */
  public enum Mode { TSV, CSV, RAW }

  private final InputStream in;
  private final Mode mode;
  private final byte separator;
  private final byte delimiter;
  private final byte[] buf = new byte[65536];
  private int pos;
  private int lim;
  private byte[] field = new byte[256];
  private int len;
  private byte[] raw = new byte[256];
  private int rawLen;
  private boolean nested;
  private long bytes;

  public DelimitedReader(InputStream in, Mode mode, byte separator, byte delimiter) {
    this.in = in;
    this.mode = mode;
    this.separator = separator;
    this.delimiter = delimiter;
  }

  /** A one-byte separator from a header: a character, {@code \t}/{@code \n} or {@code \xHH}. */
  public static byte separator(String h, char fallback) throws LoadError {
    if (h == null || h.isEmpty()) {
      return (byte) fallback;
    }
    String s = h.startsWith("\\x") || h.startsWith("\\X") ? String.valueOf((char) Integer.parseInt(h.substring(2), 16))
        : h.replace("\\t", "\t").replace("\\n", "\n");
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length != 1) {
      throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, null, null, null,
          "multi-byte separators are not simulated by the testkit: " + h);
    }
    return b[0];
  }

  /** Bytes consumed so far. */
  @Override
  public long bytes() {
    return bytes;
  }

  /**
   * Reads the next record into {@code out} (String, null for {@code \N}, {@link TextValues#DEFAULT} for an empty
   * unquoted CSV field, {@link TextValues.TsvField} for a TSV field that may hold an Array, Map or Tuple); false
   * at the end of the input.
   */
  @Override
  public boolean next(List<Object> out) throws IOException {
    out.clear();
    int b = read();
    if (b < 0) {
      return false;
    }
    while (true) {
      len = 0;
      boolean quoted = false;
      nested = false;
      boolean escapedNull = false;
      if (mode == Mode.CSV && (b == '"' || b == '\'')) {
        quoted = true;
        int quote = b;
        while (true) {
          b = read();
          if (b < 0) {
            throw new IOException("unterminated quoted field");
          }
          if (b == quote) {
            b = read();
            if (b != quote) {
              break;
            }
          }
          append(b);
        }
      } else {
        nested = mode == Mode.TSV && (b == '[' || b == '{' || b == '(');
        rawLen = 0;
        while (b >= 0 && b != separator && b != delimiter) {
          if (nested) {
            appendRaw(b);
          }
          if (b == '\\' && mode == Mode.TSV) {
            int e = read();
            if (nested && e >= 0) {
              appendRaw(e);
            }
            if (e == 'N' && len == 0) {
              escapedNull = true;
              b = read();
              continue;
            }
            b = switch (e) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              case '0' -> 0;
              case -1 -> throw new IOException("truncated escape");
              default -> e;
            };
          }
          append(b);
          b = read();
        }
      }
      if (quoted && b == '\r' && delimiter == '\n') {
        b = read(); // CRLF line ends
      }
      out.add(value(quoted, escapedNull));
      if (b == separator) {
        b = read();
        continue;
      }
      if (b < 0 || b == delimiter) {
        return true;
      }
      throw new IOException("expected a separator after a quoted field");
    }
  }

  private Object value(boolean quoted, boolean escapedNull) {
    if (mode == Mode.CSV && !quoted && len > 0 && field[len - 1] == '\r' && delimiter == '\n') {
      len--;
    }
    if (escapedNull && len == 0) {
      return null;
    }
    if (!quoted && len == 2 && field[0] == '\\' && field[1] == 'N') {
      return null;
    }
    if (mode == Mode.CSV && !quoted && len == 0) {
      return TextValues.DEFAULT;
    }
    String text = new String(field, 0, len, StandardCharsets.UTF_8);
    if (nested && !quoted) {
      return new TextValues.TsvField(text, new String(raw, 0, rawLen, StandardCharsets.UTF_8));
    }
    return text;
  }

  private void appendRaw(int b) {
    if (rawLen == raw.length) {
      raw = Arrays.copyOf(raw, rawLen * 2);
    }
    raw[rawLen++] = (byte) b;
  }

  private void append(int b) {
    if (len == field.length) {
      field = Arrays.copyOf(field, len * 2);
    }
    field[len++] = (byte) b;
  }

  private int read() throws IOException {
    if (pos == lim) {
      lim = in.read(buf, 0, buf.length);
      pos = 0;
      if (lim <= 0) {
        lim = 0;
        return -1;
      }
      bytes += lim;
    }
    return buf[pos++] & 0xff;
  }
}
