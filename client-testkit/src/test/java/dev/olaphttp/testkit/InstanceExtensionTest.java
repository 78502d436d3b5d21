package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance-field extension gives each test its own server. */
class InstanceExtensionTest {
  private static final Set<Object> SERVERS = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  @RegisterExtension
  TestServerExtension<StarRocksTestServer> sr = TestServerExtension.of(StarRocksTestServer::new);

  @RepeatedTest(2)
  void eachTestGetsAFreshServer() {
    assertThat(SERVERS.add(sr.server())).as("a new server per test").isTrue();
    assertThat(sr.server().requests()).isEmpty();
  }
}
