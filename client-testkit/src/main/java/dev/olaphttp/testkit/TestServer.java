package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.BodyFault;
import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.HttpEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Common surface of the in-process protocol simulators: an HTTP/1.1 server on a free loopback port with scripted
 * results, accepted users, captured requests and fault injection. Close it to stop every thread and connection.
 */
public abstract class TestServer implements AutoCloseable {
  private final HttpEngine engine;
  private final List<Stubbing.Script> scripts = new CopyOnWriteArrayList<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<RecordedRequest> queue = new LinkedBlockingQueue<>();
  private final List<FaultRule> faults = new ArrayList<>();
  private final List<HttpEngine> extraEngines = new CopyOnWriteArrayList<>();
  private final List<LoadedTable> tables = new CopyOnWriteArrayList<>();

  private final String defaultUser;
  /** Reads request bodies for {@link #statementOf}; one factory for every request (it is thread-safe). */
  private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

  TestServer(String name, String defaultUser, String defaultPassword, int port) {
    users.put(defaultUser, defaultPassword);
    this.defaultUser = defaultUser;
    engine = new HttpEngine(name, this::dispatch, port);
  }

  /**
   * A DSN for olaphttp's {@code SqlClient.connect} that reaches this server as its default user, e.g. {@code
   * clickhouse://default:@127.0.0.1:54321/default}.
   */
  public String dsn() {
    return dsn(defaultUser, users.getOrDefault(defaultUser, ""));
  }

  /** A DSN for olaphttp's {@code SqlClient.connect} that reaches this server as {@code user}. */
  public String dsn(String user, String password) {
    return dsnScheme() + "://" + encode(user) + ":" + encode(password) + "@" + host() + ":" + port() + "/"
        + dsnPath();
  }

  /** The DSN scheme that selects this dialect without TLS. */
  abstract String dsnScheme();

  /** The DSN path naming the default database. */
  abstract String dsnPath();

  /** The SQL statement a request carries ({@code null} for page fetches, kills, loads without SQL...). */
  abstract String statementOf(RecordedRequest request);

  /** The string value of a top-level field of a JSON object body, or null. */
  static String jsonField(byte[] body, String field) {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken t = p.nextToken();
        if (name.equals(field) && t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(Objects.requireNonNull(s), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Base URL, e.g. {@code http://127.0.0.1:54321}; see {@link #dsn()} for olaphttp's own client. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return engine.port();
  }

  /** Starts scripting statements whose SQL matches; later scripts take precedence over earlier ones. */
  public Stubbing when(SqlMatcher matcher) {
    return new Stubbing(matcher, s -> scripts.add(0, s));
  }

  /** Removes all scripts. */
  public void resetScripts() {
    scripts.clear();
  }

  /** Accepts this user (basic auth) in addition to the default one. */
  public void addUser(String user, String password) {
    users.put(Objects.requireNonNull(user), Objects.requireNonNull(password));
  }

  /** Stops accepting a user (including the default one). */
  public void removeUser(String user) {
    users.remove(user);
  }

  /** Applies {@code fault} to the next request. */
  public void fault(Fault fault) {
    fault(fault, 1);
  }

  /** Applies {@code fault} to the next {@code times} requests (e.g. a burst of 503s, then normal service). */
  public void fault(Fault fault, int times) {
    fault(r -> true, fault, times);
  }

  /** Applies {@code fault} to the next {@code times} requests that match {@code when}. */
  public void fault(Predicate<RecordedRequest> when, Fault fault, int times) {
    synchronized (faults) {
      faults.add(new FaultRule(when, fault, times));
    }
  }

  /**
   * Declares a table that accepts bulk loads and keeps the loaded rows ({@link LoadedTable#rows()}); {@code
   * SELECT * FROM name} then returns them. Name it {@code "db.table"} or just {@code "table"} (any database).
   * Column types are the dialect's own type strings.
   */
  public LoadedTable table(String name, Column... columns) {
    return declare(new LoadedTable(name, true, columnsNullable(), columns));
  }

  /**
   * Declares a table that accepts bulk loads, parses and counts every row, then drops it: loads of any size cost no
   * memory.
   */
  public LoadedTable countingTable(String name, Column... columns) {
    return declare(new LoadedTable(name, false, columnsNullable(), columns));
  }

  /** What was loaded into a declared table. */
  public LoadedTable loaded(String name) {
    for (LoadedTable t : tables) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table declared as " + name);
  }

  /** Whether every column accepts NULL whatever its type string (StarRocks). */
  boolean columnsNullable() {
    return false;
  }

  private LoadedTable declare(LoadedTable t) {
    tables.removeIf(x -> x.name().equalsIgnoreCase(t.name()));
    tables.add(t);
    return t;
  }

  /** The declared table for {@code database.table} (database may be null), or null. */
  LoadedTable findTable(String database, String table) {
    LoadedTable loose = null;
    for (LoadedTable t : tables) {
      if (database != null && t.name().equalsIgnoreCase(database + "." + table)) {
        return t;
      }
      if (t.name().equalsIgnoreCase(table)
          || (database == null && t.name().toLowerCase(java.util.Locale.ROOT)
              .endsWith("." + table.toLowerCase(java.util.Locale.ROOT)))) {
        loose = t;
      }
    }
    return loose;
  }

  /**
   * The oldest request not yet taken whose SQL statement matches, waiting up to 5 s; requests before it that do not
   * match (a client's own version look-up, page fetches, kills) are taken and skipped. Null if none arrived.
   */
  public RecordedRequest takeRequest(SqlMatcher statement) {
    return takeRequest(statement, java.time.Duration.ofSeconds(5));
  }

  /** As {@link #takeRequest(SqlMatcher)}, waiting up to {@code timeout}. */
  public RecordedRequest takeRequest(SqlMatcher statement, java.time.Duration timeout) {
    Objects.requireNonNull(statement, "statement");
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
        RecordedRequest r = queue.poll(left, TimeUnit.NANOSECONDS);
        if (r == null) {
          return null;
        }
        String sql = r.sql();
        if (sql != null && statement.matches(sql)) {
          return r;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(recorded);
  }

  /** The oldest request not yet taken, waiting up to 5 s; null if none arrived. */
  public RecordedRequest takeRequest() {
    try {
      return queue.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Number of TCP connections accepted so far. */
  public long connectionCount() {
    return engine.connectionsAccepted();
  }

  /** Number of TCP connections open now. */
  public int openConnectionCount() {
    return engine.openConnections();
  }

  @Override
  public void close() {
    engine.close();
    for (HttpEngine e : extraEngines) {
      e.close();
    }
  }

  /** A further listening port of this server (e.g. a StarRocks BE); its requests are recorded and faulted too. */
  HttpEngine extraEngine(String name, HttpEngine.Handler handler) {
    HttpEngine e = new HttpEngine(name, ex -> dispatch(ex, handler));
    extraEngines.add(e);
    return e;
  }

  private void dispatch(Exchange ex) throws IOException {
    dispatch(ex, this::handle);
  }

  private void dispatch(Exchange ex, HttpEngine.Handler handler) throws IOException {
    RecordedRequest rec = new RecordedRequest(ex.request());
    try {
      rec.sql(statementOf(rec));
    } catch (RuntimeException e) {
      rec.sql(null); // a body that is not a statement: the handler answers it as the server would
    }
    recorded.add(rec);
    queue.add(rec);
    Fault f = takeFault(rec);
    if (f != null) {
      switch (f.kind()) {
        case DELAY -> sleep(f.amount());
        case STATUS -> {
          int status = (int) f.amount();
          String html = "<html>\r\n<head><title>" + status + "</title></head>\r\n<body>\r\n<center><h1>" + status
              + " Service Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
          ex.send(status, Headers.of("Server", "nginx", "Content-Type", "text/html"), html.getBytes(StandardCharsets.US_ASCII));
          return;
        }
        case RESET_BEFORE_RESPONSE -> ex.reset();
        case RESET_AFTER_BYTES -> ex.fault(new BodyFault(BodyFault.Kind.RESET, f.amount()));
        case TRUNCATE_AFTER_BYTES -> ex.fault(new BodyFault(BodyFault.Kind.TRUNCATE, f.amount()));
        case STALL_AFTER_BYTES -> ex.fault(new BodyFault(BodyFault.Kind.STALL, f.amount()));
        case MALFORMED_BODY -> {
          sendMalformed(ex);
          return;
        }
        default -> throw new IllegalStateException();
      }
    }
    handler.handle(ex);
  }

  private Fault takeFault(RecordedRequest rec) {
    synchronized (faults) {
      for (FaultRule r : faults) {
        if (r.remaining > 0 && r.when.test(rec)) {
          r.remaining--;
          return r.fault;
        }
      }
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Handles a request after recording and faults. */
  abstract void handle(Exchange ex) throws IOException;

  /** Answers 200 with a broken body in the dialect's content type. */
  abstract void sendMalformed(Exchange ex) throws IOException;

  /** The scripted outcome for this SQL, or null. */
  Outcome scripted(String sql) {
    for (Stubbing.Script s : scripts) {
      if (s.matcher().matches(sql)) {
        return s.outcome();
      }
    }
    return null;
  }

  /**
   * Scripted outcome, else a declared table's schema ({@code ... LIMIT 0}) or rows ({@code SELECT *}), else the
   * built-ins ({@code numbers(n)}, {@code SELECT <int>}), else null.
   */
  Outcome resolve(String sql, String numbersType, String literalType) {
    Outcome o = scripted(sql);
    if (o != null) {
      return o;
    }
    o = SchemaQueries.limitZero(this, sql);
    if (o != null) {
      return o;
    }
    o = TableQueries.select(this, sql, numbersType);
    if (o != null) {
      return o;
    }
    long n = dev.olaphttp.testkit.internal.Builtins.numbers(sql);
    if (n >= 0) {
      return Outcome.rows(Table.numbers(n, numbersType));
    }
    Long lit = dev.olaphttp.testkit.internal.Builtins.literal(sql);
    if (lit != null) {
      long value = lit;
      return Outcome.rows(Table.generated(1, (i, v) -> v[0] = value, Column.of(lit.toString(), literalType)));
    }
    return null;
  }

  /** The dialect's error code for a query the simulator cannot evaluate (ClickHouse 48 NOT_IMPLEMENTED). */
  int notImplementedCode() {
    return 48;
  }

  /** The dialect's error code for a column the table does not have (ClickHouse 47 UNKNOWN_IDENTIFIER). */
  int unknownColumnCode() {
    return 47;
  }

  /** Result of checking a request's credentials. */
  enum AuthResult { OK, MISSING, UNKNOWN_USER, WRONG_PASSWORD }

  AuthResult checkUser(String user, String password) {
    if (user == null) {
      return AuthResult.MISSING;
    }
    String expected = users.get(user);
    if (expected == null) {
      return AuthResult.UNKNOWN_USER;
    }
    return expected.equals(password == null ? "" : password) ? AuthResult.OK : AuthResult.WRONG_PASSWORD;
  }

  /** {user, password} from a Basic Authorization header, or null if absent or not Basic. */
  static String[] basicAuth(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String s = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int c = s.indexOf(':');
      return c < 0 ? new String[] {s, ""} : new String[] {s.substring(0, c), s.substring(c + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final class FaultRule {
    final Predicate<RecordedRequest> when;
    final Fault fault;
    int remaining;

    FaultRule(Predicate<RecordedRequest> when, Fault fault, int remaining) {
      this.when = when;
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
