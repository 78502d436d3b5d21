package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import dev.olaphttp.testdialect.LineProtocol;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS is verified by default (no trust-all); a private CA is trusted only when the caller says so. */
class TlsTest {
    private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    private MockWebServer server;

    @BeforeEach
    void startHttpsServer() throws Exception {
        startWith(new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build());
    }

    private void startWith(HeldCertificate serverCert) throws Exception {
        HandshakeCertificates serverCerts =
                new HandshakeCertificates.Builder().heldCertificate(serverCert, ca.certificate()).build();
        server = new MockWebServer();
        server.useHttps(serverCerts.sslSocketFactory());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private SqlClient.Builder client() {
        return SqlClient.builder()
                .dialect(new LineDialect())
                .endpoint("https://localhost:" + server.getPort())
                .resilience(ResiliencePolicy.noRetries());
    }

    private KeyStore trustStoreWithCa() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.certificate());
        return ks;
    }

    private void enqueueOneRow() {
        server.enqueue(new MockResponse.Builder().body(LineProtocol.body("n:INT64", LineProtocol.row(7))).build());
    }

    @Test
    void aServerSignedByAnUnknownCaIsRejectedByDefault() {
        try (SqlClient c = client().build()) {
            assertThatThrownBy(() -> c.sql("SELECT 7").single(r -> r.getLong(1)))
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).requestSent()).isFalse())
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTrustStoreWithThePrivateCaIsTrusted() throws Exception {
        enqueueOneRow();
        try (SqlClient c = client().tls(TlsOptions.trusting(trustStoreWithCa())).build()) {
            long n = c.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(7L);
        }
    }

    @Test
    void aCallersSslContextIsUsed() throws Exception {
        enqueueOneRow();
        HandshakeCertificates clientCerts =
                new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
        SSLContext ctx = clientCerts.sslContext();
        try (SqlClient c = client().tls(TlsOptions.using(ctx, clientCerts.trustManager())).build()) {
            long n = c.sql("SELECT 7").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(7L);
        }
    }

    @Test
    void theHostNameIsStillVerifiedWithCustomTrust() throws Exception {
        server.close();
        startWith(new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("db.example.com").build());
        try (SqlClient c = client().tls(TlsOptions.trusting(trustStoreWithCa())).build()) {
            assertThatThrownBy(() -> c.sql("SELECT 7").single(r -> r.getLong(1)))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Hostname localhost not verified");
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
