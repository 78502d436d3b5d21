package dev.olaphttp.testkit.internal;

import java.util.Locale;

/** Small helpers over SQL text shared by the simulators. */
public final class SqlText {
  private SqlText() {}

  /** The SQL without surrounding whitespace and one trailing ';'. */
  public static String strip(String sql) {
    String s = sql.trim();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  /** The first keyword, lower case. */
  public static String firstWord(String sql) {
    String s = sql.trim();
    int i = 0;
    while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '(')) {
      i++;
    }
    return s.substring(0, i).replace("(", "").toLowerCase(Locale.ROOT);
  }

  /** Whether a ';' separates two statements (outside quotes and not only trailing). */
  public static boolean isMultiStatement(String sql) {
    String s = strip(sql);
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }
}
