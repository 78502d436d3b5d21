package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.client;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is sent (path, body, auth) and how the four body forms are read, through the public API. */
class RequestAndResultTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    @Test
    void postsTheQueryToTheCatalogAndDatabasePathWithBasicAuth() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_internal_decimal.ndjson")));
        try (SqlClient c = TestSupport.builder(server, ok).catalog("iceberg_catalog").database("my db").build()) {
            List<BigDecimal> k = c.sql("select * from agg;").list(r -> r.getBigDecimal(2));
            assertThat(k).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("20.00"),
                    new BigDecimal("25.00"), new BigDecimal("30.00"));
        }
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/iceberg_catalog/databases/my%20db/sql");
        assertThat(r.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("root:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"query\":\"select * from agg;\"}");
        assertThat(r.getHeaders().get("Connection")).isNotEqualToIgnoringCase("close");
    }

    @Test
    void withoutDatabaseUsesTheCatalogPathAndDefaultCatalog() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok)) {
            assertThat(c.sql("select k1, k2 from db.t").list(r -> r.getInt(1) * 10 + r.getInt(2))).containsExactly(12, 11);
        }
        assertThat(take(server).getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/default_catalog/sql");
    }

    @Test
    void dsnSetsEndpointCatalogDatabaseAndVariables() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        String dsn = "starrocks://alice:p%40ss@" + server.getHostName() + ":" + server.getPort()
                + "/ext_cat.sales?var.Query_Timeout=60&kill_on_cancel=false";
        try (SqlClient c = SqlClient.builder().dsn(dsn)
                .httpClient(dev.olaphttp.okhttp.OkHttpAdapter.borrow(ok)).build()) {
            assertThat(c.dialect()).isEqualTo("starrocks");
            assertThat(c.defaultState().catalog()).contains("ext_cat");
            assertThat(c.defaultState().database()).contains("sales");
            assertThat(c.sql("select 1").list(r -> r.getInt(1))).hasSize(2);
        }
        RecordedRequest r = take(server);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/ext_cat/databases/sales/sql");
        assertThat(r.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getBody().utf8()).isEqualTo("{\"query\":\"select 1\",\"sessionVariables\":{\"query_timeout\":\"60\"}}");
    }

    @Test
    void dsnWithDatabaseOnlyAndUnknownOptionFails() {
        SqlClient.Builder b = SqlClient.builder().dsn("starrocks://root@fe1:8030,fe2/demo");
        assertThat(b.toString()).contains("http://fe1:8030").contains("http://fe2:8030");
        assertThat(SqlClient.builder().dsn("starrocks+https://root@fe1:8443/demo").toString())
                .contains("https://fe1:8443");
        assertThat(SqlClient.builder().dsn("starrocks://root@fe1/demo?secure=true").toString())
                .contains("https://fe1:8030");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SqlClient.builder().dsn("starrocks://root@fe1/demo?warehouse=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse");
    }

    @Test
    void selectExposesQueryIdConnectionIdAndStatistics() {
        server.enqueue(ndjson("{\"connectionId\":49}\n{\"meta\":[{\"name\":\"no\",\"type\":\"int(11)\"}]}\n"
                + "{\"data\":[1]}\n{\"data\":[2]}\n"
                + "{\"statistics\":{\"scanRows\":10,\"scanBytes\":812,\"scanPartitions\":\"\",\"returnRows\":2,"
                + "\"warnings\":[\"w1\"]}}\n"));
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql("select no from t").stream()) {
            assertThat(cur.next()).isTrue();
            assertThat(cur.serverInfo()).containsEntry("connectionId", "49")
                    .containsEntry("queryId", TestSupport.QUERY_ID);
            assertThat(cur.getLong(1)).isEqualTo(1);
            assertThat(cur.next()).isTrue();
            assertThat(cur.next()).isFalse();
            QueryStats s = cur.stats();
            assertThat(s.rowsRead()).isEqualTo(10);
            assertThat(s.bytesRead()).isEqualTo(812);
            assertThat(s.resultRows()).isEqualTo(2);
            assertThat(s.extra()).containsEntry("scanPartitions", "").containsEntry("warnings", "[\"w1\"]");
        }
    }

    @Test
    void showResultIsOneObjectWithRowsKeyedByName() {
        server.enqueue(ndjson(fixture("transcripts/show_databases.ndjson")));
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql("show databases;").stream()) {
            assertThat(cur.schema().names()).containsExactly("Database");
            List<String> names = new java.util.ArrayList<>();
            while (cur.next()) {
                names.add(cur.getString("Database"));
            }
            assertThat(names).containsExactly("_statistics_", "demo", "information_schema");
            assertThat(cur.stats().resultRows()).isEqualTo(3);
            assertThat(cur.serverInfo()).doesNotContainKey("connectionId");
        }
    }

    @Test
    void showValuesAsTextDecodeToTheMetaType() {
        server.enqueue(ndjson("{\"meta\":[{\"name\":\"Id\",\"type\":\"bigint(20)\"},{\"name\":\"Host\",\"type\":\"varchar(64)\"}],"
                + "\"data\":[{\"Host\":\"h1\",\"Id\":\"7\"},{\"Id\":null}],\"statistics\":{\"returnRows\":2}}"));
        try (SqlClient c = client(server, ok)) {
            List<String> rows = c.sql("show processlist").list(r -> r.get(1, Long.class) + "/" + r.getString(2));
            assertThat(rows).containsExactly("7/h1", "null/null");
        }
    }

    @Test
    void explainIsOneRowPerPlanLine() {
        server.enqueue(ndjson(fixture("real/fe_test_explain.json")));
        try (SqlClient c = client(server, ok)) {
            List<String> lines = c.sql(" explain select * from testDb.testTbl;").list(r -> r.getString(1));
            assertThat(lines).startsWith("PLAN FRAGMENT 0", " OUTPUT EXPRS:1: k1 | 2: k2").endsWith("     avgRowSize=2.0");
            assertThat(lines).hasSize(15);
        }
    }

    @Test
    void killHasAnEmptyBodyAndNoRows() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
                .setHeader("Content-Type", TestSupport.NDJSON).body("").build());
        try (SqlClient c = client(server, ok)) {
            var result = c.sql("kill 17").execute();
            assertThat(result.rowsReturned()).isZero();
        }
        assertThat(take(server).getBody().utf8()).isEqualTo("{\"query\":\"kill 17\"}");
    }

    @Test
    void sessionSettingsAndStatementSettingsAreSentAsStrings() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok); SqlSession s = c.openSession()) {
            s.sql("SET query_timeout = 30").execute();
            s.sql("select 1").setting("pipeline_dop", "2").list(r -> r.getInt(1));
        }
        RecordedRequest r = take(server);
        assertThat(r.getBody().utf8()).isEqualTo(
                "{\"query\":\"select 1\",\"sessionVariables\":{\"query_timeout\":\"30\",\"pipeline_dop\":\"2\"}}");
        assertThat(r.getHeaders().get("Connection")).isEqualToIgnoringCase("close");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
