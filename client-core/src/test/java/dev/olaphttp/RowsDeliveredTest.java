package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * D17 (core): whatever breaks after N rows, and however the caller reads (cursor, Stream, list, forEach), the
 * exception the caller sees says {@code rowsDelivered() == N}.
 */
class RowsDeliveredTest {
    private static final int N = 3;
    private static final ErrorDetails D = ErrorDetails.of("scripted", "q");

    /** Each way a result can break after N rows: in advance(), in a getter (lazy decoding) or in schema(). */
    private static List<Function<Integer, RuntimeException>> failures() {
        return List.of(
                n -> new ResultInterruptedException("cut", null, D, 0), // a dialect's own (wrong) count is overwritten
                n -> new QueryFailedException("mid-stream error", D),
                n -> new ProtocolException("garbage", null, D),
                n -> new TransportException("reset", null, D, true),
                n -> new QueryTimeoutException("slow", null, D),
                n -> new QueryCancelledException("cancelled", D),
                n -> new IllegalStateException("a dialect bug"),
                n -> new IllegalArgumentException("another"));
    }

    /** N rows of one BIGINT column, then {@code failure} from advance(), or from the getter when {@code lazy}. */
    private static final class Breaking implements QueryExecution, RowValues {
        private final StatementRequest request;
        private final RuntimeException failure;
        private final boolean lazy;
        private int row;

        Breaking(StatementRequest request, RuntimeException failure, boolean lazy) {
            this.request = request;
            this.failure = failure;
            this.lazy = lazy;
        }

        @Override
        public String queryId() {
            return request.queryId();
        }

        @Override
        public Schema schema() {
            return Schema.of(List.of(new Column("n", SqlType.builder(TypeKind.INT64).name("Int64").build())));
        }

        @Override
        public boolean advance() {
            if (row == N + (lazy ? 1 : 0)) {
                throw failure;
            }
            row++;
            return true;
        }

        @Override
        public RowValues row() {
            return this;
        }

        @Override
        public SessionDelta sessionDelta() {
            return SessionDelta.none();
        }

        @Override
        public QueryStats stats() {
            return QueryStats.unknown();
        }

        @Override
        public void cancel() {}

        @Override
        public void close() {}

        @Override
        public boolean isNull(int column) {
            return false;
        }

        @Override
        public long getLong(int column) {
            if (lazy && row == N + 1) {
                throw failure; // the row's value could not be read: the stream broke under it
            }
            return row;
        }

        @Override
        public double getDouble(int column) {
            return row;
        }

        @Override
        public Object getObject(int column) {
            return (long) getLong(column);
        }
    }

    private static SqlClient client(RuntimeException failure, boolean lazy) {
        return SqlClient.builder()
                .dialect(new ScriptedDialect(context -> (DialectClient) request -> new Breaking(request, failure, lazy)))
                .endpoint("http://127.0.0.1:9")
                .build();
    }

    /** The ways a caller reads; each returns the rows it saw before the failure (or throws). */
    private static final List<ToLongFunction<SqlClient>> READERS = List.of(
            c -> {
                long seen = 0;
                try (RowCursor cursor = c.sql("SELECT n").stream()) {
                    while (cursor.next()) {
                        cursor.getLong(1);
                        seen++;
                    }
                }
                return seen;
            },
            c -> {
                try (Stream<Long> s = c.sql("SELECT n").stream(r -> r.getLong(1))) {
                    return s.count();
                }
            },
            c -> c.sql("SELECT n").list(r -> r.getLong(1)).size(),
            c -> c.sql("SELECT n").mapTo(Rec.class).list().size(),
            c -> {
                List<Long> seen = new ArrayList<>();
                c.sql("SELECT n").forEach(r -> seen.add(r.getLong(1)));
                return seen.size();
            },
            c -> c.sql("SELECT n").execute().rowsReturned());

    record Rec(long n) {}

    @Test
    void everyFailureAfterNRowsSaysNWhicheverWayTheCallerReads() {
        for (boolean lazy : new boolean[] {false, true}) {
            for (Function<Integer, RuntimeException> make : failures()) {
                for (int reader = 0; reader < READERS.size(); reader++) {
                    RuntimeException failure = make.apply(N);
                    String what = failure.getClass().getSimpleName() + (lazy ? " in a getter" : " in advance()")
                            + ", reader " + reader;
                    if (lazy && reader == READERS.size() - 1) {
                        continue; // execute() reads no values
                    }
                    ToLongFunction<SqlClient> read = READERS.get(reader);
                    Throwable t;
                    try (SqlClient c = client(failure, lazy)) {
                        t = catchThrowable(() -> read.applyAsLong(c));
                    }
                    assertThat(t).as(what).isInstanceOf(SqlClientException.class);
                    SqlClientException e = (SqlClientException) t;
                    long expected = lazy ? N + 1 : N; // a getter fails on row N+1, which the caller was handed
                    assertThat(e.rowsDelivered()).as(what).isEqualTo(expected);
                    if (!(failure instanceof SqlClientException)) {
                        assertThat(e).as(what).isInstanceOf(ProtocolException.class).hasCause(failure);
                    }
                }
            }
        }
    }
}
