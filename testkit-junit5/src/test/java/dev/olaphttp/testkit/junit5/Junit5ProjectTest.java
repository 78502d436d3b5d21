package dev.olaphttp.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.TestServerExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's JUnit extension, both ways, in a JUnit 5.11 project. */
@ExtendWith(TestServerExtension.class)
class Junit5ProjectTest {
  @RegisterExtension
  static TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

  @Test
  void runsOnJunit5() {
    String version = Test.class.getPackage().getImplementationVersion();
    assertTrue(version == null || version.startsWith("5.11"), "JUnit API on the class path: " + version);
  }

  @Test
  void registeredExtensionServesQueries() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("default:".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ch.server().url() + "/?query="
            + URLEncoder.encode("SELECT number FROM numbers(3)", StandardCharsets.UTF_8)))
        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals("0\n1\n2\n", r.body());
    assertEquals("SELECT number FROM numbers(3)", ch.server().takeRequest(SqlMatcher.contains("numbers")).sql());
  }

  @Test
  void injectedServerParameter(DatabendTestServer databend) {
    assertTrue(databend.dsn().startsWith("databend+http://root:@127.0.0.1:"));
  }
}
