package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.Query;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.SqlClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Query.cancel() while POST /v1/query still waits: the call is aborted and the query killed by its id. */
class CancelBeforeResponseTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /**
     * Answers by path: the POST stalls until the test ends, a kill answers at once. Not the queue: MockWebServer
     * records a request before it takes the request's response, so the kill could take the stalled POST's.
     */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void release() {
        release.countDown();
    }

    private void stallThePost(MockResponse answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if (r.getTarget().equals("/v1/query")) {
                    release.await(30, TimeUnit.SECONDS);
                    return answer;
                }
                return TestServer.empty200();
            }
        });
    }

    @Test
    void cancelWhileThePostWaitsAbortsItAndKillsTheQueryById() throws Exception {
        stallThePost(resp().id("q1").state("Running").next("page/1").ok());
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http)) {
            Query q = client.sql("SELECT sleep(100)");
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    q.execute();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            RecordedRequest post = take(server);
            assertThat(post.getTarget()).isEqualTo("/v1/query");
            long t0 = System.nanoTime();
            q.cancel();
            Throwable thrown = run.get(5, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("not the 20 s delay").isLessThan(5);
            assertThat(thrown).isInstanceOf(QueryCancelledException.class);
            RecordedRequest kill = take(server);
            assertThat(kill.getMethod() + " " + kill.getTarget()).isEqualTo("POST /v1/query/q1/kill");
            assertThat(kill.getHeaders().get("Cookie")).isEqualTo(post.getHeaders().get("Cookie"));
            ErrorTest.assertNoConnectionInUse(http);
        }
        assertThat(server.getRequestCount()).as("no final, page or second kill").isEqualTo(2);
    }

    @Test
    void aQueryIdThatIsNotAPathSegmentIsEncodedInTheKillPath() throws Exception {
        stallThePost(resp().id("q1").ok());
        try (SqlClient client = TestServer.client(server, "")) {
            Query q = client.sql("SELECT 1").queryId("a/b c");
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    q.execute();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            take(server);
            q.cancel();
            assertThat(run.get(5, TimeUnit.SECONDS)).isInstanceOf(QueryCancelledException.class);
            assertThat(take(server).getTarget()).isEqualTo("/v1/query/a%2Fb%20c/kill");
        }
    }

    @Test
    void aCancelAfterTheResponseUsesTheKillUriNotTheId() throws Exception {
        server.enqueue(resp().id("srv-1").state("Running").schema("[{\"name\":\"n\",\"type\":\"UInt64\"}]")
                .data("[[\"1\"]]").next("page/1").ok());
        server.enqueue(TestServer.empty200());
        server.enqueue(TestServer.finalOk("srv-1"));
        try (SqlClient client = TestServer.client(server, "")) {
            Query q = client.sql("SELECT n");
            try (var c = q.stream()) {
                assertThat(c.next()).isTrue();
                q.cancel();
            }
        }
        take(server);
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/srv-1/kill");
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/srv-1/final");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
