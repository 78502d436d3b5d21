package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A statement that fails while being read still reports the session the server returned (Databend txn Fail). */
class FailureDeltaTest {
    /** Statements named "fail" fail in advance() and report a failed-transaction state; others succeed. */
    static final class TxnDialect implements dev.olaphttp.spi.Dialect {
        @Override
        public String id() {
            return "txn";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("txn");
        }

        @Override
        public void configure(Dsn dsn, SqlClient.Builder builder) {}

        @Override
        public ErrorClassifier errorClassifier() {
            return ErrorClassifier.standard();
        }

        @Override
        public DialectClient open(ClientContext context) {
            return request -> new Execution(request);
        }
    }

    static final class Execution implements QueryExecution {
        private final StatementRequest request;

        Execution(StatementRequest request) {
            this.request = request;
        }

        @Override
        public String queryId() {
            return request.queryId();
        }

        @Override
        public Schema schema() {
            return Schema.empty();
        }

        @Override
        public boolean advance() {
            if (request.sql().equals("fail")) {
                throw new QueryFailedException("boom", ErrorDetails.of("txn", request.queryId()));
            }
            return false;
        }

        @Override
        public RowValues row() {
            throw new IllegalStateException();
        }

        @Override
        public SessionDelta sessionDelta() {
            return SessionDelta.builder().dialectState("{\"txn\":\"Active\"}").build();
        }

        @Override
        public SessionDelta failureDelta() {
            return SessionDelta.builder().dialectState("{\"txn\":\"Fail\"}").build();
        }

        @Override
        public QueryStats stats() {
            return QueryStats.unknown();
        }

        @Override
        public void cancel() {}

        @Override
        public void close() {}
    }

    @Test
    void aFailedStatementFoldsTheFailureDeltaIntoTheSession() {
        try (SqlClient client = SqlClient.builder().dialect(new TxnDialect()).endpoint("http://127.0.0.1:9").build();
                SqlSession session = client.openSession()) {
            session.sql("BEGIN").execute();
            assertThat(session.state().dialectState()).contains("{\"txn\":\"Active\"}");
            assertThatThrownBy(() -> session.sql("fail").execute()).isInstanceOf(QueryFailedException.class);
            assertThat(session.state().dialectState()).contains("{\"txn\":\"Fail\"}");
            // one-shot statements never change the client's default state
            assertThatThrownBy(() -> client.sql("fail").execute()).isInstanceOf(QueryFailedException.class);
            assertThat(client.defaultState().dialectState()).isEmpty();
        }
    }
}
