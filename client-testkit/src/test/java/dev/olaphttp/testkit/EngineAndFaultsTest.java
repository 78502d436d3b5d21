package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 engine (keep-alive, request framing) and fault injection, through the ClickHouse simulator. */
class EngineAndFaultsTest {
  private ClickHouseTestServer server;

  @BeforeEach
  void start() {
    server = new ClickHouseTestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      for (int i = 0; i < 3; i++) {
        RawHttp.Response r = c.exchange("POST", "/", "SELECT " + i);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.complete).isTrue();
        assertThat(r.text()).isEqualTo(i + "\n");
      }
    }
    assertThat(server.connectionCount()).isEqualTo(1);
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests()).extracting(RecordedRequest::connectionId).containsOnly(1L);
  }

  @Test
  void readsChunkedRequestBodiesAndAnswersExpectContinue() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      c.sendRaw("POST /?query=SELECT HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
          + "Expect: 100-continue\r\n\r\n2\r\n 7\r\n0\r\n\r\n");
      RawHttp.Response r = c.read();
      assertThat(r.sawContinue).isTrue();
      assertThat(r.status).isEqualTo(200);
      assertThat(r.text()).isEqualTo("7\n");
    }
    RecordedRequest rec = server.takeRequest();
    assertThat(rec.bodyUtf8()).isEqualTo(" 7");
    assertThat(rec.queryParam("query")).isEqualTo("SELECT");
    assertThat(rec.header("transfer-encoding")).isEqualTo("chunked");
  }

  @Test
  void statusBurstThenNormalService() throws IOException {
    server.fault(Fault.status(503), 2);
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response a = c.exchange("POST", "/", "SELECT 1");
      RawHttp.Response b = c.exchange("POST", "/", "SELECT 1");
      RawHttp.Response ok = c.exchange("POST", "/", "SELECT 1");
      assertThat(a.status).isEqualTo(503);
      assertThat(a.header("Content-Type")).isEqualTo("text/html");
      assertThat(a.text()).contains("<html>");
      assertThat(b.status).isEqualTo(503);
      assertThat(ok.status).isEqualTo(200);
      assertThat(ok.text()).isEqualTo("1\n");
    }
  }

  @Test
  void resetBeforeResponseSendsNothing() throws IOException {
    server.fault(Fault.resetBeforeResponse());
    try (RawHttp c = new RawHttp(server.port())) {
      c.send("POST", "/", "SELECT 1");
      assertThatThrownBy(c::read).isInstanceOf(IOException.class);
    }
  }

  @Test
  void truncateAfterBytesCutsTheBodyWithoutTheLastChunk() throws IOException {
    server.fault(Fault.truncateAfterBytes(50));
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT number FROM numbers(100000)");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.complete).isFalse();
      assertThat(r.failure).isEqualTo("eof");
      assertThat(r.body.length).isLessThan(50);
    }
    long deadline = System.currentTimeMillis() + 2000;
    while (server.openConnectionCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.openConnectionCount()).isZero();
  }

  @Test
  void resetAfterBytesResetsMidBody() throws IOException {
    server.fault(Fault.resetAfterBytes(20_000));
    try (RawHttp c = new RawHttp(server.port())) {
      c.send("POST", "/", "SELECT number FROM numbers(100000)");
      try {
        RawHttp.Response r = c.read();
        assertThat(r.complete).isFalse();
        assertThat(r.failure).isIn("reset", "eof");
        assertThat(r.body.length).isLessThan(20_000);
      } catch (IOException e) {
        assertThat(e).hasMessageContaining("reset");
      }
    }
  }

  @Test
  void stallAfterBytesKeepsTheConnectionOpenWithoutData() throws IOException {
    server.fault(Fault.stallAfterBytes(100));
    try (RawHttp c = new RawHttp(server.port())) {
      c.send("POST", "/", "SELECT number FROM numbers(100000)");
      RawHttp.Response head = c.readHeaders();
      assertThat(head.status).isEqualTo(200);
      c.timeout(300);
      RawHttp.Response r = c.readBody(head);
      assertThat(r.failure).isEqualTo("timeout");
      assertThat(r.complete).isFalse();
    }
  }

  @Test
  void delayHoldsTheResponse() throws IOException {
    server.fault(Fault.delay(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    try (RawHttp c = new RawHttp(server.port())) {
      RawHttp.Response r = c.exchange("POST", "/", "SELECT 5");
      assertThat(r.text()).isEqualTo("5\n");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
  }

  @Test
  void faultsCanTargetMatchingRequestsOnly() throws IOException {
    server.fault(r -> r.bodyUtf8().contains("2"), Fault.status(502), 1);
    try (RawHttp c = new RawHttp(server.port())) {
      assertThat(c.exchange("POST", "/", "SELECT 1").status).isEqualTo(200);
      assertThat(c.exchange("POST", "/", "SELECT 2").status).isEqualTo(502);
      assertThat(c.exchange("POST", "/", "SELECT 2").status).isEqualTo(200);
    }
  }

  @Test
  void closeStopsListeningAndDropsConnections() throws IOException {
    int port = server.port();
    RawHttp c = new RawHttp(port);
    c.exchange("POST", "/", "SELECT 1");
    server.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    c.close();
  }

  @Test
  void recordedRequestsNeverPrintHeadersOrBody() throws IOException {
    try (RawHttp c = new RawHttp(server.port())) {
      c.exchange("POST", "/?database=x", "SELECT 1", "Authorization", RawHttp.basic("default", ""));
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.toString()).isEqualTo("POST /");
    assertThat(r.queryParams()).containsKey("database");
    assertThat(r.header("authorization")).startsWith("Basic ");
  }
}
