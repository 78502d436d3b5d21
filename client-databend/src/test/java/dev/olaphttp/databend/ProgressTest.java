package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.QueryInfo;
import dev.olaphttp.QueryListener;
import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";

    private static String stats(long scanRows, long scanBytes, long resultRows, long runningMs) {
        return "{\"scan_progress\":{\"rows\":" + scanRows + ",\"bytes\":" + scanBytes + "},"
                + "\"write_progress\":{\"rows\":0,\"bytes\":0},"
                + "\"result_progress\":{\"rows\":" + resultRows + ",\"bytes\":" + resultRows * 8 + "},"
                + "\"total_scan\":{\"rows\":1000,\"bytes\":8000},"
                + "\"spill_progress\":{\"file_nums\":0,\"bytes\":0},\"running_time_ms\":" + runningMs + "}";
    }

    /** Records each progress event with the number of rows the reader had seen when it came. */
    private static final class Recording implements QueryListener {
        final List<QueryStats> progress = new CopyOnWriteArrayList<>();
        final List<String> queryIds = new CopyOnWriteArrayList<>();
        final List<Integer> rowsSeenAt = new CopyOnWriteArrayList<>();
        volatile int rowsSeen;

        @Override
        public void onProgress(QueryInfo query, QueryStats stats) {
            progress.add(stats);
            queryIds.add(query.queryId());
            rowsSeenAt.add(rowsSeen);
        }
    }

    @Test
    void eachPageAndRunningLongPollReportsItsProgress() throws Exception {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"]]").stats(stats(100, 800, 1, 5))
                .next("page/1").ok());
        server.enqueue(resp().state("Running").schema(NUMBER).data("[]").stats(stats(500, 4000, 1, 1005))
                .next("page/1").ok()); // a long poll that timed out without rows repeats the page
        server.enqueue(resp().state("Succeeded").schema(NUMBER).data("[[\"2\"],[\"3\"]]")
                .stats(stats(1000, 8000, 3, 2010)).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        Recording listener = new Recording();
        try (SqlClient client = TestServer.builder(server, "login=disable").listener(listener).build();
                RowCursor c = client.sql("SELECT number").stream()) {
            int rows = 0;
            while (c.next()) {
                listener.rowsSeen = ++rows;
            }
            assertThat(rows).isEqualTo(3);
        }
        assertThat(listener.progress).hasSizeGreaterThanOrEqualTo(3);
        assertThat(listener.queryIds).containsOnly("q1");
        QueryStats first = listener.progress.get(0);
        assertThat(first.rowsRead()).isEqualTo(100);
        assertThat(first.bytesRead()).isEqualTo(800);
        assertThat(first.resultRows()).isEqualTo(1);
        assertThat(first.elapsed()).isEqualTo(Duration.ofMillis(5));
        QueryStats poll = listener.progress.get(1);
        assertThat(poll.rowsRead()).isEqualTo(500);
        assertThat(poll.elapsed()).isEqualTo(Duration.ofMillis(1005));
        assertThat(poll.extra()).containsEntry("state", "Running");
        QueryStats last = listener.progress.get(2);
        assertThat(last.rowsRead()).isEqualTo(1000);
        assertThat(last.bytesRead()).isEqualTo(8000);
        assertThat(last.resultRows()).isEqualTo(3);
        assertThat(last.extra()).containsEntry("state", "Succeeded");
        // events arrive as pages are fetched lazily, not all up front
        assertThat(listener.rowsSeenAt.subList(0, 3)).containsExactly(0, 1, 1);
    }

    @Test
    void aThrowingListenerDoesNotBreakTheResult() {
        server.enqueue(resp().schema(NUMBER).data("[[\"1\"],[\"2\"]]").stats(stats(2, 16, 2, 1)).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        QueryListener throwing = new QueryListener() {
            @Override
            public void onProgress(QueryInfo query, QueryStats progress) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (SqlClient client = TestServer.builder(server, "login=disable").listener(throwing).build()) {
            assertThat(client.sql("SELECT number").list(r -> r.getLong(1))).containsExactly(1L, 2L);
        }
    }
}
