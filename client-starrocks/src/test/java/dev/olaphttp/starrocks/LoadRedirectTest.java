package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.LoadSupport.AUTH;
import static dev.olaphttp.starrocks.LoadSupport.beJson;
import static dev.olaphttp.starrocks.LoadSupport.desc;
import static dev.olaphttp.starrocks.LoadSupport.redirectTo;
import static dev.olaphttp.starrocks.LoadSupport.result;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * B11: Stream Load follows the FE's redirect with the credentials only where the rule allows: never from https to
 * http unless opted in, and only to the listed hosts when a list is given. A refused redirect sends nothing.
 */
class LoadRedirectTest {
    private static final String PATH = "/api/demo/t/_stream_load";
    private static final HeldCertificate CA =
            new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();

    private final MockWebServer tlsFe = new MockWebServer();

    @StartStop
    final MockWebServer fe = new MockWebServer();

    @StartStop
    final MockWebServer be = new MockWebServer();

    private OkHttpClient ok;

    @BeforeEach
    void startTlsFe() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("localhost").build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert, CA.certificate()).build();
        tlsFe.useHttps(server.sslSocketFactory());
        tlsFe.start();
        HandshakeCertificates client = new HandshakeCertificates.Builder().addTrustedCertificate(CA.certificate()).build();
        // HTTP/1.1 as the FE speaks it (over TLS, ALPN would pick HTTP/2, where the mock sends chunk framing raw)
        ok = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).protocols(List.of(okhttp3.Protocol.HTTP_1_1))
                .sslSocketFactory(client.sslSocketFactory(), client.trustManager()).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        ok.connectionPool().evictAll();
        tlsFe.close();
    }

    private SqlClient client(String url, String... options) {
        SqlClient.Builder b = StarRocks.builder().endpoint(url).user("root", "s3cret")
                .readTimeout(Duration.ofSeconds(10)).httpClient(OkHttpAdapter.borrow(ok))
                .resilience(ResiliencePolicy.noRetries());
        for (int i = 0; i < options.length; i += 2) {
            b.option(options[i], options[i + 1]);
        }
        return b.build();
    }

    private String tlsUrl() {
        return "https://localhost:" + tlsFe.getPort();
    }

    private String plainUrl() {
        return "http://" + fe.getHostName() + ":" + fe.getPort();
    }

    private static void load(SqlClient c) {
        c.insert("demo.t").columns("id").rows(List.<Object[]>of(new Object[] {1L}));
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefusedAndNothingReachesTheHttpTarget() throws Exception {
        tlsFe.enqueue(desc("id", "bigint(20)"));
        tlsFe.enqueue(redirectTo(be, PATH));
        try (SqlClient c = client(tlsUrl())) {
            assertThatThrownBy(() -> load(c)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("from https to http").hasMessageContaining("nothing was sent")
                    .hasMessageNotContaining("s3cret");
        }
        assertThat(tlsFe.getRequestCount()).isEqualTo(2); // DESC and the PUT that was redirected
        assertThat(be.getRequestCount()).as("no request, so no credentials, went over plain http").isZero();
    }

    @Test
    void theDowngradeIsFollowedOnlyWhenTheCallerAllowsIt() throws Exception {
        tlsFe.enqueue(desc("id", "bigint(20)"));
        tlsFe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        try (SqlClient c = client(tlsUrl(), StarRocks.LOAD_REDIRECT_ALLOW_HTTP, "true")) {
            load(c);
        }
        RecordedRequest atBe = take(be);
        assertThat(atBe.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(atBe.getHeaders().get("Authorization")).isEqualTo(AUTH);
    }

    @Test
    void aRedirectToAHostOutsideTheAllowedListIsRefused() throws Exception {
        fe.enqueue(desc("id", "bigint(20)"));
        fe.enqueue(redirectTo(be, PATH));
        try (SqlClient c = client(plainUrl(), StarRocks.LOAD_REDIRECT_HOSTS, "be1.example, be2.example:8040")) {
            assertThatThrownBy(() -> load(c)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining(StarRocks.LOAD_REDIRECT_HOSTS);
        }
        assertThat(be.getRequestCount()).isZero();
    }

    @Test
    void aRedirectToAnAllowedHostIsFollowedWithTheCredentials() throws Exception {
        fe.enqueue(desc("id", "bigint(20)"));
        fe.enqueue(redirectTo(be, PATH));
        be.enqueue(beJson(result("Success", "")));
        String allowed = "be1.example, " + be.getHostName() + ":" + be.getPort();
        try (SqlClient c = client(plainUrl(), StarRocks.LOAD_REDIRECT_HOSTS, allowed)) {
            load(c);
        }
        assertThat(take(be).getHeaders().get("Authorization")).isEqualTo(AUTH);
    }
}
