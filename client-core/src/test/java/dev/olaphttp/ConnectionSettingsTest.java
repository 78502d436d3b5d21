package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import dev.olaphttp.testdialect.LineProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Pool, proxies and extra headers set on the builder or in the DSN, without borrowing an OkHttpClient. */
class ConnectionSettingsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private SqlClient.Builder client() {
        return SqlClient.builder().dialect(new LineDialect()).resilience(ResiliencePolicy.noRetries());
    }

    private void enqueueRow(long n) {
        server.enqueue(new MockResponse.Builder().body(LineProtocol.body("n:INT64", LineProtocol.row(n))).build());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anHttpProxyGetsAbsoluteUriRequestsWithItsCredentials() throws Exception {
        enqueueRow(7);
        ProxyOptions proxy = ProxyOptions.http(server.getHostName(), server.getPort()).withCredentials("me", "s3cret");
        SqlClient.Builder b = client().endpoint("http://db.example.invalid:8123").proxy(proxy);
        assertThat(b.toString()).doesNotContain("s3cret");
        assertThat(proxy.toString()).doesNotContain("s3cret").contains("password=****");
        try (SqlClient c = b.build()) {
            long n = c.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(7L);
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getTarget()).startsWith("http://db.example.invalid:8123/");
        assertThat(r.getHeaders().get("Proxy-Authorization")).isEqualTo(basic("me", "s3cret"));
    }

    @Test
    void theDsnSetsProxyHeadersAndPoolAndTheDialectNeverSeesThem() throws Exception {
        enqueueRow(1);
        String dsn = "linetest://db.example.invalid:8123/?proxy=http://" + server.getHostName() + ":" + server.getPort()
                + "&proxy_user=me&proxy_password=p%40ss&header.X-Tenant=acme&pool_max_idle=2&pool_keep_alive=500ms"
                + "&setting_max_threads=4";
        java.util.List<java.util.Set<String>> seen = new java.util.ArrayList<>();
        LineDialect line = new LineDialect();
        dev.olaphttp.spi.Dialect recording = new dev.olaphttp.spi.Dialect() {
            @Override
            public String id() {
                return line.id();
            }

            @Override
            public java.util.Set<String> schemes() {
                return line.schemes();
            }

            @Override
            public void configure(Dsn parsed, SqlClient.Builder builder) {
                seen.add(parsed.params().keySet());
                line.configure(parsed, builder);
            }

            @Override
            public dev.olaphttp.spi.ErrorClassifier errorClassifier() {
                return line.errorClassifier();
            }

            @Override
            public dev.olaphttp.spi.DialectClient open(dev.olaphttp.spi.ClientContext context) {
                return line.open(context);
            }
        };
        try (SqlClient c = SqlClient.builder().dialect(recording).resilience(ResiliencePolicy.noRetries())
                .dsn(dsn).build()) {
            long n = c.sql("SELECT 1").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(1L);
        }
        assertThat(seen).containsExactly(java.util.Set.of("setting_max_threads"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getTarget()).startsWith("http://db.example.invalid:8123/");
        assertThat(r.getHeaders().get("Proxy-Authorization")).isEqualTo(basic("me", "p@ss"));
        assertThat(r.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(r.getUrl().queryParameter("setting_max_threads")).isEqualTo("4");
    }

    @Test
    void extraHeadersAreSentButTheDialectsOwnHeadersWin() throws Exception {
        enqueueRow(1);
        try (SqlClient c = client().endpoint(server.url("/").toString())
                .header("X-Tenant", "acme").header("User-Agent", "mine").build()) {
            c.sql("SELECT 1").single(r -> r.getLong(1));
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(r.getHeaders().get("User-Agent")).startsWith("olaphttp/");
        assertThat(r.getHeaders().get("Proxy-Authorization")).isNull();
    }

    @Test
    void badHeadersAreRefusedAtTheBuilderWithoutQuotingTheValue() {
        assertThatThrownBy(() -> client().header("X-Evil", "a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF")
                .hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> client().header("X-Evil", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().header("Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().header("Authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials(");
        assertThatThrownBy(() -> client().header("accept-encoding", "gzip")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().dsn("linetest://h:1/?header.X-A=a%0D%0AB:%201"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("B: 1");
    }

    @Test
    void maxIdleZeroOpensAConnectionPerStatementWhileTheDefaultPoolReusesOne() throws Exception {
        for (int i = 0; i < 4; i++) {
            enqueueRow(i);
        }
        try (SqlClient pooled = client().endpoint(server.url("/").toString()).build()) {
            pooled.sql("SELECT 0").single(r -> r.getLong(1));
            pooled.sql("SELECT 1").single(r -> r.getLong(1));
        }
        int first = server.takeRequest().getConnectionIndex();
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(first);
        try (SqlClient unpooled = client().endpoint(server.url("/").toString())
                .connectionPool(0, java.time.Duration.ofSeconds(2)).build()) {
            unpooled.sql("SELECT 2").single(r -> r.getLong(1));
            unpooled.sql("SELECT 3").single(r -> r.getLong(1));
        }
        int third = server.takeRequest().getConnectionIndex();
        assertThat(server.takeRequest().getConnectionIndex()).isNotEqualTo(third);
    }

    @Test
    void poolAndProxyAreRefusedWithABorrowedClientAndBadValuesFailClearly() {
        okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
        assertThatThrownBy(() -> client().endpoint("http://h:1").httpClient(dev.olaphttp.okhttp.OkHttpAdapter.borrow(shared))
                .proxy(ProxyOptions.http("p", 3128)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("borrowed");
        assertThatThrownBy(() -> client().connectionPool(-1, java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().dsn("linetest://h:1/?pool_keep_alive=soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool_keep_alive");
        assertThatThrownBy(() -> ProxyOptions.parse("ftp://p:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyOptions.socks("p", 1080).withCredentials("u", "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.net.Authenticator");
        assertThat(ProxyOptions.parse("socks5://[::1]:1080").host()).isEqualTo("::1");
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void aSocksProxyIsSpokenTo() throws Exception {
        AtomicInteger firstByte = new AtomicInteger(-1);
        CountDownLatch greeted = new CountDownLatch(1);
        try (ServerSocket socks = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = socks.accept(); InputStream in = s.getInputStream()) {
                    firstByte.set(in.read());
                    greeted.countDown();
                } catch (IOException e) {
                    greeted.countDown();
                }
            });
            t.start();
            try (SqlClient c = client().endpoint("http://db.example.invalid:8123")
                    .proxy(ProxyOptions.parse("socks5://127.0.0.1:" + socks.getLocalPort())).build()) {
                assertThatThrownBy(() -> c.sql("SELECT 1").single(r -> r.getLong(1)))
                        .isInstanceOf(TransportException.class);
            }
            assertThat(greeted.await(10, TimeUnit.SECONDS)).isTrue();
            t.join(10_000);
        }
        assertThat(firstByte.get()).as("SOCKS version byte of the greeting").isEqualTo(5);
    }
}
