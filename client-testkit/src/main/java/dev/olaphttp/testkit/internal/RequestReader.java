package dev.olaphttp.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads HTTP/1.1 requests (Content-Length or chunked bodies, Expect: 100-continue). */
final class RequestReader {
  private static final int MAX_LINE = 1 << 20;

  private final InputStream in;
  private final OutputStream out;
  private final ConnectionContext connection;

  RequestReader(InputStream in, OutputStream out, ConnectionContext connection) {
    this.in = in;
    this.out = out;
    this.connection = connection;
  }

  /** Next request, or null at a clean end of stream. */
  RawRequest next() throws IOException {
    String line = readLine();
    while (line != null && line.isEmpty()) {
      line = readLine();
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new IOException("bad request line");
    }
    List<String[]> headers = new ArrayList<>();
    for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
      int c = h.indexOf(':');
      if (c <= 0) {
        throw new IOException("bad header line");
      }
      headers.add(new String[] {h.substring(0, c).trim(), h.substring(c + 1).trim()});
    }
    String expect = find(headers, "Expect");
    boolean expectContinue = expect != null && expect.equalsIgnoreCase("100-continue");
    String te = find(headers, "Transfer-Encoding");
    String cl = find(headers, "Content-Length");
    BodyInput body;
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = new BodyInput(in, out, this, true, 0, expectContinue);
    } else if (cl != null) {
      long n;
      try {
        n = Long.parseLong(cl.trim());
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length");
      }
      body = new BodyInput(in, out, this, false, n, expectContinue && n > 0);
    } else {
      body = new BodyInput(in, out, this, false, 0, false);
    }
    return new RawRequest(parts[0], parts[1], headers, body, connection);
  }

  private static String find(List<String[]> headers, String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (line.size() > MAX_LINE) {
        throw new IOException("line too long");
      }
      line.write(b);
      b = in.read();
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
