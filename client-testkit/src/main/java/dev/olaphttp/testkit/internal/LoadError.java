package dev.olaphttp.testkit.internal;

/** A load input that cannot be parsed: which row (1-based), which column and why. Internal. */
public final class LoadError extends Exception {
  /** What went wrong, so each dialect can pick its own error code. */
  public enum Kind { FIELD_COUNT, BAD_VALUE, MALFORMED, TRUNCATED, UNSUPPORTED }

  private final Kind kind;
  private final long row;
  private final String column;
  private final String type;
  private final String text;

  public LoadError(Kind kind, long row, String column, String type, String text, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.row = row;
    this.column = column;
    this.type = type;
    this.text = text;
  }

  public Kind kind() {
    return kind;
  }

  public long row() {
    return row;
  }

  /** The column name, or null when the error is about the whole row. */
  public String column() {
    return column;
  }

  public String type() {
    return type;
  }

  /** The offending text (at most 64 characters), or null. */
  public String text() {
    return text;
  }
}
