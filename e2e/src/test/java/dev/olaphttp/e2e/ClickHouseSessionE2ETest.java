package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.TestServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ClickHouse sessions: client-side USE/SET carried as URL parameters, server sessions, and their 373 locking. */
class ClickHouseSessionE2ETest {
    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseQueryE2ETest::modern);

    @Test
    void clientSessionsCarryUseAndSetAsParametersOfEveryLaterStatement() {
        try (SqlClient client = SqlClient.connect(ClickHouseQueryE2ETest.dsn(ch.server(), "max_threads=3"));
                SqlSession s = client.openSession()) {
            s.sql("USE sales").execute();
            s.sql("SET max_block_size = 4096, join_use_nulls = 1").execute();
            long one = s.sql("SELECT 1").single(r -> r.getLong(1));
            assertThat(one).isEqualTo(1L);

            assertThat(E2e.requestsWith(ch.server(), "USE sales")).as("USE is kept by the client").isEmpty();
            assertThat(E2e.requestsWith(ch.server(), "SET max_block_size")).as("so is SET").isEmpty();
            RecordedRequest sent = last("SELECT 1");
            assertThat(sent.queryParam("database")).isEqualTo("sales");
            assertThat(sent.queryParam("max_block_size")).isEqualTo("4096");
            assertThat(sent.queryParam("join_use_nulls")).isEqualTo("1");
            assertThat(sent.queryParam("max_threads")).as("DSN setting").isEqualTo("3");
            assertThat(sent.queryParam("session_id")).isNull();
            assertThat(s.state().database()).contains("sales");
            assertThat(s.state().settings()).containsEntry("max_block_size", "4096");

            client.sql("SELECT 2").execute();
            RecordedRequest outside = last("SELECT 2");
            assertThat(outside.queryParam("max_block_size")).as("not outside the session").isNull();
            assertThat(outside.queryParam("database")).isNotEqualTo("sales");
        }
    }

    @Test
    void serverSessionsSendUseAndSetToTheirSessionAndKeepItsId() {
        try (SqlClient client = SqlClient.connect(ClickHouseQueryE2ETest.dsn(ch.server(), "session=server"));
                SqlSession s = client.openSession()) {
            s.sql("SET max_block_size = 777").execute();
            s.sql("SELECT 3").execute();
            String id = s.state().serverSessionId().orElseThrow();
            List<RecordedRequest> sent = List.of(last("SET max_block_size"), last("SELECT 3"));
            assertThat(sent).allSatisfy(r -> assertThat(r.queryParam("session_id")).isEqualTo(id));
            assertThat(ch.server().sessionSettings("default", id)).containsEntry("max_block_size", "777");

            try (SqlSession other = client.openSession()) {
                other.sql("SELECT 4").execute();
                assertThat(other.state().serverSessionId()).isPresent().isNotEqualTo(s.state().serverSessionId());
            }
        }
    }

    @Test
    void aSecondStatementInABusyServerSessionFailsWith373AndWorksOnceItIsFree() {
        SessionState shared = SessionState.empty().withServerSessionId("e2e-shared");
        try (SqlClient client = SqlClient.connect(ClickHouseQueryE2ETest.dsn(ch.server(), ""));
                SqlSession first = client.openSession(shared);
                SqlSession second = client.openSession(shared)) {
            RowCursor busy = first.sql("SELECT number FROM numbers(50000000)").stream();
            assertThat(busy.next()).isTrue();
            assertThatThrownBy(() -> second.sql("SELECT 5").execute())
                    .isInstanceOfSatisfying(QueryFailedException.class,
                            e -> assertThat(e.details().errorCode()).hasValue(373));
            busy.close();
            E2e.awaitTrue(() -> {
                try {
                    second.sql("SELECT 6").execute();
                    return true;
                } catch (QueryFailedException stillLocked) {
                    return false;
                }
            }, Duration.ofSeconds(5));
            assertThat(E2e.requestsWith(ch.server(), "SELECT 6")).isNotEmpty();
            long seven = second.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(seven).as("the session is usable again").isEqualTo(7L);
        }
    }

    private RecordedRequest last(String sql) {
        List<RecordedRequest> all = E2e.requestsWith(ch.server(), sql);
        assertThat(all).as("requests with " + sql).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
