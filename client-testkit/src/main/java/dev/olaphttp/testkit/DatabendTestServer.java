package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process Databend query node: {@code POST /v1/query}, pages via {@code next_uri} (retry of the last page,
 * 404 for other pages), {@code final_uri}/{@code kill_uri}/{@code stats_uri}, the client-carried session object
 * (with its {@code internal} string and {@code need_sticky}), {@code SET}/{@code USE}/{@code BEGIN}/{@code COMMIT}
 * changing it, {@code X-DATABEND-QUERY-ID} honoured, expiry (400 closed, then 404), login, heartbeat and logout.
 * Loads: {@code upload_to_stage} then {@code INSERT ... VALUES} with {@code stage_attachment}, and
 * {@code /v1/streaming_load}, into tables declared with {@link #table} or {@link #countingTable}. Default user {@code root} with an empty password.
 */
public final class DatabendTestServer extends TestServer {
  private static final Pattern QUERY_PATH =
      Pattern.compile("^/v1/query/([^/]+)(?:/(page)/(\\d+)|/(final)|/(kill))?/?$");
  private static final JsonFactory JSON = new JsonFactory();

  private static final String STARTED = java.time.OffsetDateTime.now().toString();

  private final DatabendQueries queries = new DatabendQueries(this);
  final DatabendStage stage = new DatabendStage();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final String nodeId = "testkit" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
  private volatile String version = "1.2.900";
  private volatile int runningPolls;

  /** Starts a server on a free loopback port. */
  public DatabendTestServer() {
    this(0);
  }

  /** Starts a server on loopback {@code port} (0: a free port), e.g. for clients in other processes. */
  public DatabendTestServer(int port) {
    super("databend", "root", "", port);
  }

  @Override
  int notImplementedCode() {
    return 1002; // Unimplemented
  }

  @Override
  int unknownColumnCode() {
    return 1065; // SemanticError
  }

  @Override
  String dsnScheme() {
    return "databend+http";
  }

  @Override
  String dsnPath() {
    return "default";
  }

  @Override
  String statementOf(RecordedRequest r) {
    String path = r.path();
    if ((path.equals("/v1/query") || path.equals("/v1/query/")) && r.method().equals("POST")) {
      return jsonField(r.body(), "sql");
    }
    return path.equals("/v1/streaming_load") ? r.header("X-DATABEND-SQL") : null;
  }

  /** The {@code node_id} this node reports. */
  public String nodeId() {
    return nodeId;
  }

  /** The version sent in {@code X-DATABEND-VERSION} and login replies. */
  public String version() {
    return version;
  }

  public DatabendTestServer version(String v) {
    this.version = v;
    return this;
  }

  /** Each new query first answers {@code polls} long-polls with state Running and no rows. */
  public DatabendTestServer runningPolls(int polls) {
    this.runningPolls = polls;
    return this;
  }

  int runningPolls() {
    return runningPolls;
  }

  /** Closes a query as timed out, as the server does when its result timeout elapses (pages then get 400). */
  public void expire(String queryId) {
    DatabendQuery q = queries.queries.get(queryId);
    if (q != null) {
      synchronized (q) {
        q.close("timed out");
      }
    }
  }

  /** Files uploaded with {@code PUT /v1/upload_to_stage}, keyed {@code @stage/relative/path/name}. */
  public Map<String, byte[]> stagedFiles() {
    return Map.copyOf(stage.files);
  }

  /** Forgets a query entirely (its URIs then get 404 not found). */
  public void forget(String queryId) {
    queries.queries.remove(queryId);
  }

  @Override
  void handle(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    String path = req.path();
    if (path.equals("/health") || path.equals("/")) {
      ex.send(200, Headers.of("content-type", "text/plain; charset=utf-8"), "ok".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String user = authenticate(ex);
    if (user == null) {
      return;
    }
    String sticky = req.header("X-DATABEND-STICKY-NODE");
    if (sticky != null && !sticky.equals(nodeId)) {
      sendJson(ex, 400, DatabendJson.error(400, "Sticky session state lost: node " + sticky
          + " not found in cluster"), List.of());
      return;
    }
    String expectedNode = req.header("X-DATABEND-NODE-ID");
    String clientSession = clientSession(ex);
    Matcher m = QUERY_PATH.matcher(path);
    if ((path.equals("/v1/query") || path.equals("/v1/query/")) && req.method().equals("POST")) {
      queries.start(ex, user, clientSession);
    } else if (m.matches()) {
      DatabendQuery q = queries.queries.get(m.group(1));
      if (expectedNode != null && !expectedNode.equals(nodeId)) {
        sendJson(ex, 404, DatabendJson.error(404, "Routing error: query " + m.group(1) + " should be on server "
            + expectedNode + ", but current server is " + nodeId + ", which started at "
            + STARTED + " (0 secs ago)"), List.of());
      } else if (q == null) {
        queries.notFound(ex, m.group(1));
      } else if (!q.user.equals(user)) {
        sendJson(ex, 401, DatabendJson.error(401, "Authentication error: query " + q.id + " expected user "
            + q.user + ", but got " + user), List.of());
      } else if (m.group(2) != null) {
        queries.page(ex, q, Integer.parseInt(m.group(3)), clientSession, false);
      } else if (m.group(4) != null) {
        queries.finalize(ex, q, clientSession);
      } else if (m.group(5) != null) {
        queries.kill(ex, q);
      } else {
        queries.state(ex, q);
      }
    } else if (path.equals("/v1/upload_to_stage") && req.method().equals("PUT")) {
      stage.upload(this, ex);
    } else if (path.equals("/v1/streaming_load") && req.method().equals("PUT")) {
      DatabendStreamingLoad.run(this, ex);
    } else if (path.equals("/v1/session/login") && req.method().equals("POST")) {
      login(ex, user, clientSession);
    } else if (path.equals("/v1/session/logout") && req.method().equals("POST")) {
      String auth = req.header("Authorization");
      if (auth != null && auth.startsWith("Bearer ")) {
        tokens.remove(auth.substring(7).trim());
      }
      sendJson(ex, 200, "{\"error\":null}".getBytes(StandardCharsets.UTF_8), List.of());
    } else if (path.equals("/v1/session/heartbeat") && req.method().equals("POST")) {
      heartbeat(ex);
    } else {
      sendJson(ex, 404, DatabendJson.error(404, "not found"), List.of());
    }
  }

  private String authenticate(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    if (req.headerCount("Authorization") > 1) {
      sendJson(ex, 401, DatabendJson.error(5100, "Authentication failed: multiple Authorization headers"),
          List.of());
      return null;
    }
    String auth = req.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String user = tokens.get(auth.substring(7).trim());
      if (user == null) {
        sendJson(ex, 401, DatabendJson.error(5103, "Authentication failed: session token not found"),
            List.of());
      }
      return user;
    }
    String[] basic = basicAuth(auth);
    AuthResult r = basic == null ? AuthResult.MISSING : checkUser(basic[0], basic[1]);
    if (r == AuthResult.OK) {
      return basic[0];
    }
    int code = r == AuthResult.UNKNOWN_USER ? 2201 : 5100;
    String msg = switch (r) {
      case MISSING -> "Authentication failed: no authorization header detected";
      case UNKNOWN_USER -> "Authentication failed: unknown user '" + basic[0] + "'";
      default -> "Authentication failed: password incorrect";
    };
    sendJson(ex, 401, DatabendJson.error(code, msg), List.of());
    return null;
  }

  /**
   * The client session of a request (header or cookie mode), created when the client asks for one; the response
   * headers that carry it are remembered on the exchange.
   */
  private static String clientSession(Exchange ex) {
    RawRequest req = ex.request();
    String caps = req.header("X-DATABEND-CLIENT-CAPS");
    String cookie = req.header("Cookie");
    boolean headerMode = caps != null && caps.contains("session_header");
    boolean cookieMode = (caps != null && caps.contains("session_cookie"))
        || (cookie != null && cookie.contains("cookie_enabled=true"));
    String id = null;
    String header = headerMode ? req.header("X-DATABEND-SESSION") : null;
    if (header != null) {
      try {
        String json = new String(Base64.getUrlDecoder().decode(header.trim().replace('+', '-').replace('/', '_')),
            StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (m.find()) {
          id = m.group(1);
        }
      } catch (IllegalArgumentException ignored) {
        // not base64: no client session
      }
    }
    if (id == null && cookie != null) {
      Matcher m = Pattern.compile("session_id=([^;\\s]+)").matcher(cookie);
      if (m.find()) {
        id = m.group(1);
      }
    }
    boolean created = false;
    if (id == null && (headerMode || cookieMode)) {
      id = UUID.randomUUID().toString();
      created = true;
    }
    if (id == null) {
      return null;
    }
    List<String[]> h = Headers.of("x-databend-session-id", id);
    if (headerMode) {
      String json = "{\"id\":\"" + id + "\",\"last_refresh_time\":" + System.currentTimeMillis() / 1000 + "}";
      h.add(new String[] {"x-databend-session",
          header != null ? header : Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))});
    } else if (created) {
      h.add(new String[] {"Set-Cookie", "session_id=" + id + "; Path=/"});
      h.add(new String[] {"Set-Cookie", "last_refresh_time=" + System.currentTimeMillis() / 1000 + "; Path=/"});
    }
    ex.attributes().put("databend.session", h);
    return id;
  }

  private void login(Exchange ex, String user, String clientSession) throws IOException {
    String sessionId = clientSession != null ? clientSession : UUID.randomUUID().toString();
    boolean withTokens = !"true".equals(ex.request().param("disable_session_token"));
    String sessionToken = "bend-v1-s-" + UUID.randomUUID().toString().replace("-", "");
    String refreshToken = "bend-v1-r-" + UUID.randomUUID().toString().replace("-", "");
    if (withTokens) {
      tokens.put(sessionToken, user);
    }
    byte[] body = DatabendJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", version);
      g.writeStringField("session_id", sessionId);
      g.writeNumberField("server_max_arrow_result_version", 3);
      g.writeObjectFieldStart("server_arrow_features");
      g.writeBooleanField("decimal64", true);
      g.writeEndObject();
      if (withTokens) {
        g.writeObjectFieldStart("tokens");
        g.writeNumberField("session_token_ttl_in_secs", 14400);
        g.writeStringField("session_token", sessionToken);
        g.writeStringField("refresh_token", refreshToken);
        g.writeEndObject();
      }
      g.writeEndObject();
    });
    @SuppressWarnings("unchecked")
    List<String[]> extra = (List<String[]>) ex.attributes().remove("databend.session");
    if (extra == null) {
      extra = Headers.of("x-databend-session-id", sessionId);
    }
    sendJson(ex, 200, body, extra);
  }

  private void heartbeat(Exchange ex) throws IOException {
    List<String> remove = new ArrayList<>();
    long now = System.currentTimeMillis();
    try (JsonParser p = JSON.createParser(ex.request().body())) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          DatabendQuery q = queries.queries.get(p.getText());
          if (q == null || q.closeReason != null || q.removed(now) || q.drained()) {
            remove.add(p.getText());
          } else {
            q.lastAccessMillis = now;
          }
        }
      }
    } catch (IOException e) {
      sendJson(ex, 400, DatabendJson.error(400, "parse error: " + e.getMessage().split("\n")[0]), List.of());
      return;
    }
    byte[] body = DatabendJson.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("queries_to_remove");
      for (String id : remove) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
    sendJson(ex, 200, body, List.of());
  }

  void sendJson(Exchange ex, int status, byte[] body, List<String[]> extra) throws IOException {
    List<String[]> h = Headers.of("content-type", "application/json; charset=utf-8");
    h.addAll(extra);
    h.add(new String[] {"x-databend-version", version});
    @SuppressWarnings("unchecked")
    List<String[]> session = (List<String[]>) ex.attributes().get("databend.session");
    if (session != null) {
      h.addAll(session);
    }
    ex.send(status, h, body);
  }

  @Override
  void sendMalformed(Exchange ex) throws IOException {
    sendJson(ex, 200, "{\"id\":\"q\",\"session_id\":\"\",\"state\":\"Succeeded\",\"data\":[[\"1\"],[\"2\""
        .getBytes(StandardCharsets.UTF_8), List.of());
  }
}
