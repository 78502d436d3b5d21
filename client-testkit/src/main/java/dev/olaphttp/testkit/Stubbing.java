package dev.olaphttp.testkit;

import java.util.Objects;
import java.util.function.Consumer;

/** The second half of {@code server.when(matcher)}: what matching statements produce. */
public final class Stubbing {
  private final SqlMatcher matcher;
  private final Consumer<Script> register;

  Stubbing(SqlMatcher matcher, Consumer<Script> register) {
    this.matcher = Objects.requireNonNull(matcher);
    this.register = register;
  }

  /** Matching statements return {@code table}, streamed row by row. */
  public void thenReturn(Table table) {
    register.accept(new Script(matcher, Outcome.rows(Objects.requireNonNull(table))));
  }

  /** Matching statements fail before any row with the dialect's error {@code code} and {@code message}. */
  public void thenFail(int code, String message) {
    register.accept(new Script(matcher, Outcome.fail(code, Objects.requireNonNull(message))));
  }

  /**
   * Matching statements send the first {@code rows} rows of {@code table}, then fail as the real server fails
   * mid-result (ClickHouse: exception block or legacy tail; StarRocks: connection cut without statistics;
   * Databend: a later page in state Failed).
   */
  public void thenFailAfter(Table table, long rows, int code, String message) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows < 0");
    }
    register.accept(new Script(matcher, new Outcome(Objects.requireNonNull(table), rows, code,
        Objects.requireNonNull(message))));
  }

  /** A registered script. */
  record Script(SqlMatcher matcher, Outcome outcome) {}
}
