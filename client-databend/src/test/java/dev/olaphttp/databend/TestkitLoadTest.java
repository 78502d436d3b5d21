package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.DataFormat;
import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.LoadedTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end against the testkit's Databend simulator: rows and a file loaded, read back value for value. */
class TestkitLoadTest {
    private DatabendTestServer server;
    private LoadedTable events;
    private SqlClient client;

    @BeforeEach
    void start() {
        server = new DatabendTestServer();
        events = server.table("default.events", Column.of("id", "Int64"), Column.of("name", "Nullable(String)"),
                Column.of("score", "Float64"), Column.of("day", "Date"));
        client = Databend.builder("databend://root:@" + server.host() + ":" + server.port()
                + "/default?sslmode=disable").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void rowsAndAFileArriveValueForValueAndReadBackThroughSelect(@TempDir Path dir) throws Exception {
        InsertResult rows = client.insert("events").label("rows-1").rows(Stream.of(
                new Object[] {1L, "ada", 1.5, LocalDate.of(2024, 2, 29)},
                new Object[] {2L, null, -0.25, LocalDate.of(1999, 12, 31)},
                new Object[] {3L, "a \"quoted\", comma\nline", 1e300, LocalDate.of(2025, 1, 1)}));
        assertThat(rows.rowsWritten()).isEqualTo(3);
        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "4,bob,2.5,2020-06-01\n5,\"x, y\",0,2021-07-04\n", StandardCharsets.UTF_8);
        InsertResult file = client.insert("events").label("file-1").from(csv, DataFormat.CSV);
        assertThat(file.rowsWritten()).isEqualTo(2);

        List<List<Object>> expected = List.of(
                List.of(1L, "ada", 1.5, LocalDate.of(2024, 2, 29)),
                Arrays.asList(2L, null, -0.25, LocalDate.of(1999, 12, 31)),
                List.of(3L, "a \"quoted\", comma\nline", 1e300, LocalDate.of(2025, 1, 1)),
                List.of(4L, "bob", 2.5, LocalDate.of(2020, 6, 1)),
                List.of(5L, "x, y", 0.0, LocalDate.of(2021, 7, 4)));
        assertThat(server.loaded("default.events").rows()).isEqualTo(expected);
        assertThat(events.loadCount()).isEqualTo(2);
        assertThat(events.labels()).containsExactlyInAnyOrder("rows-1", "file-1");
        assertThat(server.stagedFiles()).as("purged after each load").isEmpty();

        List<List<Object>> selected = client.sql("SELECT * FROM events").list(r -> Arrays.asList(
                r.getLong(1), r.isNull(2) ? null : r.getString(2), r.getDouble(3), r.getLocalDate(4)));
        assertThat(selected).isEqualTo(expected);
    }

    @Test
    void theSameLabelTwiceLoadsOnce() {
        List<Object[]> data = new ArrayList<>();
        data.add(new Object[] {7L, "once", 0.5, LocalDate.of(2024, 1, 1)});
        InsertResult first = client.insert("events").label("dedup-1").rows(data);
        InsertResult second = client.insert("events").label("dedup-1").rows(data);
        assertThat(first.rowsWritten()).isEqualTo(1);
        assertThat(second.rowsWritten()).as("the server skipped a label it had seen").isZero();
        assertThat(second.label()).isEqualTo("dedup-1");
        assertThat(events.rows()).containsExactly(List.of(7L, "once", 0.5, LocalDate.of(2024, 1, 1)));
        assertThat(events.loadCount()).isEqualTo(1);
        assertThat(events.attemptCount()).isEqualTo(2);
        assertThat(server.stagedFiles()).as("the skipped load's file removed too").isEmpty();
        assertThat(client.sql("SELECT * FROM events").list(r -> r.getLong(1))).containsExactly(7L);
    }

    @Test
    void aStreamingLoadArrivesToo() {
        InsertResult r = client.insert("events").option("method", "streaming_load").label("stream-1")
                .rows(List.<Object[]>of(new Object[] {9L, "streamed", 3.25, LocalDate.of(2023, 3, 3)}));
        assertThat(r.rowsWritten()).isEqualTo(1);
        assertThat(events.rows()).containsExactly(List.of(9L, "streamed", 3.25, LocalDate.of(2023, 3, 3)));
        assertThat(events.labels()).containsExactly("stream-1");
        assertThat(server.stagedFiles()).isEmpty();
    }
}
