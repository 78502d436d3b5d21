package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Appends text (as UTF-8) and raw bytes to a byte buffer. */
public final class ByteText {
  private final ByteArrayOutputStream out;

  public ByteText(ByteArrayOutputStream out) {
    this.out = out;
  }

  public ByteText append(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        out.writeBytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
        return this;
      }
      out.write(c);
    }
    return this;
  }

  public ByteText append(char c) {
    if (c < 0x80) {
      out.write(c);
    } else {
      out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  public ByteText raw(int b) {
    out.write(b);
    return this;
  }
}
