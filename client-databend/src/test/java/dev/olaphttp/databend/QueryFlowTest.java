package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.body;
import static dev.olaphttp.databend.TestServer.client;
import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ExecutionResult;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class QueryFlowTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";

    @Test
    void followsNextUriLazilyPollsAgainOnEmptyRunningPageAndCallsFinalAtTheEnd() throws Exception {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"0\"],[\"1\"]]").next("page/1")
                .session("{\"database\":\"default\",\"need_sticky\":false}").ok());
        server.enqueue(resp().state("Running").schema(NUMBER).data("[]").next("page/1").ok());
        server.enqueue(resp().schema(NUMBER).data("[[\"2\"],[\"3\"]]").next("page/2").ok());
        server.enqueue(resp().schema(NUMBER).data("[[\"4\"]]").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "")) {
            List<BigInteger> seen = new ArrayList<>();
            try (RowCursor c = client.sql("SELECT number FROM numbers(5)").stream()) {
                assertThat(c.next()).isTrue();
                seen.add((BigInteger) c.getObject(1));
                assertThat(c.next()).isTrue();
                seen.add((BigInteger) c.getObject(1));
                assertThat(server.getRequestCount()).as("pages are fetched lazily").isEqualTo(1);
                while (c.next()) {
                    seen.add((BigInteger) c.getObject(1));
                }
            }
            assertThat(seen).extracting(BigInteger::intValue).containsExactly(0, 1, 2, 3, 4);
        }
        RecordedRequest post = take(server);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getTarget()).isEqualTo("/v1/query");
        assertThat(post.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Basic cm9vdDpzZWNyZXQ=");
        assertThat(post.getHeaders().get("X-DATABEND-STICKY-NODE")).isNull();
        assertThat(post.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true");
        assertThat(body(post)).isEqualTo("{\"sql\":\"SELECT number FROM numbers(5)\",\"session\":{\"database\":\"default\"},"
                + "\"pagination\":{\"wait_time_secs\":10,\"max_rows_per_page\":10000,\"max_rows_in_buffer\":5000000}}");
        for (String expected : List.of("/v1/query/q1/page/1", "/v1/query/q1/page/1", "/v1/query/q1/page/2",
                "/v1/query/q1/final")) {
            RecordedRequest get = take(server);
            assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET " + expected);
            assertThat(get.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-1");
        }
        assertThat(server.getRequestCount()).as("no kill after a complete result").isEqualTo(5);
    }

    @Test
    void sendsPaginationOptionsWarehouseAndTenant() throws Exception {
        server.enqueue(resp().schema(NUMBER).data("[[\"7\"]]").next("page/1").ok());
        server.enqueue(resp().schema(NUMBER).data("[]").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server,
                "wait_time_secs=3&max_rows_per_page=100&max_rows_in_buffer=500&warehouse=wh1&tenant=t1")) {
            long seven = client.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(seven).isEqualTo(7L);
        }
        RecordedRequest post = take(server);
        assertThat(body(post)).contains("\"pagination\":{\"wait_time_secs\":3,\"max_rows_per_page\":100,"
                + "\"max_rows_in_buffer\":500}");
        RecordedRequest page = take(server);
        for (RecordedRequest r : List.of(post, page)) {
            assertThat(r.getHeaders().get("X-DATABEND-WAREHOUSE")).isEqualTo("wh1");
            assertThat(r.getHeaders().get("X-DATABEND-TENANT")).isEqualTo("t1");
        }
    }

    @Test
    void mapsNamedAndPositionalParameters() throws Exception {
        String schema = "[{\"name\":\"a\",\"type\":\"Int32\"},{\"name\":\"b\",\"type\":\"String\"}]";
        server.enqueue(resp().schema(schema).data("[[\"30\",\"Alice\"]]").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").schema(schema).data("[[\"42\",\"hello\"]]").next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        try (SqlClient client = client(server, "")) {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("age", 30);
            named.put("name", "Alice");
            String name = client.sql("SELECT :age, :name").params(named).single(r -> r.getString(2));
            assertThat(name).isEqualTo("Alice");
            List<Object> row = client.sql("SELECT ?, ?, ?, ?").param(42).param("hello").param(true).param(null)
                    .single(r -> List.of(r.getInt(1), r.getString(2)));
            assertThat(row).containsExactly(42, "hello");
            assertThatThrownBy(() -> client.sql("SELECT ?").param(new Object()).execute())
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class)
                    .hasMessageContaining("parameter #1");
        }
        assertThat(body(take(server))).contains("\"params\":{\"age\":30,\"name\":\"Alice\"}");
        take(server);
        assertThat(body(take(server))).contains("\"params\":[42,\"hello\",true,null]");
    }

    @Test
    void reportsAffectedRowsAndAffectInStats() throws Exception {
        String stats = TestServer.STATS.replace("\"write_progress\":{\"rows\":0,\"bytes\":0}",
                "\"write_progress\":{\"rows\":2,\"bytes\":64}");
        server.enqueue(resp().schema("[{\"name\":\"number of rows inserted\",\"type\":\"UInt64\"}]")
                .data("[[\"2\"]]").stats(stats).next("final").ok());
        server.enqueue(resp().stats(stats).next(null).ok());
        server.enqueue(resp().id("q2").affect("{\"type\":\"UseDB\",\"name\":\"analytics\"}")
                .session("{\"database\":\"analytics\"}").next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        try (SqlClient client = client(server, "")) {
            ExecutionResult insert = client.sql("INSERT INTO t VALUES (1), (2)").execute();
            assertThat(insert.affectedRows()).isEqualTo(2);
            assertThat(insert.stats().rowsWritten()).isEqualTo(2);
            assertThat(insert.stats().bytesRead()).isEqualTo(80);
            ExecutionResult use = client.sql("USE analytics").execute();
            assertThat(use.stats().extra()).containsEntry("affect_type", "UseDB")
                    .containsEntry("affect", "{\"type\":\"UseDB\",\"name\":\"analytics\"}");
            assertThat(use.state().database()).contains("analytics");
            assertThat(client.defaultState().database()).as("one-shot statements never change the client")
                    .contains("default");
        }
    }

    @Test
    void timestampsUseTheSessionTimeZone() {
        server.enqueue(resp().schema("[{\"name\":\"t\",\"type\":\"Timestamp\"}]")
                .data("[[\"2024-03-01 08:00:00.123456\"]]")
                .settings("{\"timezone\":\"Asia/Shanghai\",\"binary_output_format\":\"HEX\"}").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "")) {
            Object t = client.sql("SELECT now()").single(r -> r.getObject(1));
            assertThat(t).isEqualTo(ZonedDateTime.of(2024, 3, 1, 8, 0, 0, 123_456_000, ZoneId.of("Asia/Shanghai")));
        }
    }

    @Test
    void statsGoesToStatsUriWhileTheResultIsOpen() throws Exception {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"]]").next("page/1").ok());
        server.enqueue(TestServer.json(200, "{\"state\":\"Running\",\"error\":null,\"warnings\":[],\"stats\":"
                + TestServer.STATS.replace("\"scan_progress\":{\"rows\":10", "\"scan_progress\":{\"rows\":999") + "}"));
        server.enqueue(resp().schema(NUMBER).data("[]").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, ""); RowCursor c = client.sql("SELECT 1").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(c.stats().rowsRead()).isEqualTo(999);
            assertThat(c.next()).isFalse();
        }
        take(server);
        RecordedRequest stats = take(server);
        assertThat(stats.getMethod() + " " + stats.getTarget()).isEqualTo("GET /v1/query/q1");
        assertThat(stats.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-1");
    }

    @Test
    void waitsForTheSchemaOfAStartingQuery() throws Exception {
        server.enqueue(resp().state("Starting").settings(null).next("page/0").ok());
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"5\"]]").next("page/1").ok());
        server.enqueue(resp().schema(NUMBER).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "wait_time_secs=0"); RowCursor c = client.sql("SELECT 5").stream()) {
            assertThat(c.schema().names()).containsExactly("number");
            assertThat(c.next()).isTrue();
            assertThat(c.getLong(1)).isEqualTo(5);
            assertThat(c.next()).isFalse();
        }
        assertThat(body(take(server))).contains("\"wait_time_secs\":0");
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/q1/page/0");
    }

    @Test
    void aNullSessionMeansUnchanged() {
        String s = "{\"database\":\"d1\",\"settings\":{\"timezone\":\"UTC\"},\"need_sticky\":false}";
        server.enqueue(resp().session(s).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").session("null").next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        try (SqlClient client = client(server, ""); dev.olaphttp.SqlSession session = client.openSession()) {
            session.sql("USE d1").execute();
            session.sql("SELECT 1").execute();
            assertThat(session.state().dialectState()).contains(s);
            assertThat(session.state().database()).contains("d1");
            assertThat(session.state().settings()).containsEntry("timezone", "UTC");
        }
    }
}
