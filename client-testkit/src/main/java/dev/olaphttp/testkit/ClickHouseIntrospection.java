package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.RawRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server functions a ClickHouse server answers without any table, in any combination in one select list: {@code
 * version()}, {@code timezone()} (also {@code serverTimezone()}), {@code currentDatabase()} and {@code
 * getSetting('x')}, each optionally {@code AS alias}; e.g. the dialect's {@code SELECT version(), timezone()}.
 */
final class ClickHouseIntrospection {
  private static final Pattern SELECT = Pattern.compile("(?is)^select\\s+(.+?)\\s*;?$");
  private static final Pattern ITEM = Pattern.compile(
      "(?is)^(version|timezone|serverTimezone|currentDatabase|getSetting)\\(\\s*(?:'(\\w+)'\\s*)?\\)"
          + "(?:\\s+as\\s+`?(\\w+)`?)?$");

  private final ClickHouseTestServer server;
  private final RawRequest req;
  private final ClickHouseSession session;

  ClickHouseIntrospection(ClickHouseTestServer server, RawRequest req, ClickHouseSession session) {
    this.server = server;
    this.req = req;
    this.session = session;
  }

  /** The one-row answer, an error outcome for an unknown setting, or null when {@code sql} is not such a query. */
  Outcome answer(String sql) {
    Matcher m = SELECT.matcher(sql.trim());
    if (!m.matches()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String item : m.group(1).split(",")) {
      Matcher it = ITEM.matcher(item.trim());
      if (!it.matches()) {
        return null;
      }
      String fn = it.group(1);
      String arg = it.group(2);
      if (fn.equalsIgnoreCase("getSetting") != (arg != null)) {
        return null;
      }
      String value;
      if (fn.equalsIgnoreCase("version")) {
        value = server.versionString();
      } else if (fn.equalsIgnoreCase("timezone") || fn.equalsIgnoreCase("serverTimezone")) {
        value = server.timezoneName();
      } else if (fn.equalsIgnoreCase("currentDatabase")) {
        value = currentDatabase();
      } else {
        value = setting(arg);
        if (value == null) {
          return Outcome.fail(115, "Unknown setting '" + arg + "'");
        }
      }
      names.add(it.group(3) != null ? it.group(3) : arg != null ? fn + "('" + arg + "')" : fn + "()");
      values.add(value);
    }
    Table.Builder b = Table.builder();
    for (String n : names) {
      b.column(n, "String");
    }
    return Outcome.rows(b.row(values.toArray()).build());
  }

  private String currentDatabase() {
    String db = server.legacy() ? null : req.header("X-ClickHouse-Database");
    if (db == null) {
      db = req.param("database");
    }
    if (db == null) {
      db = session != null && session.database != null ? session.database : "default";
    }
    return db;
  }

  private String setting(String name) {
    String value = req.param(name);
    if (value == null && session != null) {
      value = session.settings.get(name);
    }
    return value;
  }
}
