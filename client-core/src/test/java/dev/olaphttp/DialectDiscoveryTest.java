package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** SqlClient.connect finds dialects through ServiceLoader by DSN scheme. */
class DialectDiscoveryTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void connectFindsTheTestDialectAndAppliesTheDsn() throws Exception {
        server.enqueue(ok(body("n:int64", "5")));
        String dsn = "linetest://alice:s%3Acret@127.0.0.1:" + server.getPort() + "/sales?setting_max_threads=2";
        try (SqlClient c = SqlClient.connect(dsn)) {
            assertThat(c.dialect()).isEqualTo("linetest");
            assertThat(c.defaultState().database()).hasValue("sales");
            assertThat(c.defaultState().settings()).containsEntry("max_threads", "2");
            assertThat(c.sql("SELECT n").<Long>single(r -> r.getLong(1))).isEqualTo(5L);
        }
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/query");
        assertThat(r.getBody().utf8()).isEqualTo("SELECT n");
        assertThat(r.getUrl().queryParameter("database")).isEqualTo("sales");
        assertThat(r.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s:cret".getBytes()));
        assertThat(r.getHeaders().get("User-Agent")).matches("olaphttp/\\d+\\.\\d+.*");
        assertThat(r.getHeaders().get("X-Query-Id")).isNotBlank();
    }

    @Test
    void unknownSchemeListsTheKnownOnes() {
        assertThatThrownBy(() -> SqlClient.connect("nosuchdb://h:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nosuchdb'")
                .hasMessageContaining("linetest");
    }

    @Test
    void builderFailsFastWithoutDialectOrEndpoint() {
        assertThatThrownBy(() -> SqlClient.builder().endpoint("http://h:1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dialect");
        assertThatThrownBy(() -> SqlClient.builder().dialect(new dev.olaphttp.testdialect.LineDialect()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void laterBuilderCallsRefineTheDsn() {
        try (SqlClient c = SqlClient.builder()
                .dsn("linetest://127.0.0.1:" + server.getPort() + "/a")
                .database("b")
                .build()) {
            assertThat(c.defaultState().database()).hasValue("b");
        }
    }

    @Test
    void aBrokenDialectOnTheClassPathDoesNotHideTheOthers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path services = dir.resolve("META-INF/services");
        java.nio.file.Files.createDirectories(services);
        java.nio.file.Files.writeString(services.resolve("dev.olaphttp.spi.Dialect"), "com.example.MissingDialect\n");
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (java.net.URLClassLoader broken =
                new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, old)) {
            t.setContextClassLoader(broken);
            server.enqueue(ok(body("n:int64", "1")));
            try (SqlClient c = SqlClient.connect("linetest://127.0.0.1:" + server.getPort())) {
                assertThat(c.sql("SELECT 1").list(r -> r.getLong(1))).containsExactly(1L);
            }
            assertThatThrownBy(() -> SqlClient.connect("nosuchdb://h:1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("linetest")
                    .hasMessageContaining("com.example.MissingDialect");
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
