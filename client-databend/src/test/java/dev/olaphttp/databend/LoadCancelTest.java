package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.Insert;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.SqlClient;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Insert.cancel() during the stage upload: the upload is aborted, the staged file removed, the pool clean. */
class LoadCancelTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final LoadServer db = new LoadServer();

    @BeforeEach
    void dispatch() {
        server.setDispatcher(db);
    }

    @Test
    void cancellingMidUploadAbortsItRemovesTheStagedFileAndThrowsCancelled() throws Exception {
        CountDownLatch uploading = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Iterable<Object[]> endless = () -> new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                if (n == 1000) {
                    uploading.countDown();
                    await(cancelled); // hold the upload open until the test cancelled it
                }
                return true;
            }

            @Override
            public Object[] next() {
                n++;
                return new Object[] {n, "row " + n};
            }
        };
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http)) {
            Insert insert = client.insert("t").label("cancel-me");
            CompletableFuture<Throwable> load = CompletableFuture.supplyAsync(() -> {
                try {
                    insert.rows(endless);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(uploading.await(5, TimeUnit.SECONDS)).as("the upload started").isTrue();
            insert.cancel();
            cancelled.countDown();
            Throwable thrown = load.get(5, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(QueryCancelledException.class);
            ErrorTest.assertNoConnectionInUse(http);
        }
        assertThat(db.kinds).as("the cut upload never reached the dispatcher; no INSERT")
                .containsExactly("SCHEMA", "REMOVE");
        assertThat(body(db.first("REMOVE"))).startsWith("{\"sql\":\"REMOVE @~/olaphttp/load/cancel-me.ndjson\",");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
