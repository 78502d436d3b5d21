package dev.olaphttp.databend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Databend node's transactions as the protocol notes (§8, §3.3, §4.2) describe them: {@code BEGIN} opens a
 * transaction that lives in the node's memory under the id of the last query that ran in it, which the client must
 * send back as {@code internal.last_query_ids[0]}; another id gets 5111 (session lost), {@code Active} without
 * {@code internal} 5112. A {@code /kill} fails the transaction (4002 for what follows); {@code /final} closes a
 * running query with 1044, which does not. {@code INSERT INTO t VALUES (1)} adds a row in the transaction,
 * {@code COMMIT} makes it visible to {@code SELECT count(*) FROM t}, {@code SELECT number FROM numbers(10)} answers
 * in pages of two rows. The session object is sent on the first response of each query only.
 */
final class TxnServer extends Dispatcher {
    private static final JsonFactory JSON = new JsonFactory();

    /** One transaction: its state and the rows it inserted. */
    private static final class Txn {
        String state = "Active";
        int rows;
    }

    /** One query: its rows (pages of two), pages served and the transaction it ran in. */
    private static final class Query {
        final String id;
        final int rows;
        final Txn txn;
        int nextPage;
        boolean closed;

        Query(String id, int rows, Txn txn) {
            this.id = id;
            this.rows = rows;
            this.txn = txn;
        }
    }

    private final Map<String, Txn> txnByLastQuery = new ConcurrentHashMap<>();
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int committed;

    @Override
    public synchronized MockResponse dispatch(RecordedRequest r) {
        String target = r.getTarget();
        requests.add(r.getMethod() + " " + target);
        try {
            if (target.equals("/v1/query")) {
                return start(r.getHeaders().get("X-DATABEND-QUERY-ID"),
                        r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8));
            }
            String[] parts = target.split("/"); // "", v1, query, id, page|final|kill, n
            Query q = queries.get(parts[3]);
            if (q == null) {
                return TestServer.json(404, "{\"error\":{\"code\":404,\"message\":\"Query ID not found\"}}");
            }
            switch (parts[4]) {
                case "kill" -> {
                    if (!q.closed && q.txn != null) {
                        q.txn.state = "Fail"; // a kill fails the transaction
                    }
                    q.closed = true;
                    return new MockResponse.Builder().code(200).build();
                }
                case "final" -> {
                    q.closed = true; // 1044 closed by client: the transaction stays as it was
                    return TestServer.finalOk(q.id);
                }
                default -> {
                    int n = Integer.parseInt(parts[5]);
                    if (q.closed) {
                        return TestServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Query closed\"}}");
                    }
                    return page(q, n, false);
                }
            }
        } catch (IOException e) {
            return TestServer.json(400, "{\"error\":{\"code\":400,\"message\":\"parse error\"}}");
        }
    }

    int committedRows() {
        return committed;
    }

    private MockResponse start(String id, String body) throws IOException {
        String sql = null;
        String txnState = "AutoCommit";
        String internal = null;
        try (JsonParser p = JSON.createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("sql")) {
                    sql = p.getText();
                } else if (f.equals("session") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        if (k.equals("txn_state")) {
                            txnState = p.getText();
                        } else if (k.equals("internal")) {
                            internal = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        Txn txn = null;
        if (txnState.equals("Active")) {
            if (internal == null || internal.isEmpty()) {
                return failToStart(txnState, 5112, "Transaction is active but missing server_info");
            }
            txn = txnByLastQuery.remove(lastQueryId(internal));
            if (txn == null) {
                return failToStart(txnState, 5111, "Transaction aborted: session lost (server restart or route error)");
            }
        } else if (txnState.equals("Fail")) {
            return failToStart(txnState, 4002, "current transaction is aborted");
        }
        String word = sql.trim().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        if (txn != null && txn.state.equals("Fail") && !word.equals("ROLLBACK")) {
            txnByLastQuery.put(id, txn);
            return failed(id, session(id, "Fail"), 4002, "current transaction is aborted");
        }
        int rows = 0;
        switch (word) {
            case "BEGIN" -> txn = new Txn();
            case "COMMIT", "ROLLBACK" -> {
                if (txn != null && word.equals("COMMIT")) {
                    committed += txn.rows;
                }
                txn = null;
            }
            case "INSERT" -> {
                if (txn != null) {
                    txn.rows++;
                } else {
                    committed++;
                }
                rows = -1; // one summary row
            }
            default -> rows = sql.contains("count(*)") ? -2 : 10;
        }
        if (txn != null) {
            txnByLastQuery.put(id, txn); // the transaction now lives under this query
        }
        Query q = new Query(id, rows, txn);
        queries.put(id, q);
        return page(q, 0, true);
    }

    private MockResponse page(Query q, int n, boolean first) {
        String schema = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";
        String data;
        String next;
        if (q.rows == -1 || q.rows == -2) {
            schema = q.rows == -1 ? "[{\"name\":\"number of rows inserted\",\"type\":\"UInt64\"}]"
                    : "[{\"name\":\"count(*)\",\"type\":\"UInt64\"}]";
            data = n == 0 ? "[[\"" + (q.rows == -1 ? 1 : committed) + "\"]]" : "[]";
            next = "final";
        } else if (q.rows == 0) {
            schema = "[]";
            data = "[]";
            next = "final";
        } else if (n == q.nextPage || n == q.nextPage - 1) {
            q.nextPage = Math.max(q.nextPage, n + 1);
            data = "[[\"" + (2 * n) + "\"],[\"" + (2 * n + 1) + "\"]]";
            next = 2 * (n + 1) >= q.rows ? "final" : "page/" + (n + 1);
        } else {
            return TestServer.json(404, "{\"error\":{\"code\":404,\"message\":\"Invalid page number\"}}");
        }
        String session = first ? session(q.id, q.txn == null ? "AutoCommit" : q.txn.state) : "null";
        return TestServer.resp().id(q.id).state(next.equals("final") ? "Succeeded" : "Running").session(session)
                .schema(schema).data(data).next(next).ok();
    }

    private static String session(String lastQueryId, String txnState) {
        boolean active = txnState.equals("Active");
        return "{\"catalog\":\"default\",\"database\":\"default\",\"settings\":{},\"txn_state\":\"" + txnState
                + "\",\"need_sticky\":" + active + ",\"need_keep_alive\":" + active
                + ",\"internal\":\"{\\\"last_node_id\\\":\\\"node-1\\\",\\\"last_query_ids\\\":[\\\"" + lastQueryId
                + "\\\"]}\"}";
    }

    private static MockResponse failed(String id, String session, int code, String message) {
        return TestServer.resp().id(id).state("Failed").session(session)
                .error("{\"code\":" + code + ",\"message\":\"" + message + "\"}").next("final").ok();
    }

    private static MockResponse failToStart(String txnState, int code, String message) {
        String s = "{\"txn_state\":\"" + (txnState.equals("Active") ? "Fail" : txnState)
                + "\",\"need_sticky\":false,\"need_keep_alive\":false}";
        return TestServer.json(200, "{\"id\":\"\",\"session_id\":null,\"node_id\":\"\",\"state\":\"Failed\",\"session\":"
                + s + ",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"warnings\":[],\"schema\":[],"
                + "\"data\":[],\"affect\":null,\"result_timeout_secs\":null,\"stats\":" + TestServer.STATS
                + ",\"stats_uri\":null,\"final_uri\":null,\"next_uri\":null,\"kill_uri\":null}");
    }

    private static String lastQueryId(String internal) throws IOException {
        try (JsonParser p = JSON.createParser(internal)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("last_query_ids") && p.currentToken() == JsonToken.START_ARRAY) {
                    return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
        }
        return null;
    }
}
