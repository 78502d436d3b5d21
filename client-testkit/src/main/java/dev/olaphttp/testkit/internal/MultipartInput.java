package dev.olaphttp.testkit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Streams the content of the first part of a {@code multipart/form-data} body, holding one window. Internal. */
public final class MultipartInput extends InputStream {
  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf;
  private int start;
  private int end;
  private boolean eof;
  private boolean done;
  private String partHeaders;

  /** Positions {@code in} at the content of the first part, after its headers. */
  public MultipartInput(InputStream in, String boundary) throws IOException {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buf = new byte[65536 + delimiter.length];
    // the body starts with "--boundary\r\n": pretend a CRLF preceded it
    byte[] first = Arrays.copyOfRange(delimiter, 2, delimiter.length);
    fill(first.length);
    if (end - start < first.length || !Arrays.equals(buf, start, start + first.length, first, 0, first.length)) {
      throw new IOException("multipart body does not start with its boundary");
    }
    start += first.length;
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      if (start == end && fill(1) == 0) {
        throw new EOFException("truncated multipart headers");
      }
      headers.append((char) (buf[start++] & 0xff));
      if (headers.length() > 16384) {
        throw new IOException("multipart headers too long");
      }
    }
    partHeaders = headers.toString();
  }

  /** The first part's headers (e.g. its Content-Disposition with the file name). */
  public String partHeaders() {
    return partHeaders;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    fill(delimiter.length);
    int hit = indexOfDelimiter();
    int available;
    if (hit >= 0) {
      available = hit - start;
      if (available == 0) {
        done = true;
        return -1;
      }
    } else if (eof) {
      throw new EOFException("multipart body ended without its closing boundary");
    } else {
      available = end - start - (delimiter.length - 1);
    }
    int n = Math.min(len, available);
    System.arraycopy(buf, start, b, off, n);
    start += n;
    return n;
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = start; i <= end - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Reads until at least {@code want} bytes are buffered or the input ends; returns the bytes buffered. */
  private int fill(int want) throws IOException {
    if (end - start >= want || eof) {
      return end - start;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    while (end - start < buf.length / 2 && !eof) {
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
      if (end - start >= want && in.available() == 0) {
        break;
      }
    }
    return end - start;
  }
}
