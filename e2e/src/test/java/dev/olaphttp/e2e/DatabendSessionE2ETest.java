package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.databend.Databend;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.TestServerExtension;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Databend sessions: the client-carried session object (USE, SET, transactions, sticky routing). */
class DatabendSessionE2ETest {
    @RegisterExtension
    final TestServerExtension<DatabendTestServer> db = TestServerExtension.of(DatabendTestServer::new);

    private SqlClient client;

    @BeforeEach
    void connect() {
        client = SqlClient.connect(DatabendQueryE2ETest.dsn(db.server(), "setting.max_threads=3"));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void useAndSetAreCarriedToEveryLaterStatementOfTheSession() {
        try (SqlSession s = client.openSession()) {
            s.sql("USE sales").execute();
            s.sql("SET timezone = 'Asia/Tokyo'").execute();
            long seven = s.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(seven).isEqualTo(7L);

            assertThat(s.state().database()).contains("sales");
            assertThat(s.state().settings()).containsEntry("timezone", "Asia/Tokyo");
            String sent = lastStatement("SELECT 7").bodyUtf8();
            assertThat(sent).containsPattern(field("database", "sales"))
                    .containsPattern(field("timezone", "Asia/Tokyo"))
                    .as("DSN setting kept next to the session's").containsPattern(field("max_threads", "3"));
        }
    }

    @Test
    void aSessionsStateDoesNotLeakIntoOtherStatements() {
        try (SqlSession s = client.openSession()) {
            s.sql("USE sales").execute();
            s.sql("SET max_result_rows = 10").execute();
        }
        client.sql("SELECT 8").execute();
        try (SqlSession other = client.openSession()) {
            other.sql("SELECT 9").execute();
            assertThat(other.state().database()).isNotEqualTo(java.util.Optional.of("sales"));
        }
        for (String sql : List.of("SELECT 8", "SELECT 9")) {
            String sent = lastStatement(sql).bodyUtf8();
            assertThat(sent).doesNotContainPattern(field("database", "sales")).doesNotContain("max_result_rows");
        }
    }

    @Test
    void aSavedStateResumesInANewSession() {
        SessionState saved;
        try (SqlSession s = client.openSession()) {
            s.sql("USE archive").execute();
            saved = s.state();
        }
        try (SqlSession resumed = client.openSession(saved)) {
            resumed.sql("SELECT 10").execute();
        }
        assertThat(lastStatement("SELECT 10").bodyUtf8()).containsPattern(field("database", "archive"));
    }

    @Test
    void aTransactionIsActiveUntilCommitAndPinnedToItsNode() {
        try (SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThat(Databend.transactionState(s.state())).contains("Active");
            s.sql("SELECT 11").execute();
            RecordedRequest inTxn = lastStatement("SELECT 11");
            assertThat(inTxn.bodyUtf8()).containsPattern(field("txn_state", "Active"));
            assertThat(inTxn.header("X-DATABEND-STICKY-NODE"))
                    .as("need_sticky: statements of an active transaction go to its node")
                    .isEqualTo(db.server().nodeId());

            s.sql("COMMIT").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
            s.sql("SELECT 12").execute();
            RecordedRequest after = lastStatement("SELECT 12");
            assertThat(after.bodyUtf8()).doesNotContainPattern(field("txn_state", "Active"));
            assertThat(after.header("X-DATABEND-STICKY-NODE")).as("no longer sticky").isNull();
        }
    }

    @Test
    void aFailureInsideATransactionLeavesItFailedUntilRollback() {
        db.server().when(SqlMatcher.contains("FROM missing")).thenFail(1025, "Unknown table 'missing'");
        try (SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThatThrownBy(() -> s.sql("SELECT * FROM missing").execute())
                    .isInstanceOf(QueryFailedException.class);
            assertThat(Databend.transactionState(s.state())).contains("Fail");
            s.sql("ROLLBACK").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
        }
    }

    private RecordedRequest lastStatement(String sql) {
        List<RecordedRequest> matching = db.server().requests().stream()
                .filter(r -> r.path().startsWith("/v1/query") && r.bodyUtf8().contains(sql)).toList();
        assertThat(matching).as("requests carrying " + sql).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static Pattern field(String name, String value) {
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"");
    }
}
