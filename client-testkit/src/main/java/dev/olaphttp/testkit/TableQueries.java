package dev.olaphttp.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a declared table answers beyond its schema look-ups: {@code SELECT <* | columns | count()> FROM t [LIMIT n]
 * [FORMAT f]}, projected by column name. Any other query over a declared table (WHERE, ORDER BY, GROUP BY, joins,
 * expressions) fails loudly: the testkit evaluates no SQL, and returning the whole table would be a wrong answer.
 */
final class TableQueries {
  private static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\s+(.+?)\\s+from\\s+"
      + "`?(?:(\\w+)`?\\.`?)?(\\w+)`?(\\s+.*?)?\\s*;?\\s*$");
  private static final Pattern SIMPLE_TAIL = Pattern.compile(
      "(?is)^\\s*(?:limit\\s+(\\d+))?\\s*(?:format\\s+\\w+)?\\s*$");
  private static final Pattern COUNT = Pattern.compile("(?i)^count\\(\\s*\\*?\\s*\\)$");
  private static final Pattern IDENT = Pattern.compile("^[`\"]?(\\w+)[`\"]?$");

  private TableQueries() {}

  /** The answer for a query over a declared table; null if the query names no declared table. */
  static Outcome select(TestServer server, String sql, String countType) {
    Matcher m = SELECT.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    LoadedTable t = server.findTable(m.group(2), m.group(3));
    if (t == null) {
      return null;
    }
    Matcher tail = SIMPLE_TAIL.matcher(m.group(4) == null ? "" : m.group(4));
    String list = m.group(1).trim();
    if (!tail.matches()) {
      return cannotEvaluate(server, t);
    }
    long limit = tail.group(1) == null ? Long.MAX_VALUE : Long.parseLong(tail.group(1));
    if (COUNT.matcher(list).matches()) {
      long count = t.rowCount();
      int rows = limit == 0 ? 0 : 1; // one row, or none under LIMIT 0
      return Outcome.rows(Table.generated(rows, (i, v) -> v[0] = count, Column.of("count()", countType)));
    }
    String unknown = unknownColumn(t, list);
    if (unknown != null) {
      return Outcome.fail(server.unknownColumnCode(), "Missing columns: '" + unknown + "' while processing query: '"
          + sql.trim() + "', required columns: '" + unknown + "'");
    }
    int[] picks = projection(t, list);
    if (picks == null || !t.keepsRows()) {
      return cannotEvaluate(server, t);
    }
    List<List<Object>> rows = t.rows();
    long n = Math.min(rows.size(), limit);
    Column[] columns = new Column[picks.length];
    for (int i = 0; i < picks.length; i++) {
      columns[i] = t.columns().get(picks[i]);
    }
    return Outcome.rows(Table.generated(n, (i, v) -> {
      List<Object> row = rows.get((int) i);
      for (int c = 0; c < picks.length; c++) {
        v[c] = row.get(picks[c]);
      }
    }, columns));
  }

  /** Column positions for {@code *} or a list of plain column names; null for anything else. */
  private static int[] projection(LoadedTable t, String list) {
    List<Column> all = t.columns();
    if (list.equals("*")) {
      int[] p = new int[all.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = i;
      }
      return p;
    }
    List<Integer> out = new ArrayList<>();
    for (String item : list.split(",")) {
      Matcher id = IDENT.matcher(item.trim());
      if (!id.matches()) {
        return null;
      }
      int found = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).name().equalsIgnoreCase(id.group(1))) {
          found = i;
        }
      }
      if (found < 0) {
        return null;
      }
      out.add(found);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The first plain identifier of the list that names no column of the table; null if none. */
  private static String unknownColumn(LoadedTable t, String list) {
    if (list.equals("*")) {
      return null;
    }
    for (String item : list.split(",")) {
      Matcher id = IDENT.matcher(item.trim());
      if (id.matches() && t.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(id.group(1)))) {
        return id.group(1);
      }
    }
    return null;
  }

  private static Outcome cannotEvaluate(TestServer server, LoadedTable t) {
    return Outcome.fail(server.notImplementedCode(), "olaphttp-testkit cannot answer this query over the declared "
        + "table " + t.name() + " faithfully: it answers SELECT <* | columns | count()> FROM " + t.name()
        + " [LIMIT n] only" + (t.keepsRows() ? "" : " (count() only: the table keeps no rows)")
        + "; script other queries with when(...)");
  }
}
