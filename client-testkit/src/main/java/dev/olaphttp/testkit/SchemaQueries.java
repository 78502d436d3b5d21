package dev.olaphttp.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema look-ups every declared table answers as a real server does: {@code SELECT <cols or *> FROM t [WHERE ...]
 * LIMIT 0} (the columns, no rows) and, for StarRocks, {@code DESC t} / {@code DESCRIBE t}.
 */
final class SchemaQueries {
  private static final String NAME = "`?(?:(\\w+)`?\\.`?)?(\\w+)`?";
  private static final Pattern LIMIT_ZERO = Pattern.compile("(?is)^\\s*select\\s+(.+?)\\s+from\\s+" + NAME
      + "(?:\\s+where\\s+.+?)?\\s+limit\\s+0\\s*(?:format\\s+\\w+)?\\s*;?\\s*$");
  private static final Pattern DESC = Pattern.compile("(?is)^\\s*desc(?:ribe)?\\s+(?:table\\s+)?" + NAME
      + "\\s*;?\\s*$");
  private static final Pattern IDENT = Pattern.compile("^[`\"]?(\\w+)[`\"]?$");

  private SchemaQueries() {}

  /** The declared table's columns (all, or the named ones in their order) without rows; null if not one. */
  static Outcome limitZero(TestServer server, String sql) {
    Matcher m = LIMIT_ZERO.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    LoadedTable t = server.findTable(m.group(2), m.group(3));
    if (t == null) {
      return null;
    }
    List<Column> columns = select(t, m.group(1).trim());
    if (columns == null) {
      return null;
    }
    return Outcome.rows(Table.generated(0, (i, v) -> { }, columns.toArray(new Column[0])));
  }

  private static List<Column> select(LoadedTable t, String list) {
    if (list.equals("*")) {
      return t.columns();
    }
    List<Column> out = new ArrayList<>();
    for (String item : list.split(",")) {
      Matcher id = IDENT.matcher(item.trim());
      if (!id.matches()) {
        return null;
      }
      Column found = null;
      for (Column c : t.columns()) {
        if (c.name().equalsIgnoreCase(id.group(1))) {
          found = c;
        }
      }
      if (found == null) {
        return null;
      }
      out.add(found);
    }
    return out;
  }

  /**
   * StarRocks {@code DESC [db.]t}: the FE's SHOW shape, columns Field, Type, Null, Key, Default, Extra; every
   * column nullable, the first one the key; null if the table is not declared.
   */
  static Outcome starRocksDescribe(TestServer server, String sql) {
    Matcher m = DESC.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    LoadedTable t = server.findTable(m.group(1), m.group(2));
    if (t == null) {
      return null;
    }
    Table.Builder b = Table.builder().column("Field", "varchar(20)").column("Type", "varchar(20)")
        .column("Null", "varchar(10)").column("Key", "varchar(10)").column("Default", "varchar(30)")
        .column("Extra", "varchar(30)");
    boolean first = true;
    for (Column c : t.columns()) {
      b.row(c.name(), c.type().toLowerCase(Locale.ROOT), "YES", first ? "true" : "false", null, "");
      first = false;
    }
    return Outcome.rows(b.build());
  }
}
