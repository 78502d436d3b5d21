package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Response mutation (seeded; {@code -Dolaphttp.fuzz.seed=N} replays a run): from valid FE responses (fixtures
 * copied from /work/shared/fixtures/starrocks, see fixtures/starrocks/README.md) derive broken ones (truncated at
 * every offset, cut or cleanly ended; a line dropped, duplicated or moved; a field of the connectionId, meta,
 * data or statistics line dropped or nulled; the body replaced by other JSON, an HTML page or nothing; an error
 * object mid-stream) and check that the only outcomes are the exact full result, or a typed
 * {@link SqlClientException} whose {@code rowsDelivered()} equals the rows the caller saw, all of them a prefix
 * of the full result.
 *
 * <p>Not generated, because no client can tell them from a real answer: swapping two data lines, or changing a
 * value inside a data line.
 */
class ResponseMutationTest {
    private static final int MAX_OFFSETS = 90;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private record Base(String sql, String body) {}

    private record Outcome(List<String> rows, SqlClientException failure, Throwable other) {}

    @Test
    void everyMutationGivesTheExactResultOrATypedFailureCountingTheRowsSeen() throws Exception {
        long seed = Long.getLong("olaphttp.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        List<Base> bases = List.of(
                new Base("select * from agg", TestSupport.fixture("real/docs_select_internal_decimal.ndjson")),
                new Base("select * from t_types", TestSupport.fixture("transcripts/select_multi_types.ndjson")),
                new Base("select * from empty_t", TestSupport.fixture("transcripts/select_empty_result.ndjson")),
                new Base("show databases", TestSupport.fixture("transcripts/show_databases.ndjson")),
                new Base("explain select * from t_types", TestSupport.fixture("transcripts/explain_select.ndjson")));
        int cases = 0;
        try (SqlClient c = TestSupport.builder(server, ok).option("kill_on_cancel", "false")
                .resilience(ResiliencePolicy.noRetries()).build()) {
            for (Base base : bases) {
                server.enqueue(TestSupport.ndjson(base.body()));
                Outcome full = run(c, base.sql());
                assertThat(full.failure()).as("the unmutated %s", base.sql()).isNull();
                assertThat(full.other()).isNull();
                for (Mutation m : mutations(base.body(), rnd)) {
                    server.enqueue(m.response());
                    Outcome o = run(c, base.sql());
                    String where = "seed " + seed + " (-Dolaphttp.fuzz.seed=" + seed + "), " + base.sql() + ", "
                            + m.name();
                    assertThat(o.other()).as(where + ": only SqlClientException may be thrown").isNull();
                    if (m.prefix()) {
                        assertThat(o.rows().size()).as(where + ": rows seen").isLessThanOrEqualTo(full.rows().size());
                        assertThat(o.rows()).as(where + ": rows seen are a prefix of the full result")
                                .isEqualTo(full.rows().subList(0, o.rows().size()));
                    }
                    if (o.failure() == null) {
                        assertThat(o.rows()).as(where + ": a result without failure is the exact full result")
                                .isEqualTo(full.rows());
                    } else {
                        assertThat(o.failure().rowsDelivered()).as(where + ": rowsDelivered of " + o.failure())
                                .isEqualTo(o.rows().size());
                    }
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(500);
    }

    private static Outcome run(SqlClient c, String sql) {
        List<String> rows = new ArrayList<>();
        try (RowCursor cur = c.sql(sql).stream()) {
            int n = cur.schema().size();
            while (cur.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = cur.getObject(i);
                    sb.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v))
                            .append('|');
                }
                rows.add(sb.toString());
            }
            return new Outcome(rows, null, null);
        } catch (SqlClientException e) {
            return new Outcome(rows, e, null);
        } catch (RuntimeException | Error e) {
            return new Outcome(rows, null, e);
        }
    }

    /**
     * One broken response; {@code prefix} when the rows before the failure must be the full result's first rows
     * (a lost or repeated line can only show at the end, against the statistics' row count).
     */
    private record Mutation(String name, MockResponse response, boolean prefix) {
        Mutation(String name, MockResponse response) {
            this(name, response, true);
        }
    }

    private static List<Mutation> mutations(String body, Random rnd) throws Exception {
        List<Mutation> out = new ArrayList<>();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            offsets.add(i);
        }
        java.util.Collections.shuffle(offsets, rnd);
        for (int cut : offsets.subList(0, Math.min(MAX_OFFSETS, offsets.size()))) {
            String head = new String(bytes, 0, cut, StandardCharsets.UTF_8);
            if (!java.util.Arrays.equals(head.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(bytes, cut))) {
                continue; // cut inside a character: covered by the UTF-8 tests
            }
            out.add(new Mutation("cut at " + cut, TestSupport.cutChunked(head)));
            out.add(new Mutation("ended at " + cut, TestSupport.ndjson(head)));
        }
        List<String> lines = lines(body);
        for (int i = 0; i < lines.size(); i++) {
            List<String> dropped = new ArrayList<>(lines);
            dropped.remove(i);
            out.add(lineMutation("line " + i + " dropped", dropped, false));
            List<String> dup = new ArrayList<>(lines);
            dup.add(i, lines.get(i));
            out.add(lineMutation("line " + i + " duplicated", dup, false));
            for (int j = 0; j < lines.size(); j++) {
                if (j != i && !kind(lines.get(i)).equals(kind(lines.get(j)))) {
                    List<String> moved = new ArrayList<>(lines);
                    moved.add(j, moved.remove(i));
                    out.add(lineMutation("line " + i + " moved to " + j, moved, false));
                }
            }
            for (String variant : fieldVariants(lines.get(i))) {
                List<String> changed = new ArrayList<>(lines);
                changed.set(i, variant);
                out.add(lineMutation("line " + i + " as " + abbreviate(variant), changed, true));
            }
            List<String> error = new ArrayList<>(lines);
            error.add(i + 1, "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"boom\",\"message\":\"boom\"}");
            out.add(lineMutation("error object after line " + i, error, true));
        }
        for (String other : List.of("", "{}", "[]", "null", "1", "\"x\"", "{\"data\":[1]}",
                "{\"kind\":\"Unavailable\",\"message\":\"warehouse is resuming\"}",
                "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"boom\"}",
                "{\"meta\":[],\"data\":[],\"statistics\":{\"returnRows\":0}}",
                "{\"explain\":\"PLAN\"}", "{\"connectionId\":1}\n{\"meta\":[]}\n{\"statistics\":{}}\n")) {
            if (kind(body).equals("explain") && other.startsWith("{\"explain\"")) {
                continue; // another valid plan: no client can tell
            }
            out.add(new Mutation("body " + abbreviate(other), TestSupport.ndjson(other)));
        }
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        out.add(new Mutation("HTML page", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "text/html").body(html).build()));
        out.add(new Mutation("HTML page as ndjson", TestSupport.ndjson(html)));
        return out;
    }

    private static Mutation lineMutation(String name, List<String> lines, boolean prefix) {
        return new Mutation(name, TestSupport.ndjson(String.join("\n", lines) + "\n"), prefix);
    }

    /** The NDJSON lines (a SHOW or EXPLAIN body is one line). */
    private static List<String> lines(String body) {
        List<String> out = new ArrayList<>();
        for (String l : body.split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String kind(String line) throws Exception {
        Map<String, Object> obj = (Map<String, Object>) MiniJson.parse(line);
        return obj.isEmpty() ? "" : obj.keySet().iterator().next();
    }

    /**
     * The line with one field dropped or nulled: each top-level field, each field of each meta column (or the
     * column itself) and each field of the statistics object (never a value inside a data row).
     */
    @SuppressWarnings("unchecked")
    private static List<String> fieldVariants(String line) throws Exception {
        List<String> out = new ArrayList<>();
        Map<String, Object> obj = (Map<String, Object>) MiniJson.parse(line);
        for (String f : List.copyOf(obj.keySet())) {
            Map<String, Object> drop = (Map<String, Object>) MiniJson.copy(obj);
            drop.remove(f);
            out.add(MiniJson.write(drop));
            Map<String, Object> nul = (Map<String, Object>) MiniJson.copy(obj);
            nul.put(f, null);
            out.add(MiniJson.write(nul));
        }
        if (obj.get("meta") instanceof List<?> meta) {
            for (int i = 0; i < meta.size(); i++) {
                for (String f : List.of("name", "type")) {
                    Map<String, Object> drop = (Map<String, Object>) MiniJson.copy(obj);
                    ((Map<String, Object>) ((List<Object>) drop.get("meta")).get(i)).remove(f);
                    out.add(MiniJson.write(drop));
                    Map<String, Object> nul = (Map<String, Object>) MiniJson.copy(obj);
                    ((Map<String, Object>) ((List<Object>) nul.get("meta")).get(i)).put(f, null);
                    out.add(MiniJson.write(nul));
                }
                Map<String, Object> dropColumn = (Map<String, Object>) MiniJson.copy(obj);
                ((List<Object>) dropColumn.get("meta")).remove(i);
                out.add(MiniJson.write(dropColumn));
            }
        }
        if (obj.get("statistics") instanceof Map<?, ?> stats) {
            for (Object f : List.copyOf(stats.keySet())) {
                Map<String, Object> drop = (Map<String, Object>) MiniJson.copy(obj);
                ((Map<String, Object>) drop.get("statistics")).remove(f);
                out.add(MiniJson.write(drop));
                Map<String, Object> nul = (Map<String, Object>) MiniJson.copy(obj);
                ((Map<String, Object>) nul.get("statistics")).put((String) f, null);
                out.add(MiniJson.write(nul));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 80 ? one : one.substring(0, 80) + "...";
    }
}
