package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.Exchange;
import dev.olaphttp.testkit.internal.JsonText;
import dev.olaphttp.testkit.internal.LoadError;
import dev.olaphttp.testkit.internal.RawRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StarRocks Transaction Stream Load on the BE: {@code /api/transaction/begin|load|prepare|commit|rollback} keyed by
 * {@code db} and {@code label} headers. Loaded rows stay staged until commit; an error in load rolls back.
 */
final class StarRocksTransactions {
  private final StarRocksTestServer server;
  private final StarRocksStreamLoad loads;
  private final Map<String, Txn> open = new ConcurrentHashMap<>();

  /** One open transaction. */
  private static final class Txn {
    final long id;
    final String label;
    final LoadedTable table;
    final LoadedTable.Batch batch;
    boolean prepared;
    long total;
    long filtered;
    long bytes;

    Txn(long id, String label, LoadedTable table) {
      this.id = id;
      this.label = label;
      this.table = table;
      this.batch = table.begin();
    }
  }

  StarRocksTransactions(StarRocksTestServer server, StarRocksStreamLoad loads) {
    this.server = server;
    this.loads = loads;
  }

  void handle(Exchange ex) throws IOException {
    RawRequest req = ex.request();
    String op = req.path().substring("/api/transaction/".length());
    String label = req.header("label");
    String db = req.header("db");
    String auth = server.authFailure(req);
    if (auth != null) {
      reply(ex, "FAILED", auth, label, -1, "");
      return;
    }
    if (label == null || db == null) {
      reply(ex, "INVALID_ARGUMENT", "No label or db header", label, -1, "");
      return;
    }
    String key = db + "\0" + label;
    Txn txn = open.get(key);
    switch (op) {
      case "begin" -> begin(ex, req, db, label, key);
      case "load" -> {
        if (txn == null || txn.prepared) {
          reply(ex, txn == null ? "TXN_NOT_EXISTS" : "FAILED", txn == null ? "Transaction with label " + label
              + " does not exist" : "Transaction is prepared, no more data can be loaded", label, -1, "");
          return;
        }
        txn.table.attempted();
        StarRocksLoadResult r = new StarRocksLoadResult();
        StarRocksStreamLoad.CountingInput raw = new StarRocksStreamLoad.CountingInput(req.bodyStream());
        LoadedTable.Batch part;
        try {
          part = loads.parse(req, txn.table, raw, r);
        } catch (LoadError e) {
          open.remove(key);
          reply(ex, "FAILED", e.getMessage() + "; the transaction was rolled back", label, txn.id, "");
          return;
        }
        if (part == null) {
          open.remove(key);
          reply(ex, "FAILED", r.message + "; the transaction was rolled back", label, txn.id, "");
          return;
        }
        part.copyTo(txn.batch);
        txn.total += r.total;
        txn.filtered += r.filtered;
        txn.bytes += raw.count;
        reply(ex, "OK", "", label, txn.id, ",\n    \"LoadBytes\": " + raw.count
            + ",\n    \"StreamLoadPlanTimeMs\": 1,\n    \"ReceivedDataTimeMs\": 1");
      }
      case "prepare" -> {
        if (txn == null) {
          reply(ex, "TXN_NOT_EXISTS", "Transaction with label " + label + " does not exist", label, -1, "");
          return;
        }
        txn.prepared = true;
        reply(ex, "OK", "", label, txn.id, ",\n    \"NumberTotalRows\": " + txn.total
            + ",\n    \"NumberLoadedRows\": " + (txn.total - txn.filtered) + ",\n    \"NumberFilteredRows\": "
            + txn.filtered + ",\n    \"NumberUnselectedRows\": 0,\n    \"LoadBytes\": " + txn.bytes
            + ",\n    \"LoadTimeMs\": 1");
      }
      case "commit" -> {
        if (txn == null) {
          if ("FINISHED".equals(loads.labels.get(key))) {
            reply(ex, "OK", "Transaction already commited", label, -1, "");
          } else {
            reply(ex, "TXN_NOT_EXISTS", "Transaction with label " + label + " does not exist", label, -1, "");
          }
          return;
        }
        open.remove(key);
        txn.batch.commit(txn.bytes, label);
        loads.labels.put(key, "FINISHED");
        reply(ex, "OK", "", label, txn.id, ",\n    \"NumberTotalRows\": " + txn.total
            + ",\n    \"NumberLoadedRows\": " + (txn.total - txn.filtered) + ",\n    \"LoadBytes\": " + txn.bytes);
      }
      case "rollback" -> {
        if (txn == null) {
          reply(ex, "TXN_NOT_EXISTS", "Transaction with label " + label + " does not exist", label, -1, "");
          return;
        }
        open.remove(key);
        reply(ex, "OK", "", label, txn.id, "");
      }
      default -> reply(ex, "FAILED", "Unknown transaction operation " + op, label, -1, "");
    }
  }

  private void begin(Exchange ex, RawRequest req, String db, String label, String key) throws IOException {
    String existing = loads.labels.get(key);
    if (existing != null) {
      reply(ex, "LABEL_ALREADY_EXISTS", "Label [" + label + "] has already been used.", label, -1,
          ",\n    \"ExistingJobStatus\": \"" + existing + "\"");
      return;
    }
    String tableName = req.header("table");
    LoadedTable table = tableName == null ? null : server.findTable(db, tableName);
    if (table == null) {
      reply(ex, "FAILED", "Unknown table '" + tableName + "' in database '" + db + "'", label, -1, "");
      return;
    }
    Txn txn = new Txn(loads.txnIds.incrementAndGet(), label, table);
    open.put(key, txn); // re-using a label replaces (aborts) the previous open transaction
    reply(ex, "OK", "", label, txn.id, ",\n    \"BeginTxnTimeMs\": 0");
  }

  private static void reply(Exchange ex, String status, String message, String label, long txnId, String extra)
      throws IOException {
    StringBuilder sb = new StringBuilder("{\n    \"Status\": ");
    JsonText.string(sb, status, false).append(",\n    \"Message\": ");
    JsonText.string(sb, message, false);
    if (label != null) {
      JsonText.string(sb.append(",\n    \"Label\": "), label, false);
    }
    if (txnId >= 0) {
      sb.append(",\n    \"TxnId\": ").append(txnId);
    }
    StarRocksStreamLoad.sendText(ex, "application/json", sb.append(extra).append("\n}").toString());
  }
}
