package dev.olaphttp.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Decides whether a scripted result applies to a statement's SQL text. */
@FunctionalInterface
public interface SqlMatcher {
  boolean matches(String sql);

  /** Matches every statement. */
  static SqlMatcher any() {
    return sql -> true;
  }

  /** Matches SQL containing {@code fragment}, ignoring case and runs of whitespace. */
  static SqlMatcher contains(String fragment) {
    String f = normalize(fragment);
    return sql -> normalize(sql).contains(f);
  }

  /** Matches SQL equal to {@code text}, ignoring case, surrounding whitespace, runs of spaces and a final ';'. */
  static SqlMatcher equalTo(String text) {
    String t = normalize(text);
    return sql -> normalize(sql).equals(t);
  }

  /** Matches SQL in which the regular expression finds a match. */
  static SqlMatcher regex(String regex) {
    Pattern p = Pattern.compile(Objects.requireNonNull(regex), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    return sql -> p.matcher(sql).find();
  }

  private static String normalize(String s) {
    String t = s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return t.endsWith(";") ? t.substring(0, t.length() - 1).trim() : t;
  }
}
