package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.RawRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request a test server received, for assertions: method, path, query parameters, headers and body. */
public final class RecordedRequest {
  private final String method;
  private final String target;
  private final String path;
  private final Map<String, List<String>> params;
  private final List<Map.Entry<String, String>> headers;
  private final RawRequest raw;
  private final long connectionId;
  private volatile String sql;

  RecordedRequest(RawRequest raw) {
    this.method = raw.method();
    this.target = raw.target();
    this.path = raw.path();
    Map<String, List<String>> p = new LinkedHashMap<>();
    raw.params().forEach((k, v) -> p.put(k, List.copyOf(v)));
    this.params = java.util.Collections.unmodifiableMap(p);
    List<Map.Entry<String, String>> h = new ArrayList<>();
    for (String[] kv : raw.headers()) {
      h.add(Map.entry(kv[0], kv[1]));
    }
    this.headers = List.copyOf(h);
    this.raw = raw;
    this.connectionId = raw.connection().id();
  }

  /**
   * The SQL statement this request carries, as the server reads it (ClickHouse {@code query} parameter or body,
   * Databend {@code sql} field or {@code X-DATABEND-SQL}, StarRocks {@code query} field); null when it carries none.
   */
  public String sql() {
    return sql;
  }

  void sql(String statement) {
    this.sql = statement;
  }

  public String method() {
    return method;
  }

  /** The request target as sent: path plus query string. */
  public String target() {
    return target;
  }

  public String path() {
    return path;
  }

  /** Decoded query parameters in order. */
  public Map<String, List<String>> queryParams() {
    return params;
  }

  /** First value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Headers in the order received. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** First value of a header, case-insensitive, or null. */
  public String header(String name) {
    for (Map.Entry<String, String> e : headers) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The body. For a streamed load (read while it arrived) only the first 1 MiB is kept; read it after the
   * response to see everything the server consumed.
   */
  public byte[] body() {
    return raw.recordedBody();
  }

  public String bodyUtf8() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** Sequence number of the TCP connection the request came on (1-based per server). */
  public long connectionId() {
    return connectionId;
  }

  /** Method and path only: never headers or body, which may carry credentials. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
