package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import dev.olaphttp.testdialect.LineProtocol;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust from a PEM file and client certificates (mTLS) from PEM files or PKCS#12, without an OkHttpClient. */
class MutualTlsTest {
    private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    private final HeldCertificate clientCert =
            new HeldCertificate.Builder().signedBy(ca).commonName("olaphttp client").build();
    private MockWebServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void startServerRequiringClientCertificates() throws Exception {
        HeldCertificate serverCert =
                new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, ca.certificate())
                .addTrustedCertificate(ca.certificate())
                .build();
        server = new MockWebServer();
        server.useHttps(serverCerts.sslSocketFactory());
        server.requireClientAuth();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private long selectOne(TlsOptions tls) {
        server.enqueue(new MockResponse.Builder().body(LineProtocol.body("n:INT64", LineProtocol.row(1))).build());
        try (SqlClient c = SqlClient.builder().dialect(new LineDialect()).endpoint("https://localhost:" + server.getPort())
                .resilience(ResiliencePolicy.noRetries()).tls(tls).build()) {
            return c.sql("SELECT 1").single(r -> r.getLong(1));
        }
    }

    private void assertClientPresented() throws Exception {
        RecordedRequest r = server.takeRequest();
        Certificate peer = r.getHandshake().peerCertificates().get(0);
        assertThat(((X509Certificate) peer).getSubjectX500Principal().getName()).contains("olaphttp client");
    }

    @Test
    void pemTrustAndPemClientCertificate() throws Exception {
        Path caPem = write("ca.pem", ca.certificatePem());
        Path chain = write("client.pem", clientCert.certificatePem() + ca.certificatePem());
        Path key = write("client-key.pem", clientCert.privateKeyPkcs8Pem());
        assertThat(selectOne(TlsOptions.builder().trustPem(caPem).clientCertificatePem(chain, key).build())).isEqualTo(1);
        assertClientPresented();
    }

    @Test
    void pkcs12ClientCertificate() throws Exception {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        char[] password = "changeit".toCharArray();
        p12.setKeyEntry("client", clientCert.keyPair().getPrivate(), password,
                new Certificate[] {clientCert.certificate(), ca.certificate()});
        Path file = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            p12.store(out, password);
        }
        Path caPem = write("ca.pem", ca.certificatePem());
        assertThat(selectOne(TlsOptions.builder().trustPem(caPem).clientCertificatePkcs12(file, password).build()))
                .isEqualTo(1);
        assertClientPresented();
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePkcs12(file, "wrong".toCharArray()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client.p12")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void theDsnNamesTheFiles() throws Exception {
        Path caPem = write("ca.pem", ca.certificatePem());
        Path chain = write("client.pem", clientCert.certificatePem());
        Path key = write("client-key.pem", clientCert.privateKeyPkcs8Pem());
        server.enqueue(new MockResponse.Builder().body(LineProtocol.body("n:INT64", LineProtocol.row(1))).build());
        String dsn = "linetest+https://localhost:" + server.getPort() + "/?tls_trust_pem=" + caPem + "&tls_cert_pem="
                + chain + "&tls_key_pem=" + key;
        try (SqlClient c = SqlClient.builder().dialect(new LineDialect()).dsn(dsn)
                .resilience(ResiliencePolicy.noRetries()).build()) {
            long n = c.sql("SELECT 1").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(1L);
        }
        assertClientPresented();
    }

    @Test
    void withoutAClientCertificateTheServerRefusesTheHandshake() throws Exception {
        Path caPem = write("ca.pem", ca.certificatePem());
        assertThatThrownBy(() -> selectOne(TlsOptions.trustingPem(caPem))).isInstanceOf(TransportException.class);
    }

    @Test
    void unusableFilesFailAtBuildWithTheFileNamed() throws Exception {
        // a PKCS#1 key as "openssl genrsa" writes it: only the BEGIN line matters here
        Path pkcs1 = write("rsa-key.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n");
        Path chain = write("client.pem", clientCert.certificatePem());
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePem(chain, pkcs1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8");
        Path empty = write("empty.pem", "");
        assertThatThrownBy(() -> TlsOptions.trustingPem(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
        assertThatThrownBy(() -> SqlClient.builder().dialect(new LineDialect())
                .dsn("linetest://h:1/?tls_cert_pem=" + chain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tls_key_pem");
    }
}
