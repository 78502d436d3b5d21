package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.DelimitedReader;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.JsonRowReader;
import dev.olaphttp.testkit.internal.LoadError;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * StarRocks Stream Load: the FE's {@code 307} to the BE (only with {@code Expect: 100-continue}, body unread), the
 * BE's load (CSV or JSON, {@code columns}, {@code max_filter_ratio}, labels) and its error log.
 */
final class StarRocksStreamLoad {
  static final Pattern ROUTE = Pattern.compile("^/api/([^/]+)/([^/]+)/_stream_load$");
  private static final Pattern STATE = Pattern.compile("^/api/([^/]+)/get_load_state$");
  private static final int MAX_LOGGED = 1000;
  /** Headers that change which rows load or how they read; refused rather than silently ignored. */
  private static final List<String> UNSIMULATED =
      List.of("where", "jsonpaths", "json_root", "enclose", "escape", "partial_update", "merge_condition");

  private final StarRocksTestServer server;
  final AtomicLong txnIds = new AtomicLong(1000);
  final Map<String, String> labels = new ConcurrentHashMap<>();
  private final StarRocksTransactions transactions;
  private final Map<String, String> errorLogs = new ConcurrentHashMap<>();

  StarRocksStreamLoad(StarRocksTestServer server) {
    this.server = server;
    this.transactions = new StarRocksTransactions(server, this);
  }

  /** FE side: true if the request was a Stream Load or load-state call and was answered. */
  boolean frontend(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    Matcher route = ROUTE.matcher(req.path());
    Matcher state = STATE.matcher(req.path());
    boolean txn = req.path().startsWith("/api/transaction/");
    if (!route.matches() && !state.matches() && !txn) {
      return false;
    }
    String user = server.authorized(ex);
    if (user == null) {
      return true;
    }
    if (state.matches()) {
      String label = req.param("label");
      String st = label == null ? null : labels.get(state.group(1) + "\0" + label);
      String body = "{\"status\":\"OK\",\"code\":\"0\",\"msg\":\"Success\",\"message\":\"OK\",\"state\":\""
          + (st == null ? "UNKNOWN" : "VISIBLE") + "\"}";
      sendText(ex, "application/json", body);
      return true;
    }
    if (txn) {
      redirect(ex);
      return true;
    }
    if (!"PUT".equals(req.method())) {
      sendText(ex, "application/json", StarRocksBodies.envelope("Unsupported method " + req.method()));
      return true;
    }
    if (req.header("Expect") == null) {
      sendText(ex, "application/json",
          StarRocksBodies.envelope("class com.starrocks.common.DdlException: There is no 100-continue header"));
      return true;
    }
    redirect(ex);
    return true;
  }

  /**
   * {@code 307} to the same path and query on the BE, body unread. The FE says keep-alive, but a client that
   * announced {@code Expect} never sent the body, so the engine closes the connection after this answer.
   */
  private void redirect(Exchange ex) throws IOException {
    ex.send(307, Headers.of("location", server.backendUrl() + ex.request().target(), "content-length", "0",
        "content-type", "text/html", "connection", "keep-alive"), new byte[0]);
  }

  /** BE side: Stream Load, and the error log of rejected rows. */
  void backend(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    if (req.path().equals("/api/_load_error_log")) {
      String log = req.param("file") == null ? null : errorLogs.get(req.param("file"));
      if (log == null) {
        ex.send(404, Headers.of("Content-Type", "text/plain; charset=utf-8"),
            "error log not found".getBytes(StandardCharsets.UTF_8));
      } else {
        sendText(ex, "text/plain; charset=utf-8", log);
      }
      return;
    }
    if (req.path().startsWith("/api/transaction/")) {
      transactions.handle(ex);
      return;
    }
    Matcher route = ROUTE.matcher(req.path());
    if (!route.matches() || !"PUT".equals(req.method())) {
      ex.send(404, Headers.of("Content-Type", "text/plain; charset=utf-8"),
          "Not Found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    StarRocksLoadResult r = new StarRocksLoadResult();
    String label = req.header("label");
    r.label = label != null ? label : UUID.randomUUID().toString();
    String authFailure = server.authFailure(req);
    if (authFailure != null) {
      fail(ex, r, authFailure);
      return;
    }
    String db = route.group(1);
    String key = db + "\0" + r.label;
    LoadedTable table = server.findTable(db, route.group(2));
    if (table == null) {
      fail(ex, r, "Unknown table '" + route.group(2) + "' in database '" + db + "'");
      return;
    }
    table.attempted();
    if (labels.containsKey(key)) {
      r.status = "Label Already Exists";
      r.existingJobStatus = labels.get(key);
      r.message = "Label [" + r.label + "] has already been used.";
      sendText(ex, "application/json", r.json());
      return;
    }
    r.txnId = txnIds.incrementAndGet();
    CountingInput raw = new CountingInput(req.bodyStream());
    try {
      load(req, table, raw, r, key);
    } catch (LoadError e) {
      r.status = "Fail";
      r.message = e.getMessage();
    } catch (java.util.zip.ZipException e) {
      r.status = "Fail";
      r.message = "Failed to decompress the body: " + e.getMessage();
    }
    r.bytes = raw.count;
    sendText(ex, "application/json", r.json());
  }

  private void load(RawRequest req, LoadedTable table, CountingInput raw, StarRocksLoadResult r, String key)
      throws IOException, LoadError {
    LoadedTable.Batch batch = parse(req, table, raw, r);
    if (batch != null) {
      batch.commit(raw.count, r.label);
      labels.put(key, "FINISHED");
    }
  }

  /**
   * Parses a load body per its headers into a new batch, filling the row counts and ErrorURL of {@code r}; null
   * (and status Fail) when more rows were filtered than {@code max_filter_ratio} allows.
   */
  LoadedTable.Batch parse(RawRequest req, LoadedTable table, InputStream raw, StarRocksLoadResult r)
      throws IOException, LoadError {
    String enc = first(req.header("compression"), req.header("Content-Encoding"));
    InputStream data = enc != null && enc.trim().equalsIgnoreCase("gzip") ? new GZIPInputStream(raw, 8192) : raw;
    for (String h : UNSIMULATED) {
      if (req.header(h) != null) {
        throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, null, null, null,
            "the " + h + " header is not simulated by the testkit");
      }
    }
    double maxRatio = parseRatio(req.header("max_filter_ratio"));
    int[] map = LoadRows.identity(table);
    String columns = req.header("columns");
    if (columns != null) {
      if (columns.contains("=")) {
        throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, null, null, null,
            "column expressions in the columns header are not simulated by the testkit");
      }
      map = LoadRows.byNames(table, List.of(columns.replace("`", "").split(",")));
    }
    List<String> rejected = new ArrayList<>();
    LoadRows.Policy policy = (e, fields) -> {
      if (rejected.size() < MAX_LOGGED) {
        rejected.add("Error: " + e.getMessage() + (e.column() == null ? "" : " (column " + e.column() + ")")
            + ". Row: " + row(fields));
      }
      return true;
    };
    LoadRows rows = new LoadRows(table, map);
    LoadedTable.Batch batch = table.begin();
    String format = req.header("format");
    if (format != null && format.equalsIgnoreCase("json")) {
      Map<String, Integer> index = new HashMap<>();
      String[] names = new String[table.columns().size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = table.columns().get(i).name();
      }
      for (int c : map) {
        index.put(names[c], c);
      }
      try (JsonRowReader in = new JsonRowReader(data, index, table.specs(), names)) {
        rows.json(in, batch, policy);
      } catch (LoadError e) {
        throw new LoadError(e.kind(), e.row(), null, null, null, "Failed to parse json: " + e.getMessage());
      }
    } else if (format == null || format.equalsIgnoreCase("csv")) {
      DelimitedReader in = new DelimitedReader(data, DelimitedReader.Mode.RAW,
          DelimitedReader.separator(req.header("column_separator"), '\t'),
          DelimitedReader.separator(req.header("row_delimiter"), '\n'));
      String skip = req.header("skip_header");
      for (long i = skip == null ? 0 : Long.parseLong(skip.trim()); i > 0; i--) {
        in.next(new ArrayList<>());
      }
      rows.delimited(in, batch, policy);
    } else {
      throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, null, null, null, "Unknown format " + format);
    }
    r.total = rows.total();
    r.filtered = rows.filtered();
    r.loaded = r.total - r.filtered;
    if (r.filtered > 0) {
      String file = "error_log_" + r.txnId;
      errorLogs.put(file, String.join("\n", rejected) + "\n");
      r.errorUrl = server.backendUrl() + "/api/_load_error_log?file=" + file;
    }
    if (r.total > 0 && (double) r.filtered / r.total > maxRatio) {
      r.status = "Fail";
      r.message = "too many filtered rows";
      return null;
    }
    return batch;
  }

  private static String row(List<Object> fields) {
    List<String> s = new ArrayList<>();
    for (Object f : fields) {
      s.add(f == null ? "\\N" : String.valueOf(f));
    }
    return String.join(",", s);
  }

  private static double parseRatio(String s) throws LoadError {
    if (s == null) {
      return 0;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new LoadError(LoadError.Kind.UNSUPPORTED, 0, null, null, null, "Invalid max_filter_ratio: " + s);
    }
  }

  private static void fail(Exchange ex, StarRocksLoadResult r, String message) throws IOException {
    r.status = "Fail";
    r.message = message;
    sendText(ex, "application/json", r.json());
  }

  static void sendText(Exchange ex, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.send(200, Headers.of("Content-Type", type, "Content-Length", Integer.toString(b.length)), b);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** Counts the bytes received (LoadBytes). */
  static final class CountingInput extends java.io.FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }

    @Override
    public int read() throws IOException {
      int n = super.read();
      count += n < 0 ? 0 : 1;
      return n;
    }
  }
}
