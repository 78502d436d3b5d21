package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the tuples of ClickHouse's {@code VALUES} format: {@code (1, 'a\'b', NULL), (2, [1,2], 'c')}. Strings
 * are unquoted, {@code NULL} is null, anything else (numbers, arrays) is kept as its text. Internal.
 */
public final class ValuesReader implements RecordSource {
  private final PushbackInputStream in;
  private byte[] field = new byte[256];
  private int len;
  private long bytes;

  public ValuesReader(InputStream in) {
    this.in = new PushbackInputStream(in, 1);
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public boolean next(List<Object> out) throws IOException {
    out.clear();
    int b = skipSpace();
    if (b == ',') {
      b = skipSpace();
    }
    if (b < 0 || b == ';') {
      return false;
    }
    if (b != '(') {
      throw new IOException("Cannot parse expression of type VALUES: expected '(' before: '" + (char) b + "'");
    }
    while (true) {
      b = skipSpace();
      len = 0;
      if (b == '\'') {
        quoted();
        out.add(new String(field, 0, len, StandardCharsets.UTF_8));
        b = skipSpace();
      } else {
        int depth = 0;
        while (b >= 0 && !(depth == 0 && (b == ',' || b == ')'))) {
          if (b == '[' || b == '(') {
            depth++;
          } else if (b == ']' || (b == ')' && depth > 0)) {
            depth--;
          } else if (b == '\'') {
            append(b);
            quotedRaw();
            b = read();
            continue;
          }
          append(b);
          b = read();
        }
        String text = new String(field, 0, len, StandardCharsets.UTF_8).trim();
        out.add(text.equalsIgnoreCase("null") ? null : text);
      }
      if (b == ')') {
        return true;
      }
      if (b != ',') {
        throw new IOException("Cannot parse expression of type VALUES: expected ',' or ')'");
      }
    }
  }

  private void quoted() throws IOException {
    while (true) {
      int b = read();
      if (b < 0) {
        throw new IOException("Cannot parse quoted string: expected closing quote");
      }
      if (b == '\\') {
        int e = read();
        append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '0' -> 0;
          case -1 -> throw new IOException("Cannot parse quoted string: truncated escape");
          default -> e;
        });
      } else if (b == '\'') {
        int n = read();
        if (n != '\'') {
          if (n >= 0) {
            in.unread(n);
            bytes--;
          }
          return;
        }
        append('\'');
      } else {
        append(b);
      }
    }
  }

  /** Copies a quoted string inside a compound value as is. */
  private void quotedRaw() throws IOException {
    for (int b = read(); b >= 0; b = read()) {
      append(b);
      if (b == '\\') {
        append(read());
      } else if (b == '\'') {
        return;
      }
    }
    throw new IOException("Cannot parse quoted string: expected closing quote");
  }

  private int skipSpace() throws IOException {
    int b = read();
    while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      b = read();
    }
    return b;
  }

  private void append(int b) {
    if (len == field.length) {
      field = Arrays.copyOf(field, len * 2);
    }
    field[len++] = (byte) b;
  }

  private int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      bytes++;
    }
    return b;
  }
}
