package dev.olaphttp.testkit.internal;

import java.util.Locale;

/** Small helpers over SQL text shared by the simulators. */
public final class SqlText {
  private SqlText() {}

  /**
   * The SQL without surrounding whitespace, comments ({@code -- ...} to the end of the line, {@code /* ... *}{@code
   * /}) before the statement or after it, and trailing ';': a comment never changes how a statement is classified.
   */
  public static String strip(String sql) {
    String s = sql;
    int start = skipSpaceAndComments(s, 0);
    int end = endOfCode(s, start);
    s = s.substring(start, end).trim();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  /** The index after whitespace and comments starting at {@code i}. */
  private static int skipSpaceAndComments(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("--", i)) {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? s.length() : nl + 1;
      } else if (s.startsWith("/*", i)) {
        int close = s.indexOf("*/", i + 2);
        i = close < 0 ? s.length() : close + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** The end of the statement's code from {@code from}: before any trailing run of whitespace, ';' and comments. */
  private static int endOfCode(String s, int from) {
    int end = from;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        end = i + 1;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        end = i + 1;
      } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
        int after = skipSpaceAndComments(s, i);
        i = after - 1;
      } else if (!Character.isWhitespace(c) && c != ';') {
        end = i + 1;
      }
    }
    return Math.min(Math.max(end, from), s.length());
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
      } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
        i = skipSpaceAndComments(s, i) - 1;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }
}
