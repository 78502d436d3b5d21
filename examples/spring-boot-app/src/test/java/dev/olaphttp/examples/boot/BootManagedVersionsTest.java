package dev.olaphttp.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter under Spring Boot's own dependency management (this module's parent is Boot's): the versions Boot
 * picks, a client working on them, and credentials masked in the actuator with values shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BootManagedVersionsTest {
    static final DatabendTestServer SERVER = new DatabendTestServer();

    static {
        SERVER.addUser("app", "very-secret-pw");
        SERVER.when(SqlMatcher.contains("FROM events")).thenReturn(Table.numbers(50_000, "UInt64"));
    }

    @DynamicPropertySource
    static void olaphttp(DynamicPropertyRegistry registry) {
        registry.add("olaphttp.dsn", () -> "databend://127.0.0.1:" + SERVER.port() + "/default?sslmode=disable");
        registry.add("olaphttp.user", () -> "app");
        registry.add("olaphttp.password", () -> "very-secret-pw");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Autowired
    SqlClient client;

    @LocalServerPort
    int port;

    @Test
    void bootsVersionsAreInForceAndKotlinIsWhatOkHttpNeeds() {
        // the pom's one line keeps Kotlin 2 (Boot 3.5 alone would give 1.9.25)
        assertThat(kotlin.KotlinVersion.CURRENT.isAtLeast(2, 1)).as("kotlin " + kotlin.KotlinVersion.CURRENT).isTrue();
        // Jackson and JUnit are Boot's, not olaphttp's (2.22 / 6.x)
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.getMinorVersion()).isLessThan(22);
        assertThat(org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion()).startsWith("5.");
    }

    @Test
    void aStreamedQueryIsExactOnBootsVersions() {
        long[] acc = {0, 0};
        client.sql("SELECT number FROM events").forEach(r -> {
            assertThat(r.getLong(1)).isEqualTo(acc[0]);
            acc[0]++;
        });
        assertThat(acc[0]).isEqualTo(50_000);
    }

    @Test
    void credentialsAreMaskedOverHttp() throws Exception {
        String env = Http.getText(port, "/actuator/env");
        String configprops = Http.getText(port, "/actuator/configprops");
        assertThat(env).contains("olaphttp.password").doesNotContain("very-secret-pw");
        assertThat(configprops).contains("\"password\":\"******\"").doesNotContain("very-secret-pw");
        assertThat(Http.getText(port, "/actuator/health/olaphttp")).contains("UP");
    }
}
