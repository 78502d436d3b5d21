package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body read straight off the connection (Content-Length or chunked framing). {@code 100 Continue} is
 * sent only when the handler first reads, as a real server does; the first {@link #CAPTURE} bytes are kept for
 * {@code RecordedRequest}. Internal.
 */
public final class BodyInput extends InputStream {
  static final int CAPTURE = 1 << 20;

  private final InputStream in;
  private final OutputStream out;
  private final boolean chunked;
  private boolean expectContinue;
  private long remaining;
  private boolean eof;
  private boolean touched;
  private boolean afterChunk;
  private long consumed;
  private final ByteArrayOutputStream capture = new ByteArrayOutputStream();
  private final RequestReader lines;
  private final Thread owner = Thread.currentThread();

  BodyInput(InputStream in, OutputStream out, RequestReader lines, boolean chunked, long length,
      boolean expectContinue) {
    this.in = in;
    this.out = out;
    this.lines = lines;
    this.chunked = chunked;
    this.remaining = chunked ? 0 : length;
    this.eof = !chunked && length == 0;
    this.expectContinue = expectContinue;
  }

  /** Whether the client announced {@code Expect: 100-continue} and no 100 was sent yet. */
  boolean awaitingContinue() {
    return expectContinue;
  }

  /** The connection thread that may read this body. */
  Thread owner() {
    return owner;
  }

  /** Whether a handler read from this body. */
  public boolean touched() {
    return touched;
  }

  /** Bytes read so far (after de-chunking). */
  public long consumed() {
    return consumed;
  }

  /** Whether the request declared a body (non-zero length or chunked). */
  public boolean present() {
    return chunked || remaining > 0 || consumed > 0;
  }

  /** The first bytes read, up to 1 MiB. */
  synchronized byte[] captured() {
    return capture.toByteArray();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    touched = true;
    if (len == 0) {
      return 0;
    }
    if (expectContinue) {
      expectContinue = false;
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    if (eof) {
      return -1;
    }
    if (remaining == 0 && chunked && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("truncated request body");
    }
    remaining -= n;
    consumed += n;
    if (remaining == 0 && !chunked) {
      eof = true;
    }
    synchronized (this) {
      if (capture.size() < CAPTURE) {
        capture.write(b, off, Math.min(n, CAPTURE - capture.size()));
      }
    }
    return n;
  }

  private boolean nextChunk() throws IOException {
    if (afterChunk) {
      lines.readLine(); // CRLF after the previous chunk
    }
    afterChunk = true;
    String size = lines.readLine();
    if (size == null) {
      throw new EOFException("truncated chunked body");
    }
    int semi = size.indexOf(';');
    long n;
    try {
      n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size");
    }
    if (n == 0) {
      for (String t = lines.readLine(); t != null && !t.isEmpty(); t = lines.readLine()) {
        // trailers ignored
      }
      eof = true;
      return false;
    }
    remaining = n;
    return true;
  }

  /** Reads the whole body, failing beyond {@code max} bytes. */
  byte[] readAll(long max) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    for (int n = read(b, 0, b.length); n >= 0; n = read(b, 0, b.length)) {
      if (buf.size() + n > max) {
        throw new IOException("body too large");
      }
      buf.write(b, 0, n);
    }
    return buf.toByteArray();
  }

  /** Discards the rest of the body so the connection can carry the next request. */
  void drain() throws IOException {
    byte[] b = new byte[8192];
    while (read(b, 0, b.length) >= 0) {
      // discard
    }
  }
}
