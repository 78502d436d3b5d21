package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.DelimitedReader;
import dev.olaphttp.testkit.internal.Headers;
import dev.olaphttp.testkit.internal.JsonRowReader;
import dev.olaphttp.testkit.internal.LoadError;
import dev.olaphttp.testkit.internal.RowBinaryReader;
import dev.olaphttp.testkit.internal.TypeSpec;
import dev.olaphttp.testkit.internal.ValuesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ClickHouse {@code INSERT ... FORMAT f} whose data streams in the request body: parsed row by row into a
 * declared {@link LoadedTable}, committed whole (a bad row inserts nothing), deduplicated by
 * {@code insert_deduplication_token}.
 */
final class ClickHouseInsert {
  private static final Pattern INSERT = Pattern.compile("(?is)^\\s*insert\\s+into\\s+(?:table\\s+)?"
      + "`?(?:(\\w+)`?\\.`?)?(\\w+)`?\\s*(?:\\(([^)]*)\\))?\\s*(?:settings\\s+.*?)?\\s*"
      + "(?:(values)\\b(.*)|format\\s+(\\w+))?\\s*$");
  private static final Pattern TARGET = Pattern.compile("(?is)^\\s*insert\\s+into\\s+(?:table\\s+)?"
      + "`?(?:(\\w+)`?\\.`?)?(\\w+)");
  private static final Pattern HEAD_DONE = Pattern.compile("(?is).*\\b(format\\s+\\w+|values)\\s$");

  /** Result of one insert, for the response. */
  record Result(long rows, long bytes) {}

  /** Thrown to answer with a ClickHouse exception. */
  static final class Failure extends Exception {
    final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private ClickHouseInsert() {}

  static boolean isInsert(String sql) {
    return dev.olaphttp.testkit.internal.SqlText.strip(sql).regionMatches(true, 0, "insert", 0, 6);
  }

  /** Whether the first bytes of {@code in} start an INSERT; the bytes are pushed back. */
  static boolean startsWithInsert(PushbackInputStream in) throws IOException {
    byte[] b = new byte[64];
    int n = in.readNBytes(b, 0, b.length);
    if (n > 0) {
      in.unread(b, 0, n);
    }
    return isInsert(new String(b, 0, Math.max(0, n), StandardCharsets.ISO_8859_1));
  }

  /**
   * Completes the statement from the body when it does not yet name its format: reads up to the whitespace that
   * follows {@code FORMAT name}, which is where the data starts.
   */
  static String head(String statement, PushbackInputStream in) throws IOException {
    if (INSERT.matcher(statement).matches() && (statement.toLowerCase(Locale.ROOT).contains(" format ")
        || statement.toLowerCase(Locale.ROOT).contains("values"))) {
      return statement;
    }
    StringBuilder sb = new StringBuilder(statement).append(statement.isEmpty() ? "" : " ");
    int b;
    while ((b = in.read()) >= 0 && sb.length() < (1 << 20)) {
      sb.append((char) b);
      if (Character.isWhitespace(b) && HEAD_DONE.matcher(sb).matches()) {
        if (b != '\n') {
          int c = in.read();
          if (c >= 0 && c != '\n') {
            in.unread(c);
          }
        }
        break;
      }
    }
    return sb.toString().trim();
  }

  /** Loads into the declared table; null when the table is not declared (the data is discarded). */
  static Result run(ClickHouseTestServer server, String statement, String database, InputStream data,
      String token, boolean legacy, ZoneId zone, boolean skipUnknown) throws IOException, Failure {
    Matcher target = TARGET.matcher(statement);
    LoadedTable table = null;
    if (target.find()) {
      table = server.findTable(target.group(1) != null ? target.group(1) : database, target.group(2));
    }
    if (table == null) {
      data.transferTo(java.io.OutputStream.nullOutputStream());
      return null; // undeclared: accepted and discarded, as the testkit always did
    }
    Matcher m = INSERT.matcher(statement);
    if (!m.matches()) {
      throw statement.toLowerCase(Locale.ROOT).matches("(?s).*\\bselect\\b.*")
          ? new Failure(48, "INSERT ... SELECT is not simulated by the testkit")
          : new Failure(62, "Syntax error: failed at position 1 (" + statement.split("\n")[0] + ")");
    }
    if (m.group(4) != null) {
      data = new java.io.SequenceInputStream(
          new java.io.ByteArrayInputStream(m.group(5).getBytes(StandardCharsets.UTF_8)), data);
    }
    String format = m.group(6) == null ? "Values" : m.group(6);
    String canonical = canonical(format, legacy);
    if (canonical == null) {
      throw new Failure(73, "Unknown input format " + format);
    }
    table.attempted();
    if (token != null && table.hasLabel(token)) {
      return new Result(0, 0);
    }
    try {
      int[] map = m.group(3) == null ? LoadRows.identity(table)
          : LoadRows.byNames(table, List.of(m.group(3).replace("`", "").split(",")));
      LoadedTable.Batch batch = table.begin();
      long bytes = load(table, canonical, map, data, batch, zone, skipUnknown);
      return batch.commit(bytes, token) ? new Result(batch.count(), bytes) : new Result(0, 0);
    } catch (LoadError e) {
      throw failure(e, table, canonical);
    }
  }

  private static long load(LoadedTable table, String format, int[] map, InputStream data,
      LoadedTable.Batch batch, ZoneId zone, boolean skipUnknown) throws IOException, LoadError {
    switch (format) {
      case "Values" -> {
        ValuesReader r = new ValuesReader(data);
        new LoadRows(table, map).delimited(r, batch, LoadRows.STRICT);
        return r.bytes();
      }
      case "TabSeparated", "TabSeparatedWithNames", "TabSeparatedWithNamesAndTypes", "CSV", "CSVWithNames",
          "CSVWithNamesAndTypes" -> {
        boolean csv = format.startsWith("CSV");
        DelimitedReader r = new DelimitedReader(data, csv ? DelimitedReader.Mode.CSV : DelimitedReader.Mode.TSV,
            (byte) (csv ? ',' : '\t'), (byte) '\n');
        if (format.endsWith("WithNames") || format.endsWith("AndTypes")) {
          List<Object> names = new ArrayList<>();
          r.next(names);
          List<String> n = new ArrayList<>();
          names.forEach(x -> n.add(String.valueOf(x)));
          map = LoadRows.byNames(table, n);
          if (format.endsWith("AndTypes")) {
            r.next(names);
          }
        }
        new LoadRows(table, map).delimited(r, batch, LoadRows.STRICT);
        return r.bytes();
      }
      case "JSONEachRow" -> {
        String[] names = new String[table.columns().size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
          names[i] = table.columns().get(i).name();
          index.put(names[i], i);
        }
        try (JsonRowReader r = new JsonRowReader(data, index, table.specs(), names)
            .skipUnknownFields(skipUnknown)) {
          new LoadRows(table, map).json(r, batch, LoadRows.STRICT);
          return r.bytes();
        }
      }
      default -> {
        RowBinaryReader r = new RowBinaryReader(data, zone);
        if (format.equals("RowBinaryWithNamesAndTypes")) {
          List<String> header = r.header();
          map = LoadRows.byNames(table, header.subList(0, header.size() / 2));
        }
        TypeSpec[] specs = table.specs();
        Object[] row = new Object[specs.length];
        while (r.hasRow()) {
          for (int c = 0; c < specs.length; c++) {
            row[c] = dev.olaphttp.testkit.internal.TextValues.defaultValue(specs[c]);
          }
          for (int c : map) {
            row[c] = r.value(specs[c], table.columns().get(c).name());
          }
          batch.add(row);
        }
        return r.bytes();
      }
    }
  }

  private static Failure failure(LoadError e, LoadedTable table, String format) {
    String at = ": (at row " + e.row() + ")";
    return switch (e.kind()) {
      case TRUNCATED -> new Failure(33, e.getMessage() + at);
      case UNSUPPORTED -> new Failure(e.row() == 0 ? 16 : 48, e.getMessage());
      case MALFORMED -> new Failure(117, e.getMessage() + at);
      case FIELD_COUNT -> new Failure(27, "Cannot parse input: expected '\\n' at end of row" + at + "\n: \nRow "
          + e.row() + ":\n" + e.getMessage() + "\n\n: While executing ParallelParsingBlockInputFormat");
      case BAD_VALUE -> {
        String type = e.type() != null ? e.type() : table.columns().get(table.indexOf(e.column())).type();
        if (e.type() == null || format.equals("Values")) {
          yield new Failure(6, "Cannot parse string '" + e.text() + "' as " + type + ": syntax error at begin of "
              + "string: While executing " + (format.equals("Values") ? "ValuesBlockInputFormat"
              : "ParallelParsingBlockInputFormat"));
        }
        yield new Failure(27, "Cannot parse input: expected '\\t' before: '" + e.text() + "'" + at + "\n: \nRow "
            + e.row() + ":\nColumn " + table.indexOf(e.column()) + ",   name: " + e.column() + ", type: " + type
            + ", ERROR: text \"" + e.text().replace("\t", "<TAB>").replace("\n", "<LINE FEED>") + "\" is not like "
            + type + "\n\n: While executing ParallelParsingBlockInputFormat");
      }
    };
  }

  /** Headers of a successful insert: empty body, and the Summary with the rows written on modern servers. */
  static List<String[]> successHeaders(ClickHouseTestServer server, String queryId, Result r) {
    List<String[]> h = Headers.of("Date", Headers.now(), "Connection", "Keep-Alive",
        "Content-Type", "text/plain; charset=UTF-8", "X-ClickHouse-Server-Display-Name", server.displayNameValue(),
        "Transfer-Encoding", "chunked");
    if (!server.legacy()) {
      h.add(new String[] {"X-ClickHouse-Query-Id", queryId});
      h.add(new String[] {"X-ClickHouse-Timezone", server.timezoneName()});
      h.add(new String[] {"X-ClickHouse-Exception-Tag", ClickHouseQuery.newTag()});
    }
    h.add(new String[] {"Keep-Alive", "timeout=" + (server.legacy() ? 3 : 30)});
    if (!server.legacy()) {
      h.add(new String[] {"X-ClickHouse-Summary", "{\"read_rows\":\"" + r.rows() + "\",\"read_bytes\":\""
          + r.bytes() + "\",\"written_rows\":\"" + r.rows() + "\",\"written_bytes\":\"" + r.bytes()
          + "\",\"total_rows_to_read\":\"0\",\"result_rows\":\"" + r.rows() + "\",\"result_bytes\":\""
          + r.bytes() + "\",\"elapsed_ns\":\"1000000\",\"memory_usage\":\"0\"}"});
    }
    return h;
  }

  static String canonical(String format, boolean legacy) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "tabseparated", "tsv" -> "TabSeparated";
      case "tabseparatedwithnames", "tsvwithnames" -> "TabSeparatedWithNames";
      case "tabseparatedwithnamesandtypes", "tsvwithnamesandtypes" -> "TabSeparatedWithNamesAndTypes";
      case "csv" -> "CSV";
      case "csvwithnames" -> "CSVWithNames";
      case "csvwithnamesandtypes" -> legacy ? null : "CSVWithNamesAndTypes";
      case "jsoneachrow" -> "JSONEachRow";
      case "values" -> "Values";
      case "rowbinary" -> "RowBinary";
      case "rowbinarywithnamesandtypes" -> legacy ? null : "RowBinaryWithNamesAndTypes";
      default -> null;
    };
  }
}
