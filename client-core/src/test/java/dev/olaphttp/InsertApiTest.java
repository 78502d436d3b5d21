package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.InsertRequest;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk-load API: what reaches the dialect, and how rows are pulled. */
class InsertApiTest {
    record Order(long id, String customerName, BigDecimal amount) {}

    /** A dialect whose insert drains the rows and records what it saw. */
    static class CapturingDialect implements dev.olaphttp.spi.Dialect {
        final AtomicReference<InsertRequest> seen = new AtomicReference<>();
        final List<Object[]> rows = new ArrayList<>();
        final AtomicInteger pulled = new AtomicInteger();
        String dataText;

        @Override
        public String id() {
            return "capture";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("capture");
        }

        @Override
        public void configure(Dsn dsn, SqlClient.Builder builder) {}

        @Override
        public ErrorClassifier errorClassifier() {
            return ErrorClassifier.standard();
        }

        @Override
        public DialectClient open(ClientContext context) {
            return new DialectClient() {
                @Override
                public QueryExecution start(StatementRequest request) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public InsertResult insert(InsertRequest request) {
                    seen.set(request);
                    if (request.rows() != null) {
                        while (request.rows().hasNext()) {
                            pulled.incrementAndGet();
                            rows.add(request.rows().next());
                        }
                    } else {
                        try (InputStream in = request.data().open()) {
                            dataText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return new InsertResult(rows.size(), -1, request.loadId(), request.labelOr("generated"), Map.of());
                }
            };
        }
    }

    private static SqlClient client(CapturingDialect d) {
        return SqlClient.builder().dialect(d).endpoint("http://127.0.0.1:9").database("sales").build();
    }

    @Test
    void recordsFillColumnsByNameInTheGivenOrder() {
        CapturingDialect d = new CapturingDialect();
        try (SqlClient c = client(d)) {
            InsertResult r = c.insert("sales.orders")
                    .columns("amount", "customer_name", "id")
                    .label("load-1")
                    .setting("async_insert", "1")
                    .option("max_filter_ratio", "0.1")
                    .records(List.of(new Order(1, "ada", new BigDecimal("9.50")), new Order(2, "bob", null)), Order.class);
            assertThat(r.rowsWritten()).isEqualTo(2);
            assertThat(r.label()).isEqualTo("load-1");
            InsertRequest req = d.seen.get();
            assertThat(req.table()).isEqualTo("sales.orders");
            assertThat(req.columns()).containsExactly("amount", "customer_name", "id");
            assertThat(req.settings()).containsEntry("async_insert", "1");
            assertThat(req.options()).containsEntry("max_filter_ratio", "0.1");
            assertThat(req.state().database()).contains("sales");
            assertThat(req.info().sql()).isEqualTo("INSERT INTO sales.orders");
            assertThat(d.rows.get(0)).containsExactly(new BigDecimal("9.50"), "ada", 1L);
            assertThat(d.rows.get(1)).containsExactly(null, "bob", 2L);
        }
    }

    @Test
    void recordsWithoutColumnsUseTheComponents() {
        CapturingDialect d = new CapturingDialect();
        try (SqlClient c = client(d)) {
            c.insert("orders").records(List.of(new Order(7, "cy", BigDecimal.ONE)), Order.class);
            assertThat(d.seen.get().columns()).containsExactly("id", "customerName", "amount");
            assertThat(d.seen.get().labelOr("x")).isEqualTo("x");
        }
    }

    @Test
    void unknownColumnForARecordFailsBeforeAnythingIsSent() {
        CapturingDialect d = new CapturingDialect();
        try (SqlClient c = client(d)) {
            assertThatThrownBy(() -> c.insert("orders").columns("id", "nope").records(List.of(), Order.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nope");
            assertThat(d.seen.get()).isNull();
        }
    }

    @Test
    void rowsArePulledLazilyFromAStreamWhichIsClosed() {
        CapturingDialect d = new CapturingDialect();
        AtomicInteger made = new AtomicInteger();
        boolean[] closed = {false};
        try (SqlClient c = client(d)) {
            Stream<Object[]> rows = Stream.iterate(0, i -> i + 1)
                    .limit(1000)
                    .map(i -> {
                        made.incrementAndGet();
                        return new Object[] {i};
                    })
                    .onClose(() -> closed[0] = true);
            c.insert("t").columns("n").rows(rows);
            assertThat(made.get()).isEqualTo(1000);
            assertThat(d.pulled.get()).isEqualTo(1000);
            assertThat(closed[0]).isTrue();
        }
    }

    @Test
    void fileAndStreamDataArePassedThrough(@TempDir Path dir) throws IOException {
        CapturingDialect d = new CapturingDialect();
        Path csv = Files.writeString(dir.resolve("a.csv"), "1,ada\n2,bob\n");
        try (SqlClient c = client(d)) {
            c.insert("t").from(csv, DataFormat.CSV);
            assertThat(d.dataText).isEqualTo("1,ada\n2,bob\n");
            assertThat(d.seen.get().format()).isEqualTo(DataFormat.CSV);
            assertThat(d.seen.get().data().isRepeatable()).isTrue();

            c.insert("t").from(new ByteArrayInputStream("{\"n\":1}\n".getBytes(StandardCharsets.UTF_8)), DataFormat.NDJSON);
            assertThat(d.dataText).isEqualTo("{\"n\":1}\n");
            assertThat(d.seen.get().data().isRepeatable()).isFalse();
            assertThatThrownBy(() -> d.seen.get().data().open()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void cancelFromAnotherThreadReachesTheDialectsCancellation() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        CapturingDialect d = new CapturingDialect() {
            @Override
            public DialectClient open(ClientContext context) {
                return new DialectClient() {
                    @Override
                    public QueryExecution start(StatementRequest request) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public InsertResult insert(InsertRequest request) {
                        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
                        request.cancellation().onCancel(cancelled::countDown);
                        started.countDown();
                        try {
                            if (!cancelled.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                                throw new IllegalStateException("never cancelled");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new QueryCancelledException("load cancelled", ErrorDetails.of("capture", request.loadId()));
                    }
                };
            }
        };
        try (SqlClient c = client(d)) {
            Insert insert = c.insert("t").columns("n");
            Thread canceller = new Thread(() -> {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    return;
                }
                insert.cancel();
            });
            canceller.start();
            assertThatThrownBy(() -> insert.rows(List.<Object[]>of(new Object[] {1})))
                    .isInstanceOf(QueryCancelledException.class);
            canceller.join();
        }
    }

    @Test
    void anInsertRunsOnce() {
        CapturingDialect d = new CapturingDialect();
        try (SqlClient c = client(d)) {
            Insert insert = c.insert("t").columns("n");
            insert.rows(List.<Object[]>of(new Object[] {1}));
            assertThatThrownBy(() -> insert.rows(List.<Object[]>of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void dialectsWithoutLoadingSayWhy() {
        try (SqlClient c = SqlClient.builder()
                .dialect(new CapturingDialect() {
                    @Override
                    public DialectClient open(ClientContext context) {
                        return request -> {
                            throw new UnsupportedOperationException();
                        };
                    }
                })
                .endpoint("http://127.0.0.1:9")
                .build()) {
            assertThatThrownBy(() -> c.insert("t").rows(List.<Object[]>of()))
                    .isInstanceOf(UnsupportedStatementException.class)
                    .hasMessageContaining("bulk loading")
                    .hasCauseInstanceOf(UnsupportedOperationException.class);
        }
    }
}
