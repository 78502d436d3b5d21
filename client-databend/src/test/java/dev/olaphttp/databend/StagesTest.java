package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.body;
import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ExecutionResult;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagesTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String UPLOADED =
            "{\"id\":\"u1\",\"stage_name\":\"~\",\"state\":\"SUCCESS\",\"files\":[\"rows.csv\"]}";

    @Test
    void uploadsAFileAsMultipartAndRetriesIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rows.csv"), "1,a\n2,b\n");
        server.enqueue(TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));
        server.enqueue(TestServer.json(200, UPLOADED));
        try (SqlClient client = TestServer.client(server, "")) {
            String location = client.extension(DatabendStages.class).upload("~", "load/2024/rows.csv", file);
            assertThat(location).isEqualTo("@~/load/2024/rows.csv");
        }
        take(server);
        RecordedRequest put = take(server);
        assertThat(put.getMethod() + " " + put.getTarget()).isEqualTo("PUT /v1/upload_to_stage");
        assertThat(put.getHeaders().get("X-DATABEND-STAGE-NAME")).isEqualTo("~");
        assertThat(put.getHeaders().get("stage_name")).isEqualTo("~");
        assertThat(put.getHeaders().get("X-DATABEND-RELATIVE-PATH")).isEqualTo("load/2024");
        String ct = put.getHeaders().get("Content-Type");
        assertThat(ct).startsWith("multipart/form-data; boundary=");
        String boundary = ct.substring(ct.indexOf('=') + 1);
        assertThat(body(put)).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; "
                + "filename=\"rows.csv\"\r\nContent-Type: application/octet-stream\r\n\r\n1,a\n2,b\n\r\n--" + boundary
                + "--\r\n");
        assertThat(put.getHeaders().get("Content-Length")).isEqualTo(Long.toString(put.getBodySize()));
    }

    @Test
    void aStreamUploadIsNotRetried() {
        server.enqueue(TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));
        try (SqlClient client = TestServer.client(server, "")) {
            DatabendStages stages = client.extension(DatabendStages.class);
            assertThatThrownBy(() -> stages.upload("mystage", "x.csv",
                    new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(ServerBusyException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void streamsAnInputStreamChunked() throws Exception {
        server.enqueue(TestServer.json(200, UPLOADED.replace("\"~\"", "\"mystage\"")));
        try (SqlClient client = TestServer.client(server, "")) {
            String loc = client.extension(DatabendStages.class).upload("mystage", "x.csv",
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(loc).isEqualTo("@mystage/x.csv");
        }
        RecordedRequest put = take(server);
        assertThat(put.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(put.getHeaders().get("X-DATABEND-RELATIVE-PATH")).isNull();
        assertThat(body(put)).contains("filename=\"x.csv\"").contains("\r\n\r\nhello\r\n--");
    }

    @Test
    void insertsFromAStageAttachment() throws Exception {
        String stats = TestServer.STATS.replace("\"write_progress\":{\"rows\":0,\"bytes\":0}",
                "\"write_progress\":{\"rows\":2,\"bytes\":16}");
        server.enqueue(resp().schema("[{\"name\":\"number of rows inserted\",\"type\":\"UInt64\"}]")
                .data("[[\"2\"]]").stats(stats).next("final").ok());
        server.enqueue(resp().stats(stats).next(null).ok());
        try (SqlClient client = TestServer.client(server, "")) {
            ExecutionResult r = client.extension(DatabendStages.class).insertFromStage("INSERT INTO t VALUES",
                    StageAttachment.builder("@~/load/rows.csv").fileFormat("type", "CSV")
                            .copyOption("purge", "true").build());
            assertThat(r.affectedRows()).isEqualTo(2);
            assertThat(r.rowsReturned()).isEqualTo(1);
        }
        RecordedRequest post = take(server);
        assertThat(body(post)).startsWith("{\"sql\":\"INSERT INTO t VALUES\",")
                .endsWith(",\"stage_attachment\":{\"location\":\"@~/load/rows.csv\",\"file_format_options\":"
                        + "{\"type\":\"CSV\"},\"copy_options\":{\"purge\":\"true\"}}}");
        assertThat(post.getHeaders().get("X-DATABEND-QUERY-ID")).hasSize(32);
        assertThatThrownBy(() -> StageAttachment.of("no-at")).isInstanceOf(IllegalArgumentException.class);
    }
}
