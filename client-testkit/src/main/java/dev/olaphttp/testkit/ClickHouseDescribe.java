package dev.olaphttp.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DESCRIBE [TABLE] [db.]t} (also {@code DESC}, identifiers optionally in backticks) of a declared table, in the
 * shape of the server's version: 18.16 answers name, type, default_type and default_expression; modern servers add
 * comment, codec_expression and ttl_expression. Declared columns have no defaults, so those cells are empty.
 */
final class ClickHouseDescribe {
  private static final Pattern DESCRIBE = Pattern.compile(
      "(?is)^desc(?:ribe)?\\s+(?:table\\s+)?(?:`?(\\w+)`?\\s*\\.\\s*)?`?(\\w+)`?\\s*;?$");

  private ClickHouseDescribe() {}

  /** The description of the declared table {@code sql} names, an error for an unknown table, or null. */
  static Outcome answer(ClickHouseTestServer server, String sql, String currentDatabase) {
    Matcher m = DESCRIBE.matcher(sql.trim());
    if (!m.matches()) {
      return null;
    }
    String db = m.group(1);
    LoadedTable t = server.findTable(db != null ? db : currentDatabase, m.group(2));
    if (t == null && db == null) {
      t = server.findTable(null, m.group(2));
    }
    if (t == null) {
      return Outcome.fail(60, "Table " + (db != null ? db : currentDatabase) + "." + m.group(2)
          + (server.legacy() ? " doesn't exist." : " does not exist."));
    }
    boolean legacy = server.legacy();
    Table.Builder b = Table.builder().column("name", "String").column("type", "String")
        .column("default_type", "String").column("default_expression", "String");
    if (!legacy) {
      b.column("comment", "String").column("codec_expression", "String").column("ttl_expression", "String");
    }
    for (Column c : t.columns()) {
      b.row(legacy ? new Object[] {c.name(), c.type(), "", ""}
          : new Object[] {c.name(), c.type(), "", "", "", "", ""});
    }
    return Outcome.rows(b.build());
  }
}
