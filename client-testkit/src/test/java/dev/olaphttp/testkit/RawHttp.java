package dev.olaphttp.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A raw HTTP/1.1 client over one socket, exposing framing, header order and cut connections. */
final class RawHttp implements Closeable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Sends a request with Content-Length (or none) and reads the whole response. */
  Response exchange(String method, String target, String body, String... headers) throws IOException {
    send(method, target, body, headers);
    return read();
  }

  private boolean head;

  void send(String method, String target, String body, String... headers) throws IOException {
    head = method.equals("HEAD");
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      sb.append("Content-Length: ").append(b.length).append("\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.write(b);
    out.flush();
  }

  void sendRaw(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  Response read() throws IOException {
    return read(true);
  }

  /** Reads a response counting its body bytes without keeping them (for large streams). */
  Response drain() throws IOException {
    return read(false);
  }

  /** Reads the status line and headers only; finish with {@link #readBody(Response)}. */
  Response readHeaders() throws IOException {
    return head(true);
  }

  Response readBody(Response r) throws IOException {
    return body(r, true);
  }

  private Response read(boolean keep) throws IOException {
    Response r = head(keep);
    if (r.status == 0 || r.sawContinue || r.complete) {
      return r;
    }
    return body(r, keep);
  }

  private Response head(boolean keep) throws IOException {
    Response r = new Response();
    String status = line();
    if (status == null) {
      r.failure = "eof";
      return r;
    }
    r.status = Integer.parseInt(status.split(" ")[1]);
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int c = h.indexOf(':');
      r.headers.add(new String[] {h.substring(0, c), h.substring(c + 1).trim()});
    }
    if (r.status == 100) {
      Response next = read(keep);
      next.sawContinue = true;
      return next;
    }
    if (head) {
      r.complete = true;
    }
    return r;
  }

  private Response body(Response r, boolean keep) throws IOException {
    ByteArrayOutputStream body = keep ? new ByteArrayOutputStream() : new Counting(r);
    try {
      String te = r.header("Transfer-Encoding");
      String cl = r.header("Content-Length");
      if (te != null && te.equalsIgnoreCase("chunked")) {
        while (true) {
          String size = line();
          if (size == null) {
            r.failure = "eof";
            break;
          }
          int n = Integer.parseInt(size.trim(), 16);
          if (n == 0) {
            line();
            r.complete = true;
            break;
          }
          byte[] chunk = in.readNBytes(n);
          body.write(chunk);
          if (chunk.length < n) {
            r.failure = "eof";
            break;
          }
          line();
        }
      } else if (cl != null) {
        int n = Integer.parseInt(cl);
        byte[] b = in.readNBytes(n);
        body.write(b);
        r.complete = b.length == n;
        if (!r.complete) {
          r.failure = "eof";
        }
      } else {
        body.write(in.readAllBytes());
        r.complete = true;
      }
    } catch (SocketTimeoutException e) {
      r.failure = "timeout";
    } catch (SocketException e) {
      r.failure = "reset";
    }
    r.body = body.toByteArray();
    return r;
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n') {
      b.write(c);
      c = in.read();
    }
    String s = b.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Counts instead of keeping. */
  private static final class Counting extends ByteArrayOutputStream {
    private final Response r;

    Counting(Response r) {
      this.r = r;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      r.bodyBytes += len;
      r.lastBytes = java.util.Arrays.copyOfRange(b, Math.max(off, off + len - 64), off + len);
    }

    @Override
    public void write(int b) {
      r.bodyBytes++;
    }
  }

  /** A response as seen on the wire. */
  static final class Response {
    int status;
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];
    boolean complete;
    boolean sawContinue;
    String failure;
    long bodyBytes;
    byte[] lastBytes = new byte[0];

    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    List<String> headerNames() {
      List<String> n = new ArrayList<>();
      for (String[] h : headers) {
        n.add(h[0]);
      }
      return n;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return List.of(text().split("\n", -1));
    }
  }
}
