package dev.olaphttp.testkit;

/**
 * What a scripted statement does: return rows, fail before any row, or fail after some rows.
 *
 * @param table the rows, or null for a failure before any row
 * @param failAfterRows rows sent before the failure, or -1 for success
 * @param code the dialect's error code
 * @param message the error message
 */
record Outcome(Table table, long failAfterRows, int code, String message) {
  static Outcome rows(Table t) {
    return new Outcome(t, -1, 0, null);
  }

  static Outcome fail(int code, String message) {
    return new Outcome(null, 0, code, message);
  }

  boolean fails() {
    return failAfterRows >= 0;
  }

  /** Rows to stream before stopping (all rows on success). */
  long rowsToSend() {
    if (table == null) {
      return 0;
    }
    return failAfterRows < 0 ? table.rowCount() : Math.min(failAfterRows, table.rowCount());
  }
}
