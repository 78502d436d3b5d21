package dev.olaphttp.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One parsed HTTP/1.1 request as read off the wire. Internal. */
public final class RawRequest {
  private final String method;
  private final String target;
  private final String path;
  private final Map<String, List<String>> params;
  private final List<String[]> headers;
  private static final long MAX_BODY = 256L << 20;
  private final BodyInput body;
  private byte[] cached;
  private final ConnectionContext connection;

  RawRequest(String method, String target, List<String[]> headers, BodyInput body, ConnectionContext connection) {
    this.method = method;
    this.target = target;
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    this.params = Collections.unmodifiableMap(parseQuery(q < 0 ? "" : target.substring(q + 1)));
    this.headers = Collections.unmodifiableList(headers);
    this.body = body;
    this.connection = connection;
  }

  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = decode(eq < 0 ? part : part.substring(0, eq));
      String v = eq < 0 ? "" : decode(part.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  public String method() {
    return method;
  }

  public String target() {
    return target;
  }

  public String path() {
    return path;
  }

  public Map<String, List<String>> params() {
    return params;
  }

  /** First value of a query parameter, or null. */
  public String param(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public List<String[]> headers() {
    return headers;
  }

  /** First value of a header (case-insensitive), or null. */
  public String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  public int headerCount(String name) {
    int n = 0;
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The whole body, read on first call (up to 256 MiB). After {@link #bodyStream()} was used, only the bytes
   * captured so far (the first 1 MiB).
   */
  public synchronized byte[] body() {
    if (cached == null) {
      if (body.touched()) {
        return body.captured();
      }
      try {
        cached = body.readAll(MAX_BODY);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return cached.clone();
  }

  public String bodyUtf8() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** The body as a stream read straight off the connection (sends {@code 100 Continue} on first read). */
  public synchronized java.io.InputStream bodyStream() {
    if (cached != null) {
      return new java.io.ByteArrayInputStream(cached);
    }
    return body;
  }

  /** What a recorder may show: the body if it was read whole, else the captured prefix. */
  public synchronized byte[] recordedBody() {
    if (cached == null && !body.touched() && Thread.currentThread() == body.owner()) {
      return body(); // a fault predicate before the handler ran: the body can still be read whole
    }
    return cached != null ? cached.clone() : body.captured();
  }

  /** Whether a non-empty body was announced. */
  public boolean hasBody() {
    return body.present() || (cached != null && cached.length > 0);
  }

  BodyInput input() {
    return body;
  }

  public ConnectionContext connection() {
    return connection;
  }

  public boolean wantsClose() {
    String c = header("Connection");
    return c != null && c.toLowerCase(Locale.ROOT).contains("close");
  }
}
