package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A load whose upload is cut before its end inserts nothing, and 100 Continue is sent only when data is read. */
class LoadTruncationTest {
  private static void cutUpload(int port, String head, String partialBody) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write((head + partialBody).getBytes(StandardCharsets.UTF_8));
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      while (in.read() >= 0) {
        // the server closes without answering
      }
    }
  }

  private static void awaitNoConnections(TestServer server) throws InterruptedException {
    for (int i = 0; i < 200 && server.openConnectionCount() > 0; i++) {
      Thread.sleep(10);
    }
    assertThat(server.openConnectionCount()).isZero();
  }

  @Test
  void clickHouseContentLengthAndChunkedUploadsCutShortCommitNothing() throws Exception {
    try (ClickHouseTestServer server = new ClickHouseTestServer()) {
      LoadedTable t = server.table("t", Column.of("id", "UInt8"));
      cutUpload(server.port(), "POST /?query=INSERT%20INTO%20t%20FORMAT%20TSV HTTP/1.1\r\nHost: x\r\n"
          + "Content-Length: 1000\r\n\r\n", "1\n2\n3\n");
      cutUpload(server.port(), "POST /?query=INSERT%20INTO%20t%20FORMAT%20TSV HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n", "6\r\n1\n2\n3\n\r\n");
      awaitNoConnections(server);
      assertThat(t.rowCount()).isZero();
      assertThat(t.loadCount()).isZero();
    }
  }

  @Test
  void starRocksBackendUploadCutShortCommitsNothingNorItsLabel() throws Exception {
    try (StarRocksTestServer server = new StarRocksTestServer()) {
      LoadedTable t = server.table("db.t", Column.of("id", "int"));
      cutUpload(server.backendPort(), "PUT /api/db/t/_stream_load HTTP/1.1\r\nHost: x\r\nAuthorization: "
          + RawHttp.basic("root", "") + "\r\nlabel: cut\r\nContent-Length: 500\r\n\r\n", "1\n2\n");
      awaitNoConnections(server);
      assertThat(t.rowCount()).isZero();
      assertThat(t.labels()).isEmpty();
    }
  }

  @Test
  void continueIsSentOnlyWhenTheServerReadsTheBody() throws IOException {
    try (ClickHouseTestServer server = new ClickHouseTestServer(); RawHttp c = new RawHttp(server.port())) {
      LoadedTable t = server.table("t", Column.of("id", "UInt8"));
      RawHttp.Response r = c.exchange("POST", "/?query=INSERT%20INTO%20t%20FORMAT%20TSV", "7\n",
          "Expect", "100-continue");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.sawContinue).isTrue();
      assertThat(t.rowCount()).isEqualTo(1);
    }
    try (ClickHouseTestServer server = new ClickHouseTestServer(); RawHttp c = new RawHttp(server.port())) {
      server.removeUser("default");
      RawHttp.Response r = c.exchange("POST", "/?query=INSERT%20INTO%20t%20FORMAT%20TSV", "7\n",
          "Expect", "100-continue");
      assertThat(r.status).isEqualTo(403);
      assertThat(r.sawContinue).as("refused before reading: no 100 Continue").isFalse();
    }
  }
}
