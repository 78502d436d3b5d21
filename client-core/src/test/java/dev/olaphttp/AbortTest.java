package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.internal.ClientTransport;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpResponse#abort()} never lets the connection be reused, while {@code close()} may drain a short
 * remainder back into the pool. StarRocks kills by connection id, so its early close must abort.
 */
class AbortTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private ClientTransport client;
    private HttpTransport transport;

    @BeforeEach
    void setUp() {
        client = ClientTransport.create(
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                TlsOptions.defaults(),
                dev.olaphttp.internal.HttpSettings.defaults(),
                List.of(Endpoint.parse(server.url("/").toString())),
                Credentials.none(),
                ResiliencePolicy.noRetries(),
                ErrorClassifier.standard(),
                "test",
                QueryListener.NONE,
                dev.olaphttp.TraceContextSupplier.NONE);
        transport = client.transport();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private int connectionOfAFollowUpAfter(boolean abort) throws IOException, InterruptedException {
        server.enqueue(new MockResponse.Builder().chunkedBody("row1\nrow2\nrow3\n", 5).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        HttpResponse first = transport.execute(HttpCall.builder("GET", "/first").build());
        assertThat(first.body().read()).isEqualTo('r'); // read a little, leave a short remainder
        if (abort) {
            first.abort();
        } else {
            first.close();
        }
        try (HttpResponse second = transport.execute(HttpCall.builder("GET", "/second").build())) {
            assertThat(new String(second.body().readAllBytes())).isEqualTo("next");
        }
        int firstConnection = server.takeRequest().getConnectionIndex();
        int secondConnection = server.takeRequest().getConnectionIndex();
        return secondConnection - firstConnection;
    }

    @Test
    void closeMayReuseTheConnectionOfAShortRemainder() throws Exception {
        // the control: proves the test can tell reuse from a new connection
        assertThat(connectionOfAFollowUpAfter(false)).isZero();
    }

    @Test
    void abortNeverReusesTheConnection() throws Exception {
        assertThat(connectionOfAFollowUpAfter(true)).isNotZero();
    }

    @Test
    void abortIsIdempotentAndSafeAfterClose() throws Exception {
        server.enqueue(new MockResponse.Builder().body("x").build());
        HttpResponse r = transport.execute(HttpCall.builder("GET", "/x").build());
        r.close();
        r.abort();
        r.abort();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/x");
    }
}
