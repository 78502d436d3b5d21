package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.Query;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 18.16 sends headers only at the end of this aggregate: a cancel while start() waits unblocks and KILLs it. */
@ExtendWith(ClickHouseServerExtension.class)
class RealServerStartCancelTest {
    @Test
    void cancelWhileTheServerComputesKillsTheQuery() throws Exception {
        try (SqlClient client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url()).build()) {
            // minutes of work on one thread if it were not killed
            Query q = client.sql("SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))")
                    .setting("max_threads", "1").queryId("ch-slow-cancel");
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> q.list(r -> r.getLong(1)));
            assertThat(waitRunning(client, true)).isTrue();
            q.cancel();
            assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(QueryCancelledException.class);
            assertThat(waitRunning(client, false)).as("killed on the server").isTrue();
        }
    }

    @Test
    void cancellingAnEndlessLoadStopsIt() throws Exception {
        try (SqlClient client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url()).build()) {
            client.sql("CREATE TABLE endless_load (id UInt64) ENGINE = Memory").execute();
            dev.olaphttp.Insert insert = client.insert("endless_load");
            java.util.concurrent.atomic.AtomicLong made = new java.util.concurrent.atomic.AtomicLong();
            Iterable<Object[]> endless = () -> java.util.stream.Stream
                    .generate(() -> new Object[] {made.incrementAndGet()}).iterator();
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> insert.rows(endless));
            while (made.get() < 200_000) {
                Thread.sleep(5);
            }
            insert.cancel();
            assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(QueryCancelledException.class);
            for (int i = 0; i < 200 && running(client, "INSERT INTO `endless_load`") > 0; i++) {
                Thread.sleep(50);
            }
            assertThat(running(client, "INSERT INTO `endless_load`")).isZero();
            // blocks received before the cancel may have been committed: never more than was generated
            assertThat(client.sql("SELECT count() FROM endless_load").list(r -> r.getLong(1)).get(0))
                    .isLessThanOrEqualTo(made.get());
        }
    }

    private static long running(SqlClient client, String prefix) {
        return client.sql("SELECT count() FROM system.processes WHERE startsWith(query, {p:String})")
                .param("p", prefix).list(r -> r.getLong(1)).get(0);
    }

    private static boolean waitRunning(SqlClient client, boolean running) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            long n = client.sql("SELECT count() FROM system.processes WHERE query_id = 'ch-slow-cancel'")
                    .list(r -> r.getLong(1)).get(0);
            if ((n > 0) == running) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
