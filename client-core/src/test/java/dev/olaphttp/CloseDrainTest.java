package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Closing the client right after a cancel still sends the KILL the dialect queued; periodic tasks stop. */
class CloseDrainTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** A dialect that queues a "kill" request on the client's scheduler, as ClickHouse and StarRocks do. */
    static final class QueueingDialect implements dev.olaphttp.spi.Dialect {
        final AtomicReference<ClientContext> context = new AtomicReference<>();

        @Override
        public String id() {
            return "queueing";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("queueing");
        }

        @Override
        public void configure(Dsn dsn, SqlClient.Builder builder) {}

        @Override
        public ErrorClassifier errorClassifier() {
            return ErrorClassifier.standard();
        }

        @Override
        public DialectClient open(ClientContext ctx) {
            context.set(ctx);
            return new DialectClient() {
                @Override
                public QueryExecution start(StatementRequest request) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        void queueKill() {
            ClientContext ctx = context.get();
            ctx.scheduler().execute(() -> {
                try (HttpResponse r = ctx.transport().execute(HttpCall.builder("POST", "/kill").build())) {
                    r.status();
                }
            });
        }
    }

    @Test
    void aQueuedKillIsSentBeforeTheTransportCloses() throws Exception {
        server.enqueue(new MockResponse.Builder().body("").build());
        QueueingDialect d = new QueueingDialect();
        SqlClient client = SqlClient.builder().dialect(d).endpoint(server.url("/").toString()).build();
        d.queueKill();
        client.close(); // right after: the kill must still go out
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull().extracting(r -> r.getTarget()).isEqualTo("/kill");
    }

    @Test
    void periodicTasksStopAtClose() throws Exception {
        QueueingDialect d = new QueueingDialect();
        SqlClient client = SqlClient.builder().dialect(d).endpoint(server.url("/").toString()).build();
        AtomicBoolean ranAfterClose = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        d.context.get().scheduler().scheduleAtFixedRate(() -> {
            if (closed.get()) {
                ranAfterClose.set(true);
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
        client.close();
        closed.set(true);
        // the periodic task was dropped, not left running: the scheduler has terminated when close returns
        assertThat(d.context.get().scheduler().isTerminated()).isTrue();
        Thread.sleep(100);
        assertThat(ranAfterClose).isFalse();
    }
}
