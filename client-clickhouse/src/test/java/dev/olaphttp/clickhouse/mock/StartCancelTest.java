package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.Query;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement cancelled while {@code start()} still waits for the response headers (old servers send them only
 * after 1 MiB of result or at its end) unblocks, is killed on the server, and leaves no connection busy; a result
 * whose header or rows cannot be decoded leaves no connection busy either.
 */
class StartCancelTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    MockCh ch;
    SqlClient client;

    @BeforeEach
    void setUp() {
        ch = new MockCh(server);
        client = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "18.16").build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void cancelWhileWaitingForHeadersUnblocksAndKills() throws Exception {
        ch.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("1\n").build());
        Query q = client.sql("SELECT count() FROM big").queryId("slow-1");
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> q.list(r -> r.getLong(1)));
        while (ch.statements.isEmpty()) {
            Thread.sleep(10); // the request reached the server; its headers are 30 s away
        }
        q.cancel();
        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QueryCancelledException.class);
        assertThat(ch.awaitKill("slow-1")).isTrue();
        assertThat(ch.kills).hasSize(1);
    }

    @Test
    void anUndecodableHeaderOrRowFreesTheConnection() {
        // 18.16 reads TabSeparatedWithNamesAndTypes: an unknown type in the header, then a row that does not parse
        ch.enqueue(new MockResponse.Builder().body("x\nNoSuchType(\n1\n").build());
        assertThatThrownBy(() -> client.sql("SELECT x FROM t").list(r -> r.getLong(1)))
                .isInstanceOf(ProtocolException.class);
        ch.enqueue(new MockResponse.Builder().body("x\nUInt8\n1\nnot-a-number\n" + "2\n".repeat(50_000)).build());
        assertThatThrownBy(() -> client.sql("SELECT x FROM t").list(r -> r.getLong(1)))
                .isInstanceOf(ProtocolException.class);
        ch.enqueue(new MockResponse.Builder().addHeader("X-ClickHouse-Timezone", "Mars/Olympus").body("x\nUInt8\n1\n")
                .build());
        assertThatThrownBy(() -> client.sql("SELECT x FROM t").list(r -> r.getLong(1)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown time zone in X-ClickHouse-Timezone");
        assertThat(ch.poolIdle()).isTrue();
        ch.enqueue(new MockResponse.Builder().body("x\nUInt8\n7\n").build());
        assertThat(client.sql("SELECT x FROM t").list(r -> r.getLong(1))).containsExactly(7L);
    }
}
