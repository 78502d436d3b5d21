package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.DatabendCells;
import dev.olaphttp.testkit.internal.TypeParser;
import dev.olaphttp.testkit.internal.TypeSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Server-side state of one Databend query: paging cursor, last page for retries, closing and expiry. */
final class DatabendQuery {
  final String id;
  final String user;
  final Outcome outcome;
  final DatabendSession session;
  final String affectJson;
  final boolean hasResultSet;
  final int pageSize;
  final long bufferRows;
  final int resultTimeoutSecs;
  private final TypeSpec[] specs;
  private final ZoneId zone;
  int runningPolls;
  long cursor;
  int nextPage;
  int lastPageNo = -1;
  List<String[]> lastPage = List.of();
  String closeReason;
  long closedAtMillis;
  long lastAccessMillis = System.currentTimeMillis();
  boolean failedByClose;
  /** Rows and bytes an INSERT wrote ({@code write_progress}); -1 rows for statements that write nothing. */
  long writtenRows = -1;
  long writtenBytes;
  /** The stalled or slow page response being written now, ended by kill/final; guarded by this. */
  dev.olaphttp.testkit.internal.Exchange pageInFlight;
  int errorCode;
  String errorMessage;

  DatabendQuery(String id, String user, Outcome outcome, DatabendSession session, String affectJson,
      int pageSize, long bufferRows, int runningPolls) {
    this.id = id;
    this.user = user;
    this.outcome = outcome;
    this.session = session;
    this.affectJson = affectJson;
    this.hasResultSet = outcome.table() != null;
    this.pageSize = pageSize;
    this.bufferRows = bufferRows;
    this.runningPolls = runningPolls;
    this.resultTimeoutSecs = session.resultTimeoutSecs();
    this.zone = ZoneId.of(session.timezone());
    Table t = outcome.table();
    specs = new TypeSpec[t == null ? 0 : t.columns().size()];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = TypeParser.parse(t.columns().get(i).type());
    }
    if (planFailed()) {
      errorCode = outcome.code();
      errorMessage = outcome.message();
    }
  }

  boolean failureVisible;

  boolean planFailed() {
    return outcome.table() == null && outcome.fails();
  }

  boolean drained() {
    return cursor >= outcome.rowsToSend();
  }

  /** Execution state as the server reports it. */
  String state() {
    if (planFailed() || failedByClose || failureVisible) {
      return "Failed";
    }
    if (runningPolls > 0 || outcome.rowsToSend() - cursor > bufferRows) {
      return "Running";
    }
    return outcome.fails() || !drained() && outcome.rowsToSend() - cursor > bufferRows ? "Running" : "Succeeded";
  }

  boolean hasError() {
    return state().equals("Failed");
  }

  int errorCode() {
    return failedByClose || planFailed() ? errorCode : outcome.code();
  }

  String errorMessage() {
    return failedByClose || planFailed() ? errorMessage : outcome.message();
  }

  /** Renders the next page (up to pageSize rows) and advances the cursor. */
  List<String[]> takePage() {
    long end = Math.min(outcome.rowsToSend(), cursor + pageSize);
    List<String[]> rows = new ArrayList<>((int) Math.max(0, end - cursor));
    Object[] row = new Object[specs.length];
    for (long r = cursor; r < end; r++) {
      outcome.table().row(r, row);
      String[] cells = new String[specs.length];
      for (int c = 0; c < specs.length; c++) {
        cells[c] = DatabendCells.cell(specs[c], row[c], zone);
      }
      rows.add(cells);
    }
    cursor = end;
    return rows;
  }

  void close(String reason) {
    if (closeReason == null) {
      closeReason = reason;
      closedAtMillis = System.currentTimeMillis();
    }
  }

  /** Closed queries are removed after min(timeout, 30) s when finalized, else after the result timeout. */
  boolean removed(long now) {
    if (closeReason == null) {
      return false;
    }
    long life = closeReason.equals("finalized") ? Math.min(resultTimeoutSecs, 30) : resultTimeoutSecs;
    return now > closedAtMillis + life * 1000L;
  }

  void checkExpiry(long now) {
    if (closeReason == null && now > lastAccessMillis + resultTimeoutSecs * 1000L) {
      close("timed out");
    }
  }
}
