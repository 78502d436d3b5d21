package dev.olaphttp.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.SqlText;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /v1/query} lifecycle of the Databend simulator: start, pages, final, kill, state. */
final class DatabendQueries {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern SET = Pattern.compile("(?is)^set\\s+(?:session\\s+)?(\\w+)\\s*=\\s*(.+)$");
  private static final Pattern USE = Pattern.compile("(?is)^use\\s+`?(\\w+)`?$");

  private static final java.util.Set<String> DDL = java.util.Set.of("create", "drop", "alter", "truncate",
      "delete", "update", "remove", "grant", "revoke", "optimize", "vacuum");

  private static final java.util.regex.Pattern FROM_STAGE =
      java.util.regex.Pattern.compile("(?i)\\bfrom\\s+(@[^\\s;]+)");
  private static final java.util.regex.Pattern REMOVE =
      java.util.regex.Pattern.compile("(?is)^remove\\s+(@\\S+?)(?:\\s+pattern\\s*=.*)?$");
  /** What a failed transaction still accepts. */
  private static final java.util.Set<String> TXN_END = java.util.Set.of("rollback", "commit", "abort");

  private final DatabendTestServer server;
  final Map<String, DatabendQuery> queries = new ConcurrentHashMap<>();

  DatabendQueries(DatabendTestServer server) {
    this.server = server;
  }

  void start(Exchange ex, String user, String clientSessionId) throws IOException {
    String sql = null;
    DatabendSession session = null;
    String stageLocation = null;
    Map<String, String> fileFormat = new java.util.HashMap<>();
    Map<String, String> copyOptions = new java.util.HashMap<>();
    int pageSize = 10_000;
    long buffer = 5_000_000;
    try (JsonParser p = JSON.createParser(ex.request().body())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object at line 1 column 1");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("sql") && t == JsonToken.VALUE_STRING) {
          sql = p.getText();
        } else if (name.equals("session") && t == JsonToken.START_OBJECT) {
          session = DatabendSession.read(p);
        } else if (name.equals("stage_attachment") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            if (k.equals("location")) {
              stageLocation = p.getText();
            } else if ((k.equals("file_format_options") || k.equals("copy_options"))
                && p.currentToken() == JsonToken.START_OBJECT) {
              Map<String, String> into = k.equals("copy_options") ? copyOptions : fileFormat;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String ok = p.currentName();
                p.nextToken();
                into.put(ok.toLowerCase(Locale.ROOT), p.getValueAsString());
              }
            } else {
              p.skipChildren();
            }
          }
        } else if (name.equals("pagination") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            if (k.equals("max_rows_per_page")) {
              pageSize = Math.max(1, p.getIntValue());
            } else if (k.equals("max_rows_in_buffer")) {
              buffer = p.getLongValue();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "invalid JSON" : e.getMessage().split("\n")[0];
      server.sendJson(ex, 400, DatabendJson.error(400, "parse error: " + msg), List.of());
      return;
    }
    if (sql == null) {
      server.sendJson(ex, 400, DatabendJson.error(400, "parse error: missing field `sql`"), List.of());
      return;
    }
    String requestedId = ex.request().header("X-DATABEND-QUERY-ID");
    if (requestedId != null && queries.containsKey(requestedId)) {
      DatabendQuery existing = queries.get(requestedId);
      if (!existing.user.equals(user)) {
        server.sendJson(ex, 400,
            DatabendJson.error(400, "fail to start query: query_id " + requestedId + " already exists"), List.of());
        return;
      }
      page(ex, existing, 0, clientSessionId, false);
      return;
    }
    DatabendSession s = session == null ? new DatabendSession() : session.copy();
    if (s.txnState.equals("Active") && (s.internal == null || s.internal.isEmpty())) {
      server.sendJson(ex, 200, DatabendJson.failToStart(s, 5112, "Transaction is active but missing server_info"),
          List.of());
      return;
    }
    String id = requestedId != null ? requestedId : UUID.randomUUID().toString().replace("-", "");
    String stripped = SqlText.strip(sql);
    String affect = null;
    Outcome outcome;
    long writtenRows = -1;
    long writtenBytes = 0;
    Matcher set = SET.matcher(stripped);
    Matcher use = USE.matcher(stripped);
    String word = SqlText.firstWord(stripped);
    if (s.txnState.equals("Fail") && !TXN_END.contains(word)) {
      outcome = Outcome.fail(4002, "CurrentTransactionIsAborted. Code: 4002, Text = current transaction is aborted, "
          + "commands ignored until end of transaction block.");
    } else if (set.matches()) {
      String value = unquote(set.group(2).trim());
      s.settings.put(set.group(1).toLowerCase(Locale.ROOT), value);
      affect = "{\"type\":\"ChangeSettings\",\"keys\":[\"" + set.group(1).toLowerCase(Locale.ROOT)
          + "\"],\"values\":[\"" + value.replace("\"", "\\\"") + "\"],\"is_globals\":[false]}";
      outcome = Outcome.rows(null);
    } else if (use.matches()) {
      s.database = use.group(1);
      affect = "{\"type\":\"UseDB\",\"name\":\"" + use.group(1) + "\"}";
      outcome = Outcome.rows(null);
    } else if (word.equals("begin")) {
      s.txnState = "Active";
      outcome = Outcome.rows(null);
    } else if (word.equals("commit") || word.equals("rollback") || word.equals("abort")) {
      s.txnState = "AutoCommit";
      outcome = Outcome.rows(null);
    } else {
      outcome = server.resolve(sql, "UInt64", "UInt8");
      LoadedTable target = outcome == null && (word.equals("insert") || word.equals("replace"))
          ? DatabendLoad.target(server, stripped, s.database) : null;
      java.util.regex.Matcher remove = REMOVE.matcher(stripped);
      java.util.regex.Matcher from = FROM_STAGE.matcher(stripped);
      if (target != null && stageLocation == null && from.find()) {
        stageLocation = from.group(1);
        fileFormat.putAll(DatabendLoad.fileFormat(stripped));
      }
      String literal = target != null && stageLocation == null ? DatabendLoad.literalValues(stripped) : null;
      if (literal != null) {
        DatabendLoad.Result r = DatabendLoad.load(stripped, target,
            new java.io.ByteArrayInputStream(literal.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            Map.of("type", "values"), ex.request().header("X-DATABEND-DEDUPLICATE-LABEL"));
        long inserted = r.rows();
        writtenRows = inserted;
        writtenBytes = r.bytes();
        outcome = r.failed() ? Outcome.fail(r.code(), r.message())
            : Outcome.rows(Table.generated(1, (i, v) -> v[0] = inserted,
                Column.of("number of rows inserted", "UInt64")));
      } else if (target != null && stageLocation != null) {
        DatabendLoad.Result r = DatabendLoad.fromStage(server, stripped, target,
            new DatabendLoad.Attachment(stageLocation, fileFormat, copyOptions),
            ex.request().header("X-DATABEND-DEDUPLICATE-LABEL"));
        long inserted = r.rows();
        writtenRows = inserted;
        writtenBytes = r.bytes();
        outcome = r.failed() ? Outcome.fail(r.code(), r.message())
            : Outcome.rows(Table.generated(1, (i, v) -> v[0] = inserted,
                Column.of("number of rows inserted", "UInt64")));
      } else if (outcome == null && remove.matches()) {
        String prefix = remove.group(1).replaceAll("/+$", "");
        server.stage.files.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "/"));
        outcome = Outcome.rows(null);
      } else if (outcome == null && (word.equals("insert") || word.equals("replace"))) {
        long staged = stageLocation == null ? 0 : Math.max(0, server.stage.lines(stageLocation));
        writtenRows = staged;
        writtenBytes = stageLocation == null ? 0 : server.stage.size(stageLocation);
        outcome = Outcome.rows(Table.generated(1, (i, v) -> v[0] = staged,
            Column.of("number of rows inserted", "UInt64")));
      } else if (outcome == null && DDL.contains(word)) {
        outcome = Outcome.rows(null);
      } else if (outcome == null) {
        outcome = Outcome.fail(1025, "error: no testkit script matches: " + stripped);
      }
    }
    if (outcome.fails() && s.txnState.equals("Active")) {
      s.txnState = "Fail";
    }
    DatabendQuery q = new DatabendQuery(id, user, outcome, s, affect, pageSize, buffer, server.runningPolls());
    if (!outcome.fails()) {
      q.writtenRows = writtenRows;
      q.writtenBytes = writtenBytes;
    }
    queries.put(id, q);
    page(ex, q, 0, clientSessionId, true);
  }

  /**
   * Answers a page. The page is chosen under the query's lock but written outside it, so a slow or stalled page
   * never holds up that query's kill, final or state (the real server answers them independently).
   */
  void page(Exchange ex, DatabendQuery q, int p, String clientSessionId, boolean first) throws IOException {
    Reply reply = choosePage(ex, q, p, clientSessionId, first);
    if (reply == null) {
      return;
    }
    try {
      server.sendJson(ex, reply.status, reply.body, reply.headers);
    } finally {
      synchronized (q) {
        if (q.pageInFlight == ex) {
          q.pageInFlight = null;
        }
      }
    }
  }

  /** A response decided under the lock and sent after it. */
  private record Reply(int status, byte[] body, List<String[]> headers) {}

  private Reply choosePage(Exchange ex, DatabendQuery q, int p, String clientSessionId, boolean first)
      throws IOException {
    long now = System.currentTimeMillis();
    synchronized (q) {
      if (gone(ex, q, now) || closed(ex, q)) {
        return null;
      }
      q.lastAccessMillis = now;
      List<String[]> data;
      boolean polling = q.runningPolls > 0;
      if (polling) {
        q.runningPolls--;
        data = List.of();
        if (q.runningPolls == 0 && !q.planFailed() && q.outcome.rowsToSend() == 0 && q.outcome.fails()) {
          q.failureVisible = true;
        }
      } else if (p == q.nextPage) {
        if (q.drained() || q.planFailed()) {
          data = List.of();
          if (q.outcome.fails()) {
            q.failureVisible = true;
          }
        } else {
          data = q.takePage();
          q.lastPage = data;
          q.lastPageNo = p;
          q.nextPage++;
        }
      } else if (p == q.lastPageNo && p == q.nextPage - 1) {
        data = q.lastPage;
      } else {
        return new Reply(404, DatabendJson.error(404,
            "Invalid page number: requested " + p + ", current page is " + q.nextPage), List.of());
      }
      String base = "/v1/query/" + q.id;
      String state = polling ? "Running" : q.state();
      String next = polling ? base + "/page/" + q.nextPage : state.equals("Failed") || (q.drained() && !q.outcome.fails() && q.runningPolls == 0)
          ? base + "/final" : base + "/page/" + q.nextPage;
      byte[] body = DatabendJson.query(q, state, server.nodeId(), clientSessionId, first, data, first, next);
      q.pageInFlight = ex;
      return new Reply(200, body, Headers.of("x-databend-query-id", q.id, "x-databend-query-state", state,
          "x-databend-query-page-rows", Integer.toString(data.size())));
    }
  }

  void finalize(Exchange ex, DatabendQuery q, String clientSessionId) throws IOException {
    byte[] body;
    String state;
    Exchange stalled;
    synchronized (q) {
      if (gone(ex, q, System.currentTimeMillis())) {
        return;
      }
      if (q.closeReason == null && q.state().equals("Running")) {
        q.failedByClose = true;
        q.errorCode = 1044;
        q.errorMessage = "closed by client";
      }
      q.close("finalized");
      state = q.state();
      body = DatabendJson.query(q, state, server.nodeId(), clientSessionId, false, List.of(), false, null);
      stalled = takePageInFlight(q, ex);
    }
    if (stalled != null) {
      stalled.endStall();
    }
    server.sendJson(ex, 200, body, Headers.of("x-databend-query-id", q.id, "x-databend-query-state", state,
        "x-databend-query-page-rows", "0"));
  }

  void kill(Exchange ex, DatabendQuery q) throws IOException {
    Exchange stalled;
    synchronized (q) {
      if (gone(ex, q, System.currentTimeMillis())) {
        return;
      }
      if (q.closeReason == null && !(q.drained() && q.state().equals("Succeeded"))) {
        q.failedByClose = true;
        q.errorCode = 1043;
        q.errorMessage = "canceled by client";
      }
      q.close("canceled");
      stalled = takePageInFlight(q, ex);
    }
    if (stalled != null) {
      stalled.endStall();
    }
    ex.send(200, Headers.of("x-databend-version", server.version()), new byte[0]);
  }

  /** The page response still being written for a query now closed (never the caller's own exchange). */
  private static Exchange takePageInFlight(DatabendQuery q, Exchange self) {
    Exchange e = q.pageInFlight;
    q.pageInFlight = null;
    return e == self ? null : e;
  }

  void state(Exchange ex, DatabendQuery q) throws IOException {
    String state;
    byte[] body;
    synchronized (q) {
      if (gone(ex, q, System.currentTimeMillis())) {
        return;
      }
      String s = q.closeReason != null && !q.state().equals("Failed")
          ? (q.closeReason.equals("finalized") ? "Succeeded" : "Failed") : q.state();
      state = s;
      body = DatabendJson.write(g -> {
        g.writeStartObject();
        g.writeStringField("state", s);
        g.writeNullField("error");
        g.writeArrayFieldStart("warnings");
        g.writeEndArray();
        DatabendJson.stats(g, q, q.closeReason == null ? q.cursor : 0);
        g.writeEndObject();
      });
    }
    server.sendJson(ex, 200, body, Headers.of("x-databend-query-id", q.id, "x-databend-query-state", state));
  }

  private boolean gone(Exchange ex, DatabendQuery q, long now) throws IOException {
    q.checkExpiry(now);
    if (q.removed(now)) {
      queries.remove(q.id);
      notFound(ex, q.id);
      return true;
    }
    return false;
  }

  private boolean closed(Exchange ex, DatabendQuery q) throws IOException {
    if (q.closeReason == null) {
      return false;
    }
    server.sendJson(ex, 400, DatabendJson.error(400, "Query " + q.id + " is closed for " + q.closeReason),
        List.of());
    return true;
  }

  void notFound(Exchange ex, String id) throws IOException {
    server.sendJson(ex, 404,
        DatabendJson.error(404, "Query ID " + id + " not found on node " + server.nodeId()), List.of());
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
