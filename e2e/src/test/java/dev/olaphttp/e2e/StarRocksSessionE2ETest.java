package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.Query;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.TestServerExtension;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StarRocks sessions: SET and USE kept by the client and sent with every statement (variables in the body, catalog
 * and database in the path), and variables never leaking through the FE's per-connection state to other requests.
 */
class StarRocksSessionE2ETest {
    @RegisterExtension
    final TestServerExtension<StarRocksTestServer> sr =
            TestServerExtension.of(() -> new StarRocksTestServer().addCatalog("hive"));

    @Test
    void setAndUseAreSentWithEveryLaterStatementOfTheSession() {
        try (SqlClient client = SqlClient.connect(StarRocksQueryE2ETest.dsn(sr.server(), "shop"));
                SqlSession s = client.openSession()) {
            s.sql("SET query_timeout = 60").execute();
            s.sql("USE sales").execute();
            assertThat(text(s.sql("SELECT database()"))).isEqualTo("sales");
            assertThat(text(s.sql("SELECT @@query_timeout"))).isEqualTo("60");

            RecordedRequest sent = last("SELECT database()");
            assertThat(sent.path()).isEqualTo("/api/v1/catalogs/default_catalog/databases/sales/sql");
            assertThat(sent.bodyUtf8()).containsPattern(variable("query_timeout", "60"));
            assertThat(sent.header("Connection")).as("a connection given variables is not reused")
                    .isEqualToIgnoringCase("close");
            assertThat(s.state().database()).contains("sales");
            assertThat(s.state().settings()).containsEntry("query_timeout", "60");
        }
    }

    @Test
    void useCatalogDatabaseAndSetCatalogChangeThePath() {
        try (SqlClient client = SqlClient.connect(StarRocksQueryE2ETest.dsn(sr.server(), "shop"));
                SqlSession s = client.openSession()) {
            s.sql("USE hive.logs").execute();
            s.sql("SELECT 1").execute();
            assertThat(last("SELECT 1").path()).isEqualTo("/api/v1/catalogs/hive/databases/logs/sql");
            s.sql("SET CATALOG default_catalog").execute();
            s.sql("SELECT 2").execute();
            assertThat(last("SELECT 2").path()).as("SET CATALOG clears the database")
                    .isEqualTo("/api/v1/catalogs/default_catalog/sql");
        }
    }

    @Test
    void aSessionsVariablesNeverReachOtherStatementsThroughPooledConnections() {
        try (SqlClient client = SqlClient.connect(StarRocksQueryE2ETest.dsn(sr.server(), "shop"))) {
            for (int round = 0; round < 3; round++) {
                try (SqlSession s = client.openSession()) {
                    s.sql("SET query_timeout = 61").execute();
                    assertThat(text(s.sql("SELECT @@query_timeout"))).isEqualTo("61");
                }
                String seen = client.sql("SELECT @@query_timeout").single(r -> r.getString(1));
                assertThat(seen).as("round " + round + ": the FE's connection state outside the session")
                        .isNotEqualTo("61");
            }
        }
        List<RecordedRequest> plain = E2e.requestsWith(sr.server(), "SELECT @@query_timeout").stream()
                .filter(r -> !r.bodyUtf8().contains("sessionVariables")).toList();
        assertThat(plain).hasSize(3);
    }

    @Test
    void dsnVariablesGoWithEveryStatement() {
        String dsn = StarRocksQueryE2ETest.dsn(sr.server(), "shop") + "?var.query_mem_limit=1000";
        try (SqlClient client = SqlClient.connect(dsn)) {
            assertThat(text(client.sql("SELECT @@query_mem_limit"))).isEqualTo("1000");
            client.sql("SELECT 3").execute();
        }
        assertThat(last("SELECT 3").bodyUtf8()).containsPattern(variable("query_mem_limit", "1000"));
    }

    private static String text(Query q) {
        return q.single(r -> r.getString(1));
    }

    private RecordedRequest last(String sql) {
        List<RecordedRequest> all = E2e.requestsWith(sr.server(), sql);
        assertThat(all).as("requests with " + sql).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static Pattern variable(String name, String value) {
        return Pattern.compile("\"sessionVariables\"\\s*:\\s*\\{[^}]*\"" + Pattern.quote(name) + "\"\\s*:\\s*\""
                + Pattern.quote(value) + "\"");
    }
}
