package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TypeConversionException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load protocol: schema lookup, stage upload, INSERT with stage_attachment and label, cleanup, retries. */
class LoadTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    final LoadServer db = new LoadServer();

    @BeforeEach
    void dispatch() {
        server.setDispatcher(db);
    }

    @Test
    void loadsRowsThroughAStageAndAnInsertWithStageAttachment() throws Exception {
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("sales.orders").columns("ID", "name").label("load-7")
                    .rows(Stream.of(new Object[] {1L, "ada"}, new Object[] {2, null}));
        }
        assertThat(db.kinds).containsExactly("SCHEMA", "UPLOAD", "INSERT");

        RecordedRequest schema = db.first("SCHEMA");
        assertThat(body(schema)).startsWith("{\"sql\":\"SELECT * FROM sales.orders LIMIT 0\",");
        assertThat(schema.getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL")).isNull();

        RecordedRequest put = db.first("UPLOAD");
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getHeaders().get("X-DATABEND-STAGE-NAME")).isEqualTo("~");
        assertThat(put.getHeaders().get("X-DATABEND-RELATIVE-PATH")).isEqualTo("olaphttp/load");
        assertThat(put.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1-upload");
        assertThat(put.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
        String ndjson = LoadServer.filePart(put, "load-7.ndjson");
        assertThat(ndjson).isEqualTo("{\"id\":1,\"name\":\"ada\"}\n{\"id\":2,\"name\":null}\n");

        RecordedRequest insert = db.first("INSERT");
        assertThat(insert.getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL")).isEqualTo("load-7");
        assertThat(insert.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
        assertThat(body(insert)).startsWith("{\"sql\":\"INSERT INTO sales.orders (id, name) VALUES\",")
                .endsWith(",\"stage_attachment\":{\"location\":\"@~/olaphttp/load/load-7.ndjson\","
                        + "\"file_format_options\":{\"type\":\"NDJSON\"},\"copy_options\":{\"purge\":\"true\"}}}");

        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(40);
        assertThat(r.queryId()).isEqualTo("q1");
        assertThat(r.label()).isEqualTo("load-7");
        assertThat(r.serverInfo()).containsEntry("stage_location", "@~/olaphttp/load/load-7.ndjson")
                .containsEntry("rows_sent", "2")
                .containsEntry("bytes_sent", Long.toString(ndjson.getBytes(StandardCharsets.UTF_8).length))
                .containsEntry("state", "Succeeded");
    }

    record Order(long id, String name) {}

    @Test
    void recordsFillColumnsByNameAndAGeneratedLabelNamesTheStagedFile() throws Exception {
        db.schema = "[{\"name\":\"name\",\"type\":\"String\"},{\"name\":\"id\",\"type\":\"UInt64\"}]";
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("t").records(List.of(new Order(7, "x\"y\n\u00e9")), Order.class);
        }
        assertThat(r.label()).startsWith("olaphttp-").hasSize(9 + 32);
        RecordedRequest put = db.first("UPLOAD");
        List<Map<String, Object>> rows = LoadServer.ndjson(LoadServer.filePart(put, r.label() + ".ndjson"));
        assertThat(rows).containsExactly(Map.of("id", BigInteger.valueOf(7), "name", "x\"y\n\u00e9"));
        assertThat(body(db.first("INSERT"))).startsWith("{\"sql\":\"INSERT INTO t (id, name) VALUES\",");
        assertThat(db.first("INSERT").getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL")).isEqualTo(r.label());
    }

    @Test
    void allColumnsWhenNoneAreNamedAndQuotedIdentifiers() throws Exception {
        db.schema = "[{\"name\":\"Order Id\",\"type\":\"Int32\"},{\"name\":\"v\",\"type\":\"Int32\"}]";
        try (SqlClient client = TestServer.client(server, "")) {
            client.insert("`my db`.t").rows(List.<Object[]>of(new Object[] {1, 2}));
        }
        assertThat(body(db.first("INSERT"))).startsWith("{\"sql\":\"INSERT INTO `my db`.t (`Order Id`, v) VALUES\"");
        assertThat(LoadServer.filePart(db.first("UPLOAD"), db.first("INSERT").getHeaders()
                .get("X-DATABEND-DEDUPLICATE-LABEL") + ".ndjson")).isEqualTo("{\"Order Id\":1,\"v\":2}\n");
    }

    @Test
    void aFileIsPassedThroughWithOptionsAndNoSchemaLookup(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "1,\"a,b\"\n2,\n");
        try (SqlClient client = TestServer.client(server, "")) {
            client.insert("t").columns("id", "name").label("csv-1").option("stage", "landing")
                    .option("format.field_delimiter", ",").option("copy.purge", "false")
                    .from(csv, DataFormat.CSV);
        }
        assertThat(db.kinds).containsExactly("UPLOAD", "INSERT");
        RecordedRequest put = db.first("UPLOAD");
        assertThat(put.getHeaders().get("X-DATABEND-STAGE-NAME")).isEqualTo("landing");
        assertThat(put.getHeaders().get("Content-Length")).isEqualTo(Long.toString(put.getBodySize()));
        assertThat(LoadServer.filePart(put, "csv-1.csv")).isEqualTo("1,\"a,b\"\n2,\n");
        assertThat(body(db.first("INSERT"))).contains("\"sql\":\"INSERT INTO t (id, name) VALUES\"")
                .endsWith("\"stage_attachment\":{\"location\":\"@landing/olaphttp/load/csv-1.csv\","
                        + "\"file_format_options\":{\"type\":\"CSV\",\"field_delimiter\":\",\"},"
                        + "\"copy_options\":{\"purge\":\"false\"}}}");
    }

    @Test
    void aFileUploadIsRetriedButAStreamIsSentOnce(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("in.ndjson"), "{\"id\":1}\n");
        db.upload = n -> n == 1 ? TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}")
                : TestServer.json(200, LoadServer.UPLOADED);
        try (SqlClient client = TestServer.client(server, "")) {
            client.insert("t").label("f").from(f, DataFormat.NDJSON);
        }
        assertThat(db.kinds).containsExactly("UPLOAD", "UPLOAD", "INSERT");
        assertThat(LoadServer.filePart(db.all("UPLOAD").get(1), "f.ndjson")).isEqualTo("{\"id\":1}\n");

        db.kinds.clear();
        db.requests.clear();
        db.upload = n -> TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}");
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").label("s").from(
                    new ByteArrayInputStream("{}\n".getBytes(StandardCharsets.UTF_8)), DataFormat.NDJSON))
                    .isInstanceOf(ServerBusyException.class);
        }
        assertThat(db.kinds).containsExactly("UPLOAD", "REMOVE");
        assertThat(body(db.first("REMOVE"))).startsWith("{\"sql\":\"REMOVE @~/olaphttp/load/s.ndjson\",");
    }

    @Test
    void theInsertIsRetriedWithTheSameQueryIdAndLabel() throws Exception {
        db.insert = n -> n == 1 ? TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}")
                : LoadServer.inserted(2, 40);
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("t").label("again").rows(List.of(new Object[] {1L, "a"}, new Object[] {2L, "b"}));
        }
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(db.kinds).containsExactly("SCHEMA", "UPLOAD", "INSERT", "INSERT");
        List<RecordedRequest> inserts = db.all("INSERT");
        for (RecordedRequest i : inserts) {
            assertThat(i.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
            assertThat(i.getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL")).isEqualTo("again");
        }
        assertThat(body(inserts.get(0))).isEqualTo(body(inserts.get(1)));
    }

    @Test
    void loadingAgainUnderTheSameLabelSendsTheSameLabelAndFile() throws Exception {
        try (SqlClient client = TestServer.client(server, "")) {
            client.insert("t").label("daily-2024-05-01").rows(List.<Object[]>of(new Object[] {1L, "a"}));
            client.insert("t").label("daily-2024-05-01").rows(List.<Object[]>of(new Object[] {1L, "a"}));
        }
        List<RecordedRequest> inserts = db.all("INSERT");
        assertThat(inserts).hasSize(2);
        assertThat(inserts).allSatisfy(i -> assertThat(i.getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL"))
                .isEqualTo("daily-2024-05-01"));
        assertThat(body(inserts.get(0))).contains("@~/olaphttp/load/daily-2024-05-01.ndjson");
        assertThat(body(inserts.get(1))).contains("@~/olaphttp/load/daily-2024-05-01.ndjson");
        assertThat(inserts.get(0).getHeaders().get("X-DATABEND-QUERY-ID"))
                .isNotEqualTo(inserts.get(1).getHeaders().get("X-DATABEND-QUERY-ID"));
    }

    @Test
    void aFailedInsertRemovesTheStagedFileAndThrowsTheServerError() {
        db.insert = n -> TestServer.resp().id("q1").state("Failed")
                .error("{\"code\":1046,\"message\":\"bad column value\"}").next("final").ok();
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").label("bad").rows(List.<Object[]>of(new Object[] {1L, "a"})))
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.errorCode()).hasValue(1046);
                        assertThat(e.getSuppressed()).isEmpty();
                    });
        }
        assertThat(db.kinds).startsWith("SCHEMA", "UPLOAD", "INSERT").contains("REMOVE");
        assertThat(body(db.first("REMOVE"))).startsWith("{\"sql\":\"REMOVE @~/olaphttp/load/bad.ndjson\",");
    }

    @Test
    void aFailedCleanupKeepsTheOriginalError() {
        db.insert = n -> TestServer.resp().id("q1").state("Failed")
                .error("{\"code\":1046,\"message\":\"bad column value\"}").next(null).ok();
        db.remove = TestServer.json(500, "{\"error\":{\"code\":500,\"message\":\"storage down\"}}");
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").label("bad2").rows(List.<Object[]>of(new Object[] {1L, "a"})))
                    .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                        assertThat(e.getMessage()).contains("bad column value");
                        assertThat(e.getSuppressed()).hasSize(1);
                        assertThat(e.getSuppressed()[0].getMessage()).contains("storage down");
                    });
        }
        assertThat(db.kinds).contains("REMOVE");
    }

    @Test
    void aBadValueStopsTheLoadNamingRowAndColumnAndCleansUp() {
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http)) {
            Stream<Object[]> rows = Stream.of(new Object[] {1L, "a"}, new Object[] {"not a number", "b"});
            assertThatThrownBy(() -> client.insert("t").label("v").rows(rows))
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("row 2, column 'id' (Int64)")
                    .hasMessageNotContaining("not a number");
            assertThat(db.kinds).doesNotContain("INSERT").contains("REMOVE");
            assertThat(http.connectionPool().connectionCount())
                    .isEqualTo(http.connectionPool().idleConnectionCount());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void aFailingRowSourceIsRethrownAsIs() {
        IllegalStateException boom = new IllegalStateException("source broke");
        Iterable<Object[]> rows = () -> new java.util.Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                if (n == 3) {
                    throw boom;
                }
                return true;
            }

            @Override
            public Object[] next() {
                return new Object[] {(long) n++, "x"};
            }
        };
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").rows(rows)).isSameAs(boom);
        }
        assertThat(db.kinds).doesNotContain("INSERT").contains("REMOVE");
    }

    @Test
    void rowsOfTheWrongWidthAndUnknownColumnsAreRejected() {
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").rows(List.<Object[]>of(new Object[] {1L})))
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("row 1 has 1 values for 2");
            assertThatThrownBy(() -> client.insert("t").columns("nope").rows(List.<Object[]>of(new Object[] {1L})))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("no column 'nope'");
            assertThatThrownBy(() -> client.insert("t; DROP TABLE x").rows(List.<Object[]>of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class);
            assertThatThrownBy(() -> client.insert("t").option("purge", "true").rows(List.<Object[]>of()))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class).hasMessageContaining("unknown Databend load option");
        }
    }

    @Test
    void streamingLoadSendsOneRequestWithTheSqlHeaderAndLabel() throws Exception {
        InsertResult r;
        try (SqlClient client = TestServer.builder(server, "login=disable").database("sales").build()) {
            r = client.insert("orders").label("s-1").option("method", "streaming_load")
                    .option("format.null_if", "it's")
                    .rows(List.of(new Object[] {1L, "a"}, new Object[] {2L, null}));
        }
        assertThat(db.kinds).containsExactly("SCHEMA", "STREAM");
        RecordedRequest put = db.first("STREAM");
        assertThat(put.getHeaders().get("X-DATABEND-SQL")).isEqualTo("INSERT INTO orders (id, name) FROM "
                + "@_databend_load FILE_FORMAT = (type = 'NDJSON', null_if = 'it''s')");
        assertThat(put.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
        assertThat(put.getHeaders().get("X-DATABEND-DEDUPLICATE-LABEL")).isEqualTo("s-1");
        assertThat(put.getHeaders().get("X-DATABEND-QUERY-CONTEXT")).isEqualTo("{\"database\":\"sales\"}");
        assertThat(LoadServer.filePart(put, "s-1.ndjson")).isEqualTo("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":null}\n");
        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(r.bytesWritten()).isEqualTo(29);
        assertThat(r.queryId()).isEqualTo("q1");
        assertThat(r.serverInfo()).containsEntry("rows_sent", "2");
    }

    @Test
    void aStreamingLoadErrorIsTypedAndNothingIsStaged(@TempDir Path dir) throws Exception {
        db.streaming = TestServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Query execution failed: "
                + "file f.csv missing column `c2`\"}}");
        Path csv = Files.writeString(dir.resolve("f.csv"), "1\n");
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").option("method", "streaming_load").from(csv, DataFormat.CSV))
                    .isInstanceOf(DatabendQueryException.class).hasMessageContaining("missing column `c2`");
            assertThatThrownBy(() -> client.insert("t").option("method", "copy").from(csv, DataFormat.CSV))
                    .isInstanceOf(dev.olaphttp.InvalidRequestException.class);
        }
        assertThat(db.kinds).containsExactly("STREAM");
        assertThat(db.first("STREAM").getHeaders().get("X-DATABEND-SQL"))
                .isEqualTo("INSERT INTO t FROM @_databend_load FILE_FORMAT = (type = 'CSV')");
    }

    @Test
    void aLoadThatWroteNothingRemovesTheStagedFile() {
        db.insert = n -> LoadServer.inserted(0, 0);
        InsertResult r;
        try (SqlClient client = TestServer.client(server, "")) {
            r = client.insert("t").label("seen-before").rows(List.<Object[]>of(new Object[] {1L, "a"}));
        }
        assertThat(r.rowsWritten()).isZero();
        assertThat(db.kinds).containsExactly("SCHEMA", "UPLOAD", "INSERT", "REMOVE");
        assertThat(body(db.first("REMOVE"))).startsWith("{\"sql\":\"REMOVE @~/olaphttp/load/seen-before.ndjson\",");
    }

    @Test
    void aLoadThatTimesOutIsTypedAndCleansUp() {
        db.upload = n -> new mockwebserver3.MockResponse.Builder().code(200).body(LoadServer.UPLOADED)
                .headersDelay(3, java.util.concurrent.TimeUnit.SECONDS).build();
        try (SqlClient client = TestServer.client(server, "")) {
            assertThatThrownBy(() -> client.insert("t").label("slow").timeout(java.time.Duration.ofMillis(400))
                    .rows(List.<Object[]>of(new Object[] {1L, "a"})))
                    .isInstanceOf(dev.olaphttp.QueryTimeoutException.class);
        }
        assertThat(db.kinds).containsExactly("SCHEMA", "UPLOAD", "REMOVE").doesNotContain("INSERT");
    }
}
