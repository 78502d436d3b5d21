package dev.olaphttp.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Statements every simulator answers without a script: {@code numbers(n)} and integer literals. */
public final class Builtins {
  private static final Pattern NUMBERS = Pattern.compile(
      "(?is)^select\\s+(?:\\*|number)\\s+from\\s+(?:system\\.)?numbers\\(\\s*(\\d+)\\s*\\)(?:\\s+order\\s+by\\s+number)?(?:\\s+format\\s+\\w+)?$");
  private static final Pattern LITERAL = Pattern.compile("(?is)^select\\s+(-?\\d{1,18})(?:\\s+format\\s+\\w+)?$");

  private Builtins() {}

  /** Row count of {@code SELECT number FROM numbers(n)}, or -1. */
  public static long numbers(String sql) {
    Matcher m = NUMBERS.matcher(SqlText.strip(sql));
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The literal of {@code SELECT <integer>}, or null. */
  public static Long literal(String sql) {
    Matcher m = LITERAL.matcher(SqlText.strip(sql));
    return m.matches() ? Long.valueOf(m.group(1)) : null;
  }
}
