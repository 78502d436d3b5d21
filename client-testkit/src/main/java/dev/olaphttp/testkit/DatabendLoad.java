package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.DelimitedReader;
import dev.olaphttp.testkit.internal.JsonRowReader;
import dev.olaphttp.testkit.internal.LoadError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databend loads into declared tables: {@code INSERT ... VALUES} with a {@code stage_attachment} (the staged file
 * parsed in its {@code file_format_options} type, {@code purge}), and the data of {@code /v1/streaming_load}.
 */
final class DatabendLoad {
  private static final Pattern INSERT = Pattern.compile("(?is)^\\s*(?:insert|replace)\\s+(?:into\\s+)?"
      + "`?(?:(\\w+)`?\\.`?)?(\\w+)`?\\s*(?:\\(([^)]*)\\))?.*$");
  static final Pattern FILE_FORMAT = Pattern.compile("(?is)file_format\\s*=\\s*\\(([^)]*)\\)");
  static final Pattern OPTION =
      Pattern.compile("(\\w+)\\s*=\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|([^\\s,')]+))");
  private static final int BAD_BYTES = 1046;

  /** The attachment of a query request. */
  record Attachment(String location, Map<String, String> fileFormat, Map<String, String> copyOptions) {}

  /** A load's outcome: rows inserted, or a Databend error. */
  record Result(long rows, long bytes, int code, String message) {
    boolean failed() {
      return message != null;
    }
  }

  private DatabendLoad() {}

  private static final Pattern LITERAL_VALUES = Pattern.compile("(?is)\\)?\\s*values\\s*(\\(.*)$");

  /** The literal rows of {@code INSERT ... VALUES (..), (..)} (from the first '('), or null if there are none. */
  static String literalValues(String sql) {
    Matcher m = INSERT.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    Matcher v = LITERAL_VALUES.matcher(sql);
    return v.find() ? v.group(1) : null;
  }

  /** The declared target of an INSERT/REPLACE statement, or null. */
  static LoadedTable target(TestServer server, String sql, String database) {
    Matcher m = INSERT.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    return server.findTable(m.group(1) != null ? m.group(1) : database, m.group(2));
  }

  /** Inserts the staged file of {@code a} into the statement's declared table. */
  static Result fromStage(DatabendTestServer server, String sql, LoadedTable table, Attachment a, String label) {
    byte[] file = server.stage.files.get(a.location());
    if (file == null) {
      return new Result(0, 0, 1006, "file not found in stage: " + a.location());
    }
    Result r = load(sql, table, new ByteArrayInputStream(file), a.fileFormat(), label);
    if (!r.failed() && "true".equalsIgnoreCase(a.copyOptions().getOrDefault("purge", "false"))) {
      server.stage.files.remove(a.location());
    }
    return r;
  }

  /** Parses {@code data} in the format {@code options} name and commits it to {@code table}. */
  static Result load(String sql, LoadedTable table, InputStream data, Map<String, String> options, String label) {
    table.attempted();
    if (label != null && table.hasLabel(label)) {
      return new Result(0, 0, 0, null);
    }
    Map<String, String> o = new HashMap<>();
    options.forEach((k, v) -> o.put(k.toLowerCase(Locale.ROOT), v));
    String type = o.getOrDefault("type", "csv").toLowerCase(Locale.ROOT);
    try {
      Matcher m = INSERT.matcher(sql);
      int[] map = m.matches() && m.group(3) != null
          ? LoadRows.byNames(table, List.of(m.group(3).replace("`", "").split(",")))
          : LoadRows.identity(table);
      LoadRows rows = new LoadRows(table, map);
      LoadedTable.Batch batch = table.begin();
      long bytes;
      switch (type) {
        case "csv", "tsv", "tabseparated" -> {
          boolean csv = type.equals("csv");
          DelimitedReader in = new DelimitedReader(data, csv ? DelimitedReader.Mode.CSV : DelimitedReader.Mode.TSV,
              DelimitedReader.separator(o.get("field_delimiter"), csv ? ',' : '\t'),
              DelimitedReader.separator(o.get("record_delimiter"), '\n'));
          for (long i = Long.parseLong(o.getOrDefault("skip_header", "0")); i > 0; i--) {
            in.next(new java.util.ArrayList<>());
          }
          rows.delimited(in, batch, LoadRows.STRICT);
          bytes = in.bytes();
        }
        case "ndjson", "json" -> {
          Map<String, Integer> index = new HashMap<>();
          String[] names = new String[table.columns().size()];
          for (int i = 0; i < names.length; i++) {
            names[i] = table.columns().get(i).name();
            index.put(names[i], i);
          }
          try (JsonRowReader in = new JsonRowReader(data, index, table.specs(), names)) {
            rows.json(in, batch, LoadRows.STRICT);
            bytes = in.bytes();
          }
        }
        case "values" -> {
          dev.olaphttp.testkit.internal.ValuesReader in = new dev.olaphttp.testkit.internal.ValuesReader(data);
          rows.delimited(in, batch, LoadRows.STRICT);
          bytes = in.bytes();
        }
        default -> {
          return new Result(0, 0, 1005, "Unsupported file format type " + type + " in the testkit");
        }
      }
      return batch.commit(bytes, label) ? new Result(batch.count(), bytes, 0, null) : new Result(0, 0, 0, null);
    } catch (LoadError e) {
      String where = e.column() == null ? "" : " column " + e.column();
      return new Result(0, 0, BAD_BYTES, "fail to decode" + where + " at row " + e.row() + ": " + e.getMessage());
    } catch (IOException e) {
      return new Result(0, 0, BAD_BYTES, "fail to read the load data: " + e.getMessage());
    }
  }

  /** {@code type=csv field_delimiter=','} options of a {@code file_format=(...)} clause. */
  static Map<String, String> fileFormat(String sql) {
    Map<String, String> out = new HashMap<>();
    Matcher f = FILE_FORMAT.matcher(sql);
    if (f.find()) {
      Matcher o = OPTION.matcher(f.group(1));
      while (o.find()) {
        out.put(o.group(1).toLowerCase(Locale.ROOT), o.group(2) != null ? o.group(2) : o.group(3));
      }
    }
    return out;
  }
}
