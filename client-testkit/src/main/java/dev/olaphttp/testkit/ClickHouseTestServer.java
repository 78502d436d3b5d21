package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.ChErrors;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process ClickHouse HTTP interface: {@code /ping}, queries by {@code ?query=} and/or POST body, output formats
 * TabSeparated[WithNames[AndTypes]], RowBinary[WithNamesAndTypes], JSONEachRow and
 * JSONCompactEachRow[WithNamesAndTypes] chosen by FORMAT clause, {@code X-ClickHouse-Format} or
 * {@code default_format}; sessions with locking (373), the {@code X-ClickHouse-*} headers, error bodies and
 * statuses, and mid-stream exceptions (tagged block, or the legacy {@code Code:} tail in 18.16 mode). Streamed
 * {@code INSERT} loads (TSV, CSV, JSONEachRow, RowBinary, Values; gzip bodies; deduplication tokens) go into tables
 * declared with {@link #table} or {@link #countingTable}. Default user {@code default} with an empty password.
 */
public final class ClickHouseTestServer extends TestServer {
  final Map<String, ClickHouseSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean legacy;
  private volatile String version = "26.7.2.1";
  private volatile String displayName = "testkit";
  private volatile String timezone = "UTC";
  private volatile int outputBufferBytes = 1 << 20;

  /** Starts a modern (26.x) server on a free loopback port. */
  public ClickHouseTestServer() {
    this(0);
  }

  /** Starts a modern (26.x) server on loopback {@code port} (0: a free port), e.g. for clients in other processes. */
  public ClickHouseTestServer(int port) {
    super("clickhouse", "default", "", port);
  }

  @Override
  String dsnScheme() {
    return "clickhouse";
  }

  @Override
  String dsnPath() {
    return "default";
  }

  @Override
  String statementOf(RecordedRequest r) {
    if (!r.path().equals("/")) {
      return null;
    }
    String q = r.queryParam("query");
    if (q != null) {
      return q;
    }
    String enc = r.header("Content-Encoding");
    return r.method().equals("POST") && (enc == null || enc.equalsIgnoreCase("identity")) ? r.bodyUtf8() : null;
  }

  /**
   * Behaves like clickhouse-server 18.16: no RowBinaryWithNamesAndTypes/JSONCompactEachRow*, no Query-Id, Format,
   * Timezone, Summary, Exception-Code or Exception-Tag headers, {@code Code: N, e.displayText() = ...} errors,
   * 401 for auth failures and mid-stream errors appended as text.
   */
  public ClickHouseTestServer legacy18() {
    legacy = true;
    version = "18.16.1";
    return this;
  }

  /** Version in error bodies (modern mode). */
  public ClickHouseTestServer version(String v) {
    version = v;
    return this;
  }

  public ClickHouseTestServer displayName(String name) {
    displayName = name;
    return this;
  }

  /** Server timezone: {@code X-ClickHouse-Timezone} and the zone of DateTime columns without one. */
  public ClickHouseTestServer timezone(String zone) {
    java.time.ZoneId.of(zone);
    timezone = zone;
    return this;
  }

  /**
   * Bytes of output buffered before the status line is sent (1 MiB by default, as the real server): an error
   * before that point replaces the whole response; after it, the error travels inside the 200 body.
   */
  public ClickHouseTestServer outputBufferBytes(int bytes) {
    outputBufferBytes = bytes;
    return this;
  }

  /** Settings currently held by a session, or an empty map. */
  public Map<String, String> sessionSettings(String user, String sessionId) {
    ClickHouseSession s = sessions.get(user + "\0" + sessionId);
    return s == null ? Map.of() : Map.copyOf(s.settings);
  }

  boolean legacy() {
    return legacy;
  }

  String versionString() {
    return version;
  }

  String timezoneName() {
    return timezone;
  }

  int outputBuffer() {
    return outputBufferBytes;
  }

  @Override
  void handle(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    if (req.path().equals("/ping") || (req.path().equals("/") && req.param("query") == null
        && !req.hasBody())) {
      List<String[]> h = Headers.of("Date", Headers.now(), "Connection", "Keep-Alive",
          "Content-Type", "text/html; charset=UTF-8", "Content-Length", "4",
          "Keep-Alive", "timeout=" + (legacy ? 3 : 30));
      ex.send(200, h, "Ok.\n".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (!req.path().equals("/")) {
      sendError(ex, null, 404, 0, "There is no handle " + req.path() + "\n\nUse / or /ping for health checks.\n");
      return;
    }
    String user = authenticate(ex);
    if (user == null) {
      return;
    }
    new ClickHouseQuery(this, ex, user).run();
  }

  private String authenticate(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    String[] basic = basicAuth(req.header("Authorization"));
    String headerUser = req.header("X-ClickHouse-User");
    String headerKey = req.header("X-ClickHouse-Key");
    String paramUser = req.param("user");
    int methods = (basic != null ? 1 : 0) + (headerUser != null || headerKey != null ? 1 : 0)
        + (paramUser != null ? 1 : 0);
    if (methods > 1) {
      int code = legacy ? 194 : 516;
      authError(ex, code, "Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and other "
          + "authentication methods simultaneously");
      return null;
    }
    String user = "default";
    String password = "";
    if (basic != null) {
      user = basic[0];
      password = basic[1];
    } else if (headerUser != null || headerKey != null) {
      user = headerUser == null ? "" : headerUser;
      password = headerKey == null ? "" : headerKey;
    } else if (paramUser != null) {
      user = paramUser;
      password = req.param("password") == null ? "" : req.param("password");
    }
    AuthResult r = checkUser(user, password);
    if (r == AuthResult.OK) {
      return user;
    }
    if (legacy) {
      authError(ex, r == AuthResult.UNKNOWN_USER ? 192 : 193,
          r == AuthResult.UNKNOWN_USER ? "Unknown user " + user : "Wrong password for user " + user);
    } else if (user.equals("default") && r == AuthResult.WRONG_PASSWORD) {
      authError(ex, 194, "default: Authentication failed: password is incorrect, or there is no user with such "
          + "name.");
    } else {
      authError(ex, 516, user + ": Authentication failed: password is incorrect, or there is no user with such "
          + "name.");
    }
    return null;
  }

  private void authError(Exchange ex, int code, String message) throws IOException {
    int status = legacy ? 401 : ChErrors.status(code);
    sendError(ex, null, status, code, message);
  }

  /** Sends a complete (chunked) error response; {@code code} 0 sends the message as is. */
  void sendError(Exchange ex, String queryId, int status, int code, String message) throws IOException {
    String body = code == 0 ? message
        : legacy ? ChErrors.legacyBody(code, message) : ChErrors.body(code, message, version);
    List<String[]> h = Headers.of("Date", Headers.now(), "Connection", "Keep-Alive",
        "Content-Type", "text/plain; charset=UTF-8", "X-ClickHouse-Server-Display-Name", displayName,
        "Transfer-Encoding", "chunked");
    if (!legacy && queryId != null) {
      h.add(new String[] {"X-ClickHouse-Query-Id", queryId});
    }
    if (status == 401) {
      h.add(new String[] {"WWW-Authenticate", "Basic realm=\"ClickHouse server HTTP API\""});
    }
    if (!legacy) {
      if (code != 0) {
        h.add(new String[] {"X-ClickHouse-Exception-Code", Integer.toString(code)});
      }
      h.add(new String[] {"X-ClickHouse-Exception-Tag", ClickHouseQuery.newTag()});
    }
    if (status != 401 && !(legacy && code >= 372 && code <= 374)) {
      h.add(new String[] {"Keep-Alive", "timeout=" + (legacy ? 3 : 30)});
    }
    var out = ex.startChunked(status, h);
    out.write(body.getBytes(StandardCharsets.UTF_8));
    ex.finishChunked();
  }

  String displayNameValue() {
    return displayName;
  }

  @Override
  void sendMalformed(Exchange ex) throws IOException {
    List<String[]> h = Headers.of("Content-Type", "application/x-ndjson; charset=UTF-8",
        "X-ClickHouse-Server-Display-Name", displayName);
    var out = ex.startChunked(200, h);
    out.write("{\"a\":1}\n{\"a\":\n".getBytes(StandardCharsets.UTF_8));
    ex.finishChunked();
  }
}
