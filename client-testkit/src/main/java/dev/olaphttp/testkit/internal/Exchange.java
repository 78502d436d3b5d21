package dev.olaphttp.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One request and its response: full-length or chunked, with deliberate cuts for fault injection. */
public final class Exchange {
  private final RawRequest request;
  private final Socket socket;
  private final FaultSink sink;
  private boolean committed;
  private boolean closeAfter;
  private ChunkedOutput chunked;
  private final java.util.Map<String, Object> attributes = new java.util.HashMap<>();

  Exchange(RawRequest request, Socket socket, FaultSink sink) {
    this.request = request;
    this.socket = socket;
    this.sink = sink;
    this.closeAfter = request.wantsClose();
  }

  /** Per-exchange values a handler wants to carry between its parts. */
  public java.util.Map<String, Object> attributes() {
    return attributes;
  }

  public RawRequest request() {
    return request;
  }

  public ConnectionContext connection() {
    return request.connection();
  }

  /** Applies a body fault to this response. */
  public void fault(BodyFault fault) {
    sink.arm(fault);
  }

  /**
   * Ends this response's stall fault, if it is stalled now or stalls later (callable from any thread): the
   * connection is closed instead, as when the server abandons a killed query's response.
   */
  public void endStall() {
    sink.release();
  }

  /** Asks the engine to close the connection after this response ({@code Connection: close} is sent). */
  public void closeAfterResponse() {
    closeAfter = true;
  }

  boolean closeAfter() {
    return closeAfter;
  }

  public boolean committed() {
    return committed;
  }

  /** Sends a complete response with Content-Length. */
  public void send(int status, List<String[]> headers, byte[] body) throws IOException {
    List<String[]> all = new ArrayList<>(headers);
    if (find(all, "Content-Length") == null) {
      all.add(new String[] {"Content-Length", Integer.toString(body.length)});
    }
    writeHead(status, all);
    if (!request.method().equals("HEAD")) {
      sink.write(body, 0, body.length);
    }
    endBody();
  }

  /** Starts a chunked response; write the body to the stream, then call {@link #finishChunked()}. */
  public OutputStream startChunked(int status, List<String[]> headers) throws IOException {
    List<String[]> all = new ArrayList<>(headers);
    if (find(all, "Transfer-Encoding") == null) {
      all.add(new String[] {"Transfer-Encoding", "chunked"});
    }
    writeHead(status, all);
    if (request.method().equals("HEAD")) {
      endBody();
      return OutputStream.nullOutputStream();
    }
    chunked = new ChunkedOutput(sink);
    return chunked;
  }

  /** Writes the terminating zero-length chunk. */
  public void finishChunked() throws IOException {
    if (chunked != null) {
      chunked.finish();
      chunked = null;
      endBody();
    }
  }

  /** Flushes what was written and closes the connection (FIN) without completing the framing. */
  public void truncate() throws IOException {
    if (chunked != null) {
      chunked.flush();
    }
    sink.flush();
    socket.close();
    throw new Aborted("truncated");
  }

  /** Resets the connection (RST). */
  public void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
    throw new Aborted("reset");
  }

  private void endBody() throws IOException {
    sink.flush();
    sink.endResponse();
  }

  private void writeHead(int status, List<String[]> headers) throws IOException {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
    committed = true;
    if (closeAfter && find(headers, "Connection") == null) {
      headers.add(new String[] {"Connection", "close"});
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(Reasons.of(status)).append("\r\n");
    for (String[] h : headers) {
      sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
      if (h[0].equalsIgnoreCase("Connection") && h[1].equalsIgnoreCase("close")) {
        closeAfter = true;
      }
    }
    sb.append("\r\n");
    sink.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    sink.startBody();
  }

  private static String find(List<String[]> headers, String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }
}
