package dev.olaphttp.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a test server around tests.
 *
 * <p>As a field: {@code @RegisterExtension static TestServerExtension<ClickHouseTestServer> ch =
 * TestServerExtension.of(ClickHouseTestServer::new);} starts the server before all tests of the class (or before
 * each test for an instance field) and closes it after; use {@code ch.server()}, or declare a parameter of the
 * server's type. With {@code @ExtendWith(TestServerExtension.class)}, each test parameter of type
 * {@link ClickHouseTestServer}, {@link DatabendTestServer} or {@link StarRocksTestServer} gets a fresh server that
 * is closed after the test.
 */
public final class TestServerExtension<S extends TestServer>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestServerExtension.class);

  private final Supplier<S> factory;
  private S server;
  private boolean perClass;

  /** For {@code @ExtendWith}: resolves server parameters with fresh servers per test. */
  public TestServerExtension() {
    this.factory = null;
  }

  private TestServerExtension(Supplier<S> factory) {
    this.factory = Objects.requireNonNull(factory);
  }

  /** An extension that creates its server with {@code factory}. */
  public static <S extends TestServer> TestServerExtension<S> of(Supplier<S> factory) {
    return new TestServerExtension<>(factory);
  }

  /** The running server. */
  public S server() {
    if (server == null) {
      throw new IllegalStateException("the server is not running (outside a test?)");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (factory != null) {
      perClass = true;
      server = factory.get();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass && server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (factory != null && !perClass) {
      server = factory.get();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (factory != null && !perClass && server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Class<?> type = p.getParameter().getType();
    if (factory != null) {
      return server != null && type.isInstance(server);
    }
    return type == ClickHouseTestServer.class || type == DatabendTestServer.class
        || type == StarRocksTestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    if (factory != null) {
      return server();
    }
    Class<?> type = p.getParameter().getType();
    TestServer s = type == ClickHouseTestServer.class ? new ClickHouseTestServer()
        : type == DatabendTestServer.class ? new DatabendTestServer() : new StarRocksTestServer();
    context.getStore(NS).put(p.getIndex() + ":" + type.getName(), new Closer(s));
    return s;
  }

  /** Closes a per-test server when JUnit closes the store. */
  private record Closer(TestServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
