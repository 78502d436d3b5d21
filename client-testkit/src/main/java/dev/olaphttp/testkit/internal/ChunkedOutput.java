package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 chunked encoder with an 8 KiB buffer; {@link #flush()} emits a chunk. */
final class ChunkedOutput extends OutputStream {
  private final OutputStream out;
  private final byte[] buf = new byte[8192];
  private int len;

  ChunkedOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (len == buf.length) {
      emit();
    }
    buf[len++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int n) throws IOException {
    while (n > 0) {
      if (len == buf.length) {
        emit();
      }
      int c = Math.min(n, buf.length - len);
      System.arraycopy(b, off, buf, len, c);
      len += c;
      off += c;
      n -= c;
    }
  }

  private void emit() throws IOException {
    if (len == 0) {
      return;
    }
    out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(buf, 0, len);
    out.write('\r');
    out.write('\n');
    len = 0;
  }

  @Override
  public void flush() throws IOException {
    emit();
    out.flush();
  }

  void finish() throws IOException {
    emit();
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
