package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, response mutation: from a valid three-page transcript (shaped as the real server's, protocol notes §3.1,
 * §4.2) derive broken ones: each body truncated (once, then served whole: the re-read must give the exact result;
 * and on every attempt) at its edges, at every field boundary and at seeded random offsets, or at every offset with
 * {@code -Dmutation.full=true}; each field dropped or nulled; a page replaced by other JSON, an empty body or an
 * HTML proxy page; a body that is not UTF-8; an earlier page served again. The only outcomes allowed: the exact full
 * result, or a typed {@link SqlClientException} whose {@code rowsDelivered()} equals the rows the caller saw (and
 * those rows are the result's first ones). Seeded: {@code -Dmutation.seed=N} replays a run.
 */
class ResponseMutationTest {
    private static final String ID = "m";
    private static final String BASE = "/v1/query/" + ID;
    private static final String[] FIELDS = {"next_uri", "final_uri", "state", "schema", "data", "stats", "session",
        "error"};
    private static final String SCHEMA = "[{\"name\":\"n\",\"type\":\"UInt64\"},{\"name\":\"s\",\"type\":\"Nullable(String)\"}]";
    private static final String SESSION = "{\"catalog\":\"default\",\"database\":\"default\",\"settings\":{},"
            + "\"txn_state\":\"AutoCommit\",\"need_sticky\":false,\"need_keep_alive\":false,"
            + "\"internal\":\"{\\\"last_query_ids\\\":[\\\"m\\\"]}\"}";
    private static final List<String> EXPECTED = List.of("0:a", "1:é", "2:null", "3:c\"d", "4:e", "5:f", "6:g");

    /** The request keys: the POST, the two page GETs, the final GET. */
    private static final String[] KEYS = {"POST", "page/1", "page/2", "final"};

    /** One valid response as ordered raw JSON fields. */
    private static Map<String, String> response(String state, String session, String data, String next) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "\"" + ID + "\"");
        m.put("session_id", "\"\"");
        m.put("node_id", "\"n1\"");
        m.put("state", "\"" + state + "\"");
        m.put("session", session);
        m.put("error", "null");
        m.put("warnings", "[]");
        m.put("has_result_set", "true");
        m.put("schema", SCHEMA);
        m.put("data", data);
        m.put("affect", "null");
        m.put("result_timeout_secs", "60");
        m.put("settings", "{\"timezone\":\"UTC\",\"geometry_output_format\":\"GEOJSON\",\"binary_output_format\":\"HEX\","
                + "\"http_json_result_mode\":\"display\"}");
        m.put("stats", TestServer.STATS);
        m.put("stats_uri", "\"" + BASE + "\"");
        m.put("final_uri", "\"" + BASE + "/final\"");
        m.put("next_uri", next == null ? "null" : "\"" + BASE + "/" + next + "\"");
        m.put("kill_uri", "\"" + BASE + "/kill\"");
        return m;
    }

    private static Map<String, Map<String, String>> transcript() {
        Map<String, Map<String, String>> t = new LinkedHashMap<>();
        t.put("POST", response("Running", SESSION, "[[\"0\",\"a\"],[\"1\",\"é\"],[\"2\",null]]", "page/1"));
        t.put("page/1", response("Running", "null", "[[\"3\",\"c\\\"d\"],[\"4\",\"e\"],[\"5\",\"f\"]]", "page/2"));
        t.put("page/2", response("Succeeded", "null", "[[\"6\",\"g\"]]", "final"));
        Map<String, String> fin = response("Succeeded", "null", "[]", null);
        fin.put("settings", null);
        t.put("final", fin);
        return t;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() == 1 ? "" : ",").append('"').append(k).append("\":").append(v);
            }
        });
        return b.append('}').toString();
    }

    /** How one request key is answered instead of its valid body. */
    private record Mutation(String key, String what, int status, byte[] body, boolean once) {}

    private static final class Server implements RawHttpServer.Handler {
        final Map<String, byte[]> valid = new LinkedHashMap<>();
        volatile Mutation mutation;
        final AtomicBoolean used = new AtomicBoolean();

        Server() {
            transcript().forEach((k, v) -> valid.put(k, json(v).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public RawHttpServer.Reply handle(String method, String t, byte[] request) {
            if (t.endsWith("/kill")) {
                return new RawHttpServer.Reply(200, new byte[0]);
            }
            String key = t.equals("/v1/query") ? "POST" : t.substring(t.lastIndexOf(ID + "/") + ID.length() + 1);
            byte[] body = valid.get(key);
            int status = 200;
            Mutation m = mutation;
            if (m != null && m.key.equals(key) && (!m.once || used.compareAndSet(false, true))) {
                body = m.body;
                status = m.status;
            }
            if (body == null) {
                return new RawHttpServer.Reply(404, bytes("{\"error\":{\"code\":404,\"message\":\"Invalid page number\"}}"));
            }
            return new RawHttpServer.Reply(status, body);
        }
    }

    @Test
    void everyMutatedTranscriptGivesTheExactResultOrATypedFailureCountingTheRowsSeen() throws Exception {
        long seed = Long.getLong("mutation.seed", System.nanoTime());
        Random random = new Random(seed);
        Server s = new Server();
        List<Mutation> mutations = mutations(s.valid, random);
        int exact = 0;
        int typed = 0;
        try (RawHttpServer http = new RawHttpServer(s);
                SqlClient client = Databend.builder("databend://root:@127.0.0.1:" + http.port()
                        + "/default?sslmode=disable&login=disable&wait_time_secs=1")
                        .resilience(TestServer.fastRetries())
                        .readTimeout(java.time.Duration.ofSeconds(3)).build()) {
            assertThat(run(client, s, null)).as("the unmutated transcript").isNull();
            String only = System.getProperty("mutation.only"); // e.g. "page/1 without data", to replay one
            for (Mutation m : mutations) {
                if (only != null && !(m.key + " " + m.what).contains(only)) {
                    continue;
                }
                SqlClientException e = run(client, s, m);
                if (e == null && !m.once && !m.key.equals("final")
                        && (m.what.startsWith("always cut") || m.what.equals("invalid UTF-8"))) {
                    fail(m.key + " " + m.what + ": this body cannot give a result");
                }
                if (e == null) {
                    exact++;
                } else {
                    typed++;
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + " (-Dmutation.seed=" + seed + "): " + e.getMessage(), e);
        }
        System.out.println("seed " + seed + ": " + exact + " exact results, " + typed + " typed failures");
        assertThat(typed).as("seed %d: typed failures", seed).isPositive();
        assertThat(exact).as("seed %d: exact results", seed).isPositive();
    }

    /** Runs the query under one mutation: the exact result (null), or the typed failure after checking its count. */
    private SqlClientException run(SqlClient client, Server s, Mutation m) {
        s.mutation = m;
        s.used.set(false);
        List<String> seen = new ArrayList<>();
        String what = m == null ? "none" : m.key + " " + m.what + (m.once ? " (once)" : "");
        try (RowCursor c = client.sql("SELECT n, s FROM t").stream()) {
            while (c.next()) {
                seen.add(c.getLong(1) + ":" + c.getString(2));
            }
        } catch (SqlClientException e) {
            assertThat(e.rowsDelivered()).as("%s: rowsDelivered of %s", what, e).isEqualTo(seen.size());
            assertThat(seen.size()).as("%s: rows seen", what).isLessThanOrEqualTo(EXPECTED.size());
            assertThat(seen).as("%s: rows seen before the failure", what).isEqualTo(EXPECTED.subList(0, seen.size()));
            return e;
        } catch (RuntimeException e) {
            fail(what + ": an untyped exception", e);
        }
        assertThat(seen).as("%s: a result without an error must be exact", what).isEqualTo(EXPECTED);
        return null;
    }

    private static List<Mutation> mutations(Map<String, byte[]> valid, Random random) {
        List<Mutation> out = new ArrayList<>();
        Map<String, Map<String, String>> t = transcript();
        for (String key : KEYS) {
            byte[] body = valid.get(key);
            for (int cut : cuts(body, random)) { // a body cut short once: re-read, exact
                out.add(new Mutation(key, "cut at " + cut, 200, java.util.Arrays.copyOf(body, cut), true));
            }
            for (int i = 0; i < 8; i++) { // cut short on every attempt: typed
                int cut = random.nextInt(body.length);
                out.add(new Mutation(key, "always cut at " + cut, 200, java.util.Arrays.copyOf(body, cut), false));
            }
            for (String f : FIELDS) {
                for (boolean once : new boolean[] {true, false}) {
                    Map<String, String> dropped = new LinkedHashMap<>(t.get(key));
                    dropped.remove(f);
                    out.add(new Mutation(key, "without " + f, 200, bytes(json(dropped)), once));
                    Map<String, String> nulled = new LinkedHashMap<>(t.get(key));
                    nulled.put(f, "null");
                    out.add(new Mutation(key, f + " null", 200, bytes(json(nulled)), once));
                }
            }
            List<String> others = List.of("{}", "[]", "null", "\"ok\"", "1",
                    "{\"kind\":\"Unavailable\",\"message\":\"warehouse is resuming\"}",
                    "{\"error\":{\"code\":404,\"message\":\"not found\"}}", "");
            for (String other : others) {
                out.add(new Mutation(key, "replaced by '" + other + "'", 200, bytes(other), false));
            }
            out.add(new Mutation(key, "invalid UTF-8", 200, invalidUtf8(body), false));
            String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
            out.add(new Mutation(key, "HTML 200", 200, bytes(html), false));
            out.add(new Mutation(key, "HTML 502", 502, bytes(html), false));
            out.add(new Mutation(key, "HTML 503 once", 503, bytes(html), true));
        }
        for (int i = 1; i < KEYS.length; i++) { // an earlier page served again
            for (int j = 0; j < i; j++) {
                out.add(new Mutation(KEYS[i], "served as " + KEYS[j], 200, valid.get(KEYS[j]), false));
            }
        }
        java.util.Collections.shuffle(out, random);
        return out;
    }

    /**
     * Where to cut a body: every offset with {@code -Dmutation.full=true}; by default the edges, every field's
     * boundaries (before its name, after its colon, before the next comma) and a seeded sample of the rest, so that
     * the suite stays fast on a busy machine.
     */
    private static java.util.SortedSet<Integer> cuts(byte[] body, Random random) {
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>();
        if (Boolean.getBoolean("mutation.full")) {
            for (int i = 0; i < body.length; i++) {
                cuts.add(i);
            }
            return cuts;
        }
        cuts.add(0);
        cuts.add(1);
        cuts.add(body.length - 1);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (int i = text.indexOf(",\""); i >= 0; i = text.indexOf(",\"", i + 1)) {
            cuts.add(i);
            cuts.add(i + 1);
            int colon = text.indexOf("\":", i + 2);
            if (colon > 0) {
                cuts.add(colon + 2);
            }
        }
        for (int i = 0; i < 24; i++) {
            cuts.add(random.nextInt(body.length));
        }
        return cuts;
    }

    /** The body with the node id's last character replaced by a byte that starts no UTF-8 sequence. */
    private static byte[] invalidUtf8(byte[] body) {
        byte[] b = body.clone();
        String text = new String(b, StandardCharsets.ISO_8859_1);
        b[text.indexOf("\"n1\"") + 2] = (byte) 0xFF;
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
