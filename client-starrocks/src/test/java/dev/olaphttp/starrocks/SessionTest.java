package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.client;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ExecutionResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.UnsupportedStatementException;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SET and USE applied by the client, carried into later requests; everything the API cannot run refused early. */
class SessionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    @Test
    void setAndUseChangeTheSessionWithoutSendingAnything() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok); SqlSession s = c.openSession()) {
            s.sql("SET query_timeout = 10").execute();
            s.sql("set session pipeline_dop=2, @@SESSION.Exec_Mem_Limit := '8G';").execute();
            s.sql("SET @@sql_mode = 'ONLY_FULL_GROUP_BY'").execute();
            s.sql("USE iceberg_catalog.`sales db`").execute();
            assertThat(server.getRequestCount()).isZero();
            assertThat(s.state().catalog()).contains("iceberg_catalog");
            assertThat(s.state().database()).contains("sales db");
            // one SET may assign several variables; the session keeps them in the order they were set
            assertThat(s.state().settings()).containsExactly(Map.entry("query_timeout", "10"),
                    Map.entry("pipeline_dop", "2"), Map.entry("exec_mem_limit", "8G"),
                    Map.entry("sql_mode", "ONLY_FULL_GROUP_BY"));
            s.sql("select k1 from t").list(r -> r.getInt(1));
        }
        RecordedRequest r = take(server);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/iceberg_catalog/databases/sales%20db/sql");
        String body = r.getBody().utf8();
        assertThat(body).isEqualTo("{\"query\":\"select k1 from t\",\"sessionVariables\":{\"query_timeout\":\"10\","
                + "\"pipeline_dop\":\"2\",\"exec_mem_limit\":\"8G\",\"sql_mode\":\"ONLY_FULL_GROUP_BY\"}}");
    }

    @Test
    void setDefaultDropsTheVariableAndUseKeepsTheCatalog() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok); SqlSession s = c.openSession()) {
            s.sql("SET query_timeout = 10").execute();
            s.sql("SET query_timeout = DEFAULT").execute();
            s.sql("USE demo").execute();
            assertThat(s.state().settings()).isEmpty();
            s.sql("select 1").list(r -> 1);
        }
        RecordedRequest r = take(server);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/default_catalog/databases/demo/sql");
        assertThat(r.getBody().utf8()).isEqualTo("{\"query\":\"select 1\"}");
    }

    @Test
    void setCatalogClearsTheDatabase() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = TestSupport.builder(server, ok).database("demo")
                .resilience(dev.olaphttp.ResiliencePolicy.noRetries()).build(); SqlSession s = c.openSession()) {
            s.sql("SET CATALOG hive_cat").execute();
            s.sql("select 1").list(r -> 1);
        }
        assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/hive_cat/sql");
    }

    @Test
    void oneSetWithSeveralVariablesKeepsTheirOrder() {
        try (SqlClient c = client(server, ok); SqlSession s = c.openSession()) {
            s.sql("SET b = 2").execute();
            s.sql("SET z = 1, a = 2, m = 3").execute();
            assertThat(s.state().settings().keySet()).containsExactly("b", "z", "a", "m");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void setCatalogLeavesNoDatabaseInTheState() {
        try (SqlClient c = TestSupport.builder(server, ok).database("demo")
                .resilience(dev.olaphttp.ResiliencePolicy.noRetries()).build(); SqlSession s = c.openSession()) {
            assertThat(s.state().database()).contains("demo");
            s.sql("SET CATALOG hive_cat").execute();
            assertThat(s.state().catalog()).contains("hive_cat");
            assertThat(s.state().database()).isEmpty();
        }
    }

    @Test
    void oneShotSetReportsTheNewStateButChangesNothing() {
        try (SqlClient c = client(server, ok)) {
            ExecutionResult r = c.sql("SET query_timeout = 5").execute();
            assertThat(r.state().settings()).containsEntry("query_timeout", "5");
            assertThat(c.defaultState().settings()).isEmpty();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void setVarHintsPassThroughUnchanged() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        String sql = "SELECT /*+ SET_VAR(query_timeout=10, pipeline_dop = 2) */ k1 FROM t WHERE k2 = ?";
        try (SqlClient c = client(server, ok)) {
            c.sql(sql).param(2).list(r -> 1);
        }
        assertThat(take(server).getBody().utf8()).isEqualTo(
                "{\"query\":\"SELECT /*+ SET_VAR(query_timeout=10, pipeline_dop = 2) */ k1 FROM t WHERE k2 = 2\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t VALUES (1)",
        "update t set a = 1",
        "CREATE TABLE t (a int)",
        "drop table t",
        "EXPLAIN INSERT INTO t SELECT 1",
        "explain analyze insert into t select 1",
        "SET GLOBAL query_timeout = 10",
        "SET @@global.query_timeout = 10",
        "SET @x = 1",
        "SET PASSWORD = 'x'",
        "SET query_timeout = 1 + 1",
        "select 1; select 2",
        "show tables; drop table t",
        "ADMIN SET FRONTEND CONFIG ('a' = 'b')",
        "   ",
        "USE a.b.c",
    })
    void unsupportedStatementsFailBeforeSending(String sql) {
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql(sql).execute())
                    .isInstanceOf(UnsupportedStatementException.class)
                    .hasMessageContaining("SELECT/WITH, SHOW, DESC, EXPLAIN and KILL");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void writesArePointedToBulkLoading() {
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("insert into t values (1)").execute())
                    .hasMessageContaining("INSERT")
                    .hasMessageContaining("client.insert(\"db.table\")")
                    .hasMessageContaining("Stream Load");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1;",
        "  (SELECT 1) UNION ALL (SELECT 2)",
        "WITH a AS (SELECT 1) SELECT * FROM a",
        "-- comment\nSHOW DATABASES",
        "/* c */ desc t",
        "DESCRIBE t",
        "explain verbose select 1",
        "EXPLAIN COSTS WITH a AS (select 1) select * from a",
        "select ';' as semi, 'a;b' from t -- ; trailing",
    })
    void readsAreSent(String sql) throws Exception {
        server.enqueue(ndjson(sql.toLowerCase(java.util.Locale.ROOT).startsWith("explain")
                ? fixture("transcripts/explain_select.ndjson") : fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok)) {
            c.sql(sql).list(r -> 1);
        }
        assertThat(take(server).getBody().utf8()).contains("\"query\":");
    }

    @Test
    void setValueMayBeABoundParameter() {
        try (SqlClient c = client(server, ok); SqlSession s = c.openSession()) {
            s.sql("SET query_timeout = ?").param(15).execute();
            s.sql("SET time_zone = :tz").param("tz", "Asia/Shanghai").execute();
            assertThat(s.state().settings()).containsEntry("query_timeout", "15")
                    .containsEntry("time_zone", "Asia/Shanghai");
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
