package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.testkit.internal.ConnectionContext;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.JsonText;
import dev.olaphttp.testkit.internal.RawRequest;
import dev.olaphttp.testkit.internal.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process StarRocks FE HTTP SQL API ({@code POST /api/v1/catalogs/{catalog}[/databases/{db}]/sql}): NDJSON
 * framing (connectionId, meta, data lines, statistics), SHOW/EXPLAIN single objects, KILL, the
 * {@code {"status":"FAILED",...}} envelope, truncation without statistics on mid-stream failure, and session
 * variables kept per TCP connection as the real FE does. Stream Load ({@code 307} from the FE to a simulated BE on
 * {@link #backendUrl()}, labels, filtering, ErrorURL) and Transaction Stream Load load into tables declared with
 * {@link #table} or {@link #countingTable}. Default user {@code root} with an empty password.
 */
public final class StarRocksTestServer extends TestServer {
  static final String NDJSON = "application/x-ndjson; charset=utf-8";
  private static final Pattern ROUTE =
      Pattern.compile("^/api/v1/catalogs/([^/]+)(?:/databases/([^/]+))?/sql/?$");
  private static final Pattern KILL = Pattern.compile("(?i)^kill\\s+(query\\s+|connection\\s+)?(\\d+)$");
  private static final Pattern VAR = Pattern.compile("(?i)^select\\s+@@(?:session\\.)?(\\w+)$");
  private static final JsonFactory JSON = new JsonFactory();

  private final AtomicInteger connectionIds = new AtomicInteger();
  private final Map<Integer, ConnectionContext> live = new ConcurrentHashMap<>();
  private final Set<String> catalogs = ConcurrentHashMap.newKeySet();
  private final StarRocksVariables variables = new StarRocksVariables();
  private final StarRocksStreamLoad streamLoad = new StarRocksStreamLoad(this);
  private final dev.olaphttp.testkit.internal.HttpEngine backend;

  /** Starts a server (FE port, plus a BE port for Stream Load) on free loopback ports. */
  public StarRocksTestServer() {
    this(0);
  }

  /** Starts a server with its FE on loopback {@code port} (0: a free port); the BE takes a free port. */
  public StarRocksTestServer(int port) {
    super("starrocks", "root", "", port);
    catalogs.add("default_catalog");
    backend = extraEngine("starrocks-be", streamLoad::backend);
  }

  /**
   * Declares a session variable beyond the common ones the simulator knows ({@code query_timeout},
   * {@code pipeline_dop}, {@code time_zone}, ...): {@code kind} is {@code int}, {@code bigint}, {@code boolean},
   * {@code double} or {@code varchar}. Unknown variables fail {@code sessionVariables} and {@code SELECT @@name}
   * with {@code Unknown system variable}, as the FE does.
   */
  public StarRocksTestServer sessionVariable(String name, String kind, String defaultValue) {
    variables.declare(name, StarRocksVariables.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), defaultValue);
    return this;
  }

  @Override
  String dsnScheme() {
    return "starrocks";
  }

  @Override
  String dsnPath() {
    return "";
  }

  @Override
  String statementOf(RecordedRequest r) {
    return ROUTE.matcher(r.path()).matches() && r.method().equals("POST") ? jsonField(r.body(), "query") : null;
  }

  /**
   * Base URL of the simulated BE ({@code be_http_port}), where the FE redirects Stream Load with {@code 307}; it
   * also serves {@code ErrorURL} logs.
   */
  public String backendUrl() {
    return "http://127.0.0.1:" + backend.port();
  }

  /** Port of the simulated BE. */
  public int backendPort() {
    return backend.port();
  }

  /** The Stream Load URL on the FE for a table. */
  public String streamLoadUrl(String database, String table) {
    return url() + "/api/" + database + "/" + table + "/_stream_load";
  }

  @Override
  boolean columnsNullable() {
    return true;
  }

  /** The user of a valid Basic Authorization, or null after answering 401. */
  String authorized(Exchange ex) throws IOException {
    String failure = authFailure(ex.request());
    if (failure != null) {
      sendAuthFailure(ex, failure);
      return null;
    }
    return basicAuth(ex.request().header("Authorization"))[0];
  }

  /** Why the request's Basic credentials are refused, or null when they are accepted. */
  String authFailure(RawRequest req) {
    String[] basic = basicAuth(req.header("Authorization"));
    if (basic == null) {
      return "Need auth information.";
    }
    String user = basic[0].contains("@") ? basic[0].substring(0, basic[0].indexOf('@')) : basic[0];
    return checkUser(user, basic[1]) == AuthResult.OK ? null : "Access denied for " + user + "@127.0.0.1";
  }

  /** Also accepts this catalog name in the URL (only {@code default_catalog} by default). */
  public StarRocksTestServer addCatalog(String catalog) {
    catalogs.add(catalog);
    return this;
  }

  /** The URL of the SQL endpoint for a catalog and optional database. */
  public String sqlUrl(String catalog, String database) {
    return url() + "/api/v1/catalogs/" + catalog + (database == null ? "" : "/databases/" + database) + "/sql";
  }

  /** The session variables the FE holds for a connection id (as sent in the first NDJSON line). */
  public Map<String, String> sessionVariables(int connectionId) {
    ConnectionContext c = live.get(connectionId);
    return c == null ? Map.of() : Map.copyOf(vars(c));
  }

  @Override
  void handle(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    if (streamLoad.frontend(ex)) {
      return;
    }
    Matcher route = ROUTE.matcher(req.path());
    if (!route.matches() || !req.method().equals("POST")) {
      ex.send(404, Headers.of("content-type", "text/html", "connection", "keep-alive"),
          "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String[] basic = basicAuth(req.header("Authorization"));
    if (basic == null) {
      sendAuthFailure(ex, "Need auth information.");
      return;
    }
    String user = basic[0].contains("@") ? basic[0].substring(0, basic[0].indexOf('@')) : basic[0];
    if (checkUser(user, basic[1]) != AuthResult.OK) {
      sendAuthFailure(ex, "Access denied for " + user + "@127.0.0.1");
      return;
    }
    if (!catalogs.contains(route.group(1))) {
      sendError(ex, 403, "set catalog or db failed");
      return;
    }
    int connId = register(ex.connection());
    Map<String, String> sessionVars = new LinkedHashMap<>();
    String query;
    try {
      query = parseBody(req.bodyUtf8(), sessionVars);
    } catch (IOException | IllegalStateException e) {
      sendError(ex, 500, "malformed json [ " + req.bodyUtf8() + " ]");
      return;
    }
    if (query == null || query.isBlank()) {
      sendError(ex, 500, "\"query can not be empty\"");
      return;
    }
    for (Map.Entry<String, String> v : sessionVars.entrySet()) { // applied in map order, as SET SESSION would
      String why = variables.reject(v.getKey(), v.getValue());
      if (why != null) {
        sendError(ex, 500, why);
        return;
      }
      vars(ex.connection()).put(v.getKey().toLowerCase(Locale.ROOT), v.getValue());
    }
    execute(ex, connId, query, route.group(2));
  }

  /** What {@code EXPLAIN} may precede over HTTP: a query statement (notes: INSERT and the rest are refused). */
  private static final Set<String> EXPLAINABLE = Set.of("select", "with", "");

  /** The statement after {@code EXPLAIN} and its options ({@code VERBOSE}, {@code COSTS}, {@code LOGICAL}...). */
  private static String explained(String sql) {
    return sql.replaceFirst("(?is)^explain(?:\\s+(?:verbose|costs|logical|physical|analyze|scheduler))*\\s*", "")
        .replaceFirst("^\\(+", "");
  }

  private void execute(Exchange ex, int connId, String query, String database) throws IOException {
    if (SqlText.isMultiStatement(query)) {
      sendError(ex, 500, "http query does not support execute multiple query");
      return;
    }
    String sql = SqlText.strip(query);
    String word = SqlText.firstWord(sql);
    Matcher kill = KILL.matcher(sql);
    if (kill.matches()) {
      kill(ex, connId, kill.group(1) != null && kill.group(1).trim().equalsIgnoreCase("query"),
          Integer.parseInt(kill.group(2)));
      return;
    }
    if (word.equals("explain") && !EXPLAINABLE.contains(SqlText.firstWord(explained(sql)))) {
      sendError(ex, 500, "http query only support SELECT, SHOW, EXPLAIN, DESC, KILL statement");
      return;
    }
    if (word.equals("explain")) {
      StringBuilder sb = new StringBuilder("{\"explain\":");
      JsonText.string(sb, "PLAN FRAGMENT 0\n OUTPUT EXPRS:\n  PARTITION: UNPARTITIONED\n\n  RESULT SINK\n", true);
      streamWhole(ex, sb.append('}').toString());
      return;
    }
    boolean show = word.equals("show") || word.equals("desc") || word.equals("describe");
    if (!show && !word.equals("select") && !word.equals("with")) {
      sendError(ex, 500, "http query only support SELECT, SHOW, EXPLAIN, DESC, KILL statement");
      return;
    }
    if (sql.toLowerCase(Locale.ROOT).contains(" into outfile ")) {
      sendError(ex, 500, "http query does not support a query with OUTFILE clause");
      return;
    }
    Outcome outcome = resolve(sql, "bigint(20)", "tinyint(4)");
    if (outcome == null && show) {
      outcome = SchemaQueries.starRocksDescribe(this, sql);
    }
    if (outcome == null && sql.matches("(?i)^select\\s+database\\(\\)$")) {
      outcome = Outcome.rows(Table.builder().column("database()", "varchar").row(database).build());
    }
    Matcher var = VAR.matcher(sql);
    if (outcome == null && var.matches()) {
      StarRocksVariables.Variable known = variables.find(var.group(1));
      if (known == null) {
        sendError(ex, 500, "Unknown system variable '" + var.group(1) + "'");
        return;
      }
      String value = vars(ex.connection()).getOrDefault(known.name(), known.defaultValue());
      outcome = Outcome.rows(Table.builder().column("@@" + var.group(1), known.kind().columnType)
          .row(StarRocksVariables.typed(known.kind(), value)).build());
    }
    if (outcome == null) {
      sendError(ex, 500, "Getting analyzing error. Detail message: no testkit script matches: " + sql + ".");
      return;
    }
    if (outcome.table() == null) {
      sendError(ex, 500, outcome.message());
      return;
    }
    if (show) {
      streamWhole(ex, StarRocksBodies.showObject(outcome.table()));
    } else {
      new StarRocksStream(ex, connId, outcome, ZoneId.of("UTC")).run(queryHeaders());
    }
  }

  private void kill(Exchange ex, int own, boolean queryOnly, int target) throws IOException {
    ConnectionContext victim = live.get(target);
    if (victim == null || victim.isClosed()) {
      sendError(ex, 500, "Unknown thread id: " + target);
      return;
    }
    boolean streaming = victim.attributes().containsKey(StarRocksStream.STREAMING);
    if (target != own && (!queryOnly || streaming)) {
      victim.kill();
    }
    var headers = Headers.of("content-type", NDJSON, "content-length", "0");
    if (target == own && !queryOnly) {
      headers.add(new String[] {"connection", "close"});
    } else {
      headers.add(new String[] {"connection", "keep-alive"});
    }
    ex.send(200, headers, new byte[0]);
  }

  private static java.util.List<String[]> queryHeaders() {
    return Headers.of("content-type", NDJSON, "X-StarRocks-Query-Id", UUID.randomUUID().toString(),
        "transfer-encoding", "chunked");
  }

  private static void streamWhole(Exchange ex, String body) throws IOException {
    var out = ex.startChunked(200, queryHeaders());
    out.write(body.getBytes(StandardCharsets.UTF_8));
    ex.finishChunked();
  }

  private int register(ConnectionContext c) {
    Object id = c.attributes().get("sr.connectionId");
    if (id != null) {
      return (Integer) id;
    }
    int n = connectionIds.incrementAndGet();
    c.attributes().put("sr.connectionId", n);
    live.put(n, c);
    return n;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> vars(ConnectionContext c) {
    return (Map<String, String>) c.attributes().computeIfAbsent("sr.vars", k -> new ConcurrentHashMap<>());
  }

  private static String parseBody(String body, Map<String, String> vars) throws IOException {
    String query = null;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("query")) {
          query = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
        } else if (name.equals("sessionVariables") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken vt = p.nextToken();
            if (vt.isStructStart()) {
              throw new IllegalStateException("nested session variable");
            }
            vars.put(k, p.getText());
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IllegalStateException("trailing content");
      }
    }
    return query;
  }

  private static void sendAuthFailure(Exchange ex, String msg) throws IOException {
    byte[] body = StarRocksBodies.envelope(msg).getBytes(StandardCharsets.UTF_8);
    ex.send(401, Headers.of("www-authenticate", "Basic realm=\"\"", "content-type", "text/html",
        "content-length", Integer.toString(body.length), "connection", "keep-alive"), body);
  }

  private static void sendError(Exchange ex, int status, String msg) throws IOException {
    byte[] body = StarRocksBodies.envelope(msg).getBytes(StandardCharsets.UTF_8);
    ex.send(status, Headers.of("content-type", NDJSON, "content-length", Integer.toString(body.length),
        "connection", "keep-alive"), body);
  }

  @Override
  void sendMalformed(Exchange ex) throws IOException {
    var out = ex.startChunked(200, queryHeaders());
    out.write(("{\"connectionId\":1}\n{\"meta\":[{\"name\":\"a\",\"type\":\"int(11)\"}]}\n{\"data\":[1,}\n"
        + "{\"statistics\":{\"scanRows\":1,\"scanBytes\":4,\"returnRows\":1}}\n").getBytes(StandardCharsets.UTF_8));
    ex.finishChunked();
  }
}
