package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.ChErrors;
import dev.olaphttp.testkit.internal.ChFormat;
import dev.olaphttp.testkit.internal.ChText;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.RawRequest;
import dev.olaphttp.testkit.internal.SqlText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** Runs one ClickHouse HTTP request: session, statement, format and the streamed or failed response. */
final class ClickHouseQuery {
  private static final Pattern FORMAT = Pattern.compile("(?is)^(.*?)\\s+FORMAT\\s+(\\w+)\\s*$");
  private static final Pattern SET = Pattern.compile("(?is)^set\\s+(\\w+)\\s*=\\s*(.+)$");
  private static final Pattern USE = Pattern.compile("(?is)^use\\s+`?(\\w+)`?$");
  private static final Set<String> RESULT_WORDS = Set.of("select", "with", "show", "desc", "describe", "exists",
      "explain");
  /** First words of the statements the parser knows; anything else is a syntax error (62). */
  private static final Set<String> STATEMENT_WORDS = Set.of("select", "with", "show", "desc", "describe", "exists",
      "explain", "insert", "create", "alter", "drop", "truncate", "rename", "optimize", "set", "use", "system", "kill",
      "grant", "revoke", "attach", "detach", "check", "watch", "delete", "update", "undrop", "exchange", "move",
      "backup", "restore", "begin", "commit", "rollback");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClickHouseTestServer server;
  private final Exchange ex;
  private final RawRequest req;
  private final String user;
  private final String queryId;

  ClickHouseQuery(ClickHouseTestServer server, Exchange ex, String user) {
    this.server = server;
    this.ex = ex;
    this.req = ex.request();
    this.user = user;
    String id = req.param("query_id");
    if (id == null && !server.legacy()) {
      id = req.header("X-ClickHouse-Query-Id");
    }
    this.queryId = id != null ? id : UUID.randomUUID().toString();
  }

  static String newTag() {
    char[] c = new char[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + RANDOM.nextInt(26));
    }
    return new String(c);
  }

  void run() throws IOException {
    if (server.legacy()) {
      for (String name : req.params().keySet()) {
        if (name.startsWith("param_")) {
          fail(115, "Unknown setting " + name);
          return;
        }
      }
    }
    String sessionId = req.param("session_id");
    ClickHouseSession session = null;
    if (sessionId != null) {
      String key = user + "\0" + sessionId;
      long now = System.currentTimeMillis();
      server.sessions.entrySet().removeIf(e -> e.getValue().expired(now));
      String timeout = req.param("session_timeout");
      if (timeout != null && Long.parseLong(timeout.trim()) > 3600) {
        fail(374, "Session timeout '" + timeout + "' is larger than max_session_timeout: 3600. Maximum session "
            + "timeout could be modified in configuration file");
        return;
      }
      session = server.sessions.get(key);
      if (session == null && "1".equals(req.param("session_check"))) {
        fail(372, server.legacy() ? "Session not found." : "Session " + sessionId + " not found");
        return;
      }
      if (session == null) {
        session = server.sessions.computeIfAbsent(key, k -> new ClickHouseSession());
      }
      if (timeout != null) {
        session.timeoutSecs = Long.parseLong(timeout.trim());
      }
      if (!session.locked.compareAndSet(false, true)) {
        fail(373, server.legacy() ? "Session is locked by a concurrent client."
            : "Session " + sessionId + " is locked by a concurrent client");
        return;
      }
    }
    try {
      execute(session);
    } finally {
      if (session != null) {
        session.lastUseMillis = System.currentTimeMillis();
        session.locked.set(false);
        if ("1".equals(req.param("close_session"))) {
          server.sessions.remove(user + "\0" + sessionId);
        }
      }
    }
  }

  private void execute(ClickHouseSession session) throws IOException {
    String q = req.param("query");
    String body;
    ClickHouseBody.RawBodyWatch raw = new ClickHouseBody.RawBodyWatch(req.bodyStream());
    try {
      java.io.PushbackInputStream data = new java.io.PushbackInputStream(ClickHouseBody.decoded(req, raw), 64);
      if ((q != null && ClickHouseInsert.isInsert(q)) || (q == null && ClickHouseInsert.startsWithInsert(data))) {
        insert(session, ClickHouseInsert.head(q == null ? "" : q, data), data);
        return;
      }
      body = new String(data.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      if (raw.failed) {
        throw e;
      }
      fail(354, "inflate failed: " + e.getMessage() + " while reading compressed request body");
      return;
    }
    String sql = q == null ? body : body.isEmpty() ? q : q + "\n" + body;
    if (SqlText.isMultiStatement(sql)) {
      fail(62, "Syntax error (Multi-statements are not allowed): failed at position " + (sql.indexOf(';') + 1)
          + ": " + sql + ".");
      return;
    }
    String stripped = SqlText.strip(sql);
    Matcher set = SET.matcher(stripped);
    Matcher use = USE.matcher(stripped);
    if (set.matches() && server.scripted(sql) == null) {
      if (session != null) {
        session.settings.put(set.group(1), set.group(2).trim().replaceAll("^'|'$", ""));
      }
      empty();
      return;
    }
    if (use.matches() && server.scripted(sql) == null) {
      if (session == null) {
        fail(113, server.legacy() ? "There is no session" : "There is no session or session context has expired");
        return;
      }
      session.database = use.group(1);
      empty();
      return;
    }
    String format = requestedFormat();
    Matcher f = FORMAT.matcher(stripped);
    if (f.matches()) {
      format = f.group(2);
    }
    String canonical = ChFormat.canonical(format, server.legacy());
    String word = SqlText.firstWord(stripped);
    if (!req.method().equals("POST") && !RESULT_WORDS.contains(word)) {
      fail(164, "Cannot execute query in readonly mode");
      return;
    }
    Outcome outcome = server.resolve(sql, "UInt64", "UInt8");
    if (outcome == null) {
      outcome = ClickHouseDescribe.answer(server, f.matches() ? f.group(1) : stripped, currentDatabase(session));
    }
    if (outcome == null) {
      outcome = new ClickHouseIntrospection(server, req, session).answer(f.matches() ? f.group(1) : stripped);
    }
    if (outcome == null && !STATEMENT_WORDS.contains(word)) {
      fail(62, "Syntax error: failed at position 1 ('" + word + "'): " + stripped + ". Expected one of: SELECT, "
          + "WITH, INSERT, CREATE, ALTER, DROP, SHOW, DESCRIBE, EXPLAIN, SET, USE, SYSTEM, KILL, OPTIMIZE");
      return;
    }
    if (outcome == null && !RESULT_WORDS.contains(word)) {
      empty();
      return;
    }
    if (canonical == null) {
      fail(73, "Unknown format " + format);
      return;
    }
    if (outcome == null) {
      fail(60, "Unknown table expression identifier: no testkit script matches: " + stripped);
      return;
    }
    if (outcome.table() == null) {
      fail(outcome.code(), outcome.message());
      return;
    }
    stream(outcome, canonical);
  }

  private static final Set<String> NEW_INSERT_SETTINGS =
      Set.of("insert_deduplication_token", "async_insert", "wait_for_async_insert");

  private void insert(ClickHouseSession session, String statement, java.io.InputStream data) throws IOException {
    if (!req.method().equals("POST")) {
      fail(164, server.legacy() ? "Cannot insert into table in readonly mode"
          : "Cannot execute query in readonly mode");
      return;
    }
    if (server.legacy()) {
      for (String name : NEW_INSERT_SETTINGS) {
        if (req.param(name) != null) {
          fail(115, "Unknown setting " + name);
          return;
        }
      }
    }
    String token = req.param("insert_deduplication_token");
    if (token == null && session != null) {
      token = session.settings.get("insert_deduplication_token");
    }
    ClickHouseInsert.Result r;
    try {
      String skip = req.param("input_format_skip_unknown_fields");
      if (skip == null && session != null) {
        skip = session.settings.get("input_format_skip_unknown_fields");
      }
      boolean skipUnknown = skip != null ? skip.equals("1") || skip.equalsIgnoreCase("true") : !server.legacy();
      r = ClickHouseInsert.run(server, statement, currentDatabase(session), data, token, server.legacy(),
          ZoneId.of(server.timezoneName()), skipUnknown);
    } catch (ClickHouseInsert.Failure f) {
      fail(f.code, f.getMessage());
      return;
    }
    if (r == null) {
      empty();
      return;
    }
    ex.startChunked(200, ClickHouseInsert.successHeaders(server, queryId, r));
    ex.finishChunked();
  }

  private String currentDatabase(ClickHouseSession session) {
    String db = server.legacy() ? null : req.header("X-ClickHouse-Database");
    if (db == null) {
      db = req.param("database");
    }
    if (db == null) {
      db = session != null && session.database != null ? session.database : "default";
    }
    return db;
  }

  private String requestedFormat() {
    String h = server.legacy() ? null : req.header("X-ClickHouse-Format");
    if (h != null) {
      return h;
    }
    String p = req.param("default_format");
    return p != null ? p : "TabSeparated";
  }

  private void stream(Outcome outcome, String canonical) throws IOException {
    String style = req.param("date_time_output_format");
    ChText.DateTimeStyle s = style == null || server.legacy() ? null : ChText.styleNamed(style);
    if (style != null && !server.legacy() && s == null) {
      fail(36, "Unexpected value of date_time_output_format: '" + style + "'");
      return;
    }
    ChText.dateTimeStyle(s);
    try {
      streamStyled(outcome, canonical);
    } finally {
      ChText.dateTimeStyle(null);
    }
  }

  private void streamStyled(Outcome outcome, String canonical) throws IOException {
    Table t = outcome.table();
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Column c : t.columns()) {
      names.add(c.name());
      types.add(c.type());
    }
    ChFormat fmt = ChFormat.of(canonical, names, types, ZoneId.of(server.timezoneName()), server.legacy());
    String tag = newTag();
    int buffer = "1".equals(req.param("wait_end_of_query")) ? Integer.MAX_VALUE : server.outputBuffer();
    boolean gzip = compress();
    ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
    fmt.header(pending);
    OutputStream out = null;
    Object[] row = new Object[names.size()];
    long n = outcome.rowsToSend();
    long bytes = 0;
    for (long r = 0; r < n; r++) {
      t.row(r, row);
      fmt.row(pending, row);
      if (pending.size() >= 8192 && (out != null || pending.size() >= buffer)) {
        if (out == null) {
          out = open(headers(fmt, tag, r + 1, bytes + pending.size()), gzip);
        }
        bytes += pending.size();
        pending.writeTo(out);
        pending.reset();
      }
    }
    if (outcome.fails() && out == null) {
      fail(outcome.code(), outcome.message());
      return;
    }
    if (out == null) {
      out = open(headers(fmt, tag, n, pending.size()), gzip);
    }
    pending.writeTo(out);
    if (outcome.fails()) {
      if (server.legacy()) {
        out.write(ChErrors.legacyBody(outcome.code(), outcome.message()).getBytes(StandardCharsets.UTF_8));
        ex.finishChunked();
        return;
      }
      byte[] msg = ChErrors.body(outcome.code(), outcome.message(), server.versionString())
          .getBytes(StandardCharsets.UTF_8);
      String block = "\r\n__exception__\r\n" + tag + "\r\n";
      out.write(block.getBytes(StandardCharsets.UTF_8));
      out.write(msg);
      out.write((msg.length + " " + tag + "\r\n__exception__\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      ex.closeAfterResponse();
      ex.truncate();
    }
    if (out instanceof GZIPOutputStream z) {
      z.finish();
    }
    ex.finishChunked();
  }

  /**
   * HTTP compression as the server applies it: {@code enable_http_compression} (default 1 on modern servers, 0 on
   * 18.16) and a gzip {@code Accept-Encoding}.
   */
  private boolean compress() {
    String setting = req.param("enable_http_compression");
    boolean enabled = setting != null ? setting.equals("1") : !server.legacy();
    String accept = req.header("Accept-Encoding");
    return enabled && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  private OutputStream open(List<String[]> headers, boolean gzip) throws IOException {
    if (!gzip) {
      return ex.startChunked(200, headers);
    }
    headers.add(5, new String[] {"Content-Encoding", "gzip"});
    return new GZIPOutputStream(ex.startChunked(200, headers), 8192, true);
  }

  private List<String[]> headers(ChFormat fmt, String tag, long rows, long bytes) {
    List<String[]> h = Headers.of("Date", Headers.now(), "Connection", "Keep-Alive",
        "Content-Type", fmt.contentType(), "X-ClickHouse-Server-Display-Name", server.displayNameValue(),
        "Transfer-Encoding", "chunked");
    if (!server.legacy()) {
      h.add(new String[] {"X-ClickHouse-Query-Id", queryId});
      h.add(new String[] {"X-ClickHouse-Format", fmt.name()});
      h.add(new String[] {"X-ClickHouse-Timezone", server.timezoneName()});
      h.add(new String[] {"X-ClickHouse-Exception-Tag", tag});
    }
    h.add(new String[] {"Keep-Alive", "timeout=" + (server.legacy() ? 3 : 30)});
    if (!server.legacy() && "1".equals(req.param("send_progress_in_http_headers"))) {
      h.add(new String[] {"X-ClickHouse-Progress", "{\"read_rows\":\"" + rows + "\",\"read_bytes\":\"" + bytes
          + "\",\"total_rows_to_read\":\"" + rows + "\",\"result_rows\":\"" + rows + "\",\"result_bytes\":\""
          + bytes + "\",\"elapsed_ns\":\"1000000\"}"});
    }
    if (!server.legacy()) {
      h.add(new String[] {"X-ClickHouse-Summary", "{\"read_rows\":\"" + rows + "\",\"read_bytes\":\"" + bytes
          + "\",\"written_rows\":\"0\",\"written_bytes\":\"0\",\"total_rows_to_read\":\"" + rows
          + "\",\"result_rows\":\"" + rows + "\",\"result_bytes\":\"" + bytes
          + "\",\"elapsed_ns\":\"1000000\",\"memory_usage\":\"0\"}"});
    }
    return h;
  }

  private void empty() throws IOException {
    List<String[]> h = Headers.of("Date", Headers.now(), "Connection", "Keep-Alive",
        "Content-Type", "text/plain; charset=UTF-8", "X-ClickHouse-Server-Display-Name", server.displayNameValue(),
        "Transfer-Encoding", "chunked");
    if (!server.legacy()) {
      h.add(new String[] {"X-ClickHouse-Query-Id", queryId});
      h.add(new String[] {"X-ClickHouse-Timezone", server.timezoneName()});
      h.add(new String[] {"X-ClickHouse-Exception-Tag", newTag()});
    }
    h.add(new String[] {"Keep-Alive", "timeout=" + (server.legacy() ? 3 : 30)});
    ex.startChunked(200, h);
    ex.finishChunked();
  }

  private void fail(int code, String message) throws IOException {
    int status = server.legacy() ? ChErrors.legacyStatus(code) : ChErrors.status(code);
    server.sendError(ex, queryId, status, code, message);
  }
}
