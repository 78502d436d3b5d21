package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.client;
import static dev.olaphttp.starrocks.TestSupport.error;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.Column;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every value of the StarRocks fixtures (copied from /work/shared/fixtures/starrocks) decodes right. */
class FixtureConformanceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    /** All rows as lists of getObject values, checking each against its column's Java type. */
    private List<List<Object>> rows(String body) {
        return rows("select *", body);
    }

    /** The same for a statement of another kind (SHOW, EXPLAIN), which the FE answers in another body form. */
    private List<List<Object>> rows(String sql, String body) {
        server.enqueue(ndjson(body));
        List<List<Object>> out = new ArrayList<>();
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql(sql).stream()) {
            while (cur.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= cur.schema().size(); i++) {
                    Object v = cur.getObject(i);
                    Column col = cur.schema().column(i);
                    if (v != null) {
                        assertThat(v).as(col.name()).isInstanceOf(col.type().javaType());
                    }
                    row.add(v);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void selectMultiTypes() {
        server.enqueue(ndjson(fixture("transcripts/select_multi_types.ndjson")));
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql("SELECT ... FROM t_types").stream()) {
            assertThat(cur.schema().columns().stream().map(col -> col.type().kind()).toList()).containsExactly(
                    TypeKind.INT32, TypeKind.INT64, TypeKind.INT128, TypeKind.BOOLEAN, TypeKind.DECIMAL,
                    TypeKind.DECIMAL, TypeKind.FLOAT64, TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.STRING,
                    TypeKind.ARRAY, TypeKind.MAP, TypeKind.TUPLE, TypeKind.JSON, TypeKind.OTHER);
            assertThat(cur.next()).isTrue();
            assertThat(cur.getInt(1)).isEqualTo(1);
            assertThat(cur.getLong(2)).isEqualTo(Long.MAX_VALUE);
            assertThat(cur.getBigInteger(3)).isEqualTo(new BigInteger("170141183460469231731687303715884105727"));
            assertThat(cur.getBoolean(4)).isTrue();
            assertThat(cur.getBigDecimal(5)).isEqualTo(new BigDecimal("12.50"));
            assertThat(cur.getBigDecimal(6)).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
            assertThat(cur.getDouble(7)).isEqualTo(0.1);
            assertThat(cur.getLocalDate(8)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(cur.getLocalDateTime(9)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 1));
            assertThat(cur.getString(10)).isEqualTo("héllo \"w\"\n");
            assertThat(cur.getObject(11)).isEqualTo(Arrays.asList(1, 2, null));
            Map<Object, Object> attrs = new LinkedHashMap<>();
            attrs.put("a", 1);
            attrs.put("b", 2);
            assertThat(cur.getObject(12)).isEqualTo(attrs);
            assertThat(cur.getObject(13)).isEqualTo(Arrays.asList(1, "x"));
            assertThat(cur.getString(14)).isEqualTo("{\"k\":[1,2],\"z\":null}");
            assertThat(cur.isNull(15)).isTrue();

            assertThat(cur.next()).isTrue();
            assertThat(cur.getLong(2)).isEqualTo(-42);
            assertThat(cur.getBigInteger(3)).isEqualTo(new BigInteger("-170141183460469231731687303715884105728"));
            assertThat(cur.getBoolean(4)).isFalse();
            assertThat(cur.getBigDecimal(5)).isEqualTo(new BigDecimal("-0.05"));
            assertThat(cur.getBigDecimal(6)).isEqualTo(new BigDecimal("0.000000001"));
            assertThat(cur.getDouble(7)).isEqualTo(-2.5);
            assertThat(cur.getLocalDate(8)).isEqualTo(LocalDate.of(1970, 1, 1));
            assertThat(cur.getLocalDateTime(9)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000));
            assertThat(cur.getString(10)).isEmpty();
            assertThat(cur.getObject(11)).isEqualTo(List.of());
            assertThat(cur.getObject(12)).isEqualTo(Map.of());
            assertThat(cur.getObject(13)).isEqualTo(Arrays.asList(null, null));
            assertThat(cur.getString(14)).isEqualTo("\"plain json string\"");

            assertThat(cur.next()).isTrue();
            assertThat(cur.getInt(1)).isEqualTo(3);
            for (int i = 2; i <= 15; i++) {
                assertThat(cur.isNull(i)).as("column %d", i).isTrue();
                assertThat(cur.getObject(i)).isNull();
            }
            assertThat(cur.next()).isFalse();
            assertThat(cur.stats().rowsRead()).isEqualTo(3);
            assertThat(cur.stats().bytesRead()).isEqualTo(812);
            assertThat(cur.stats().resultRows()).isEqualTo(3);
            assertThat(cur.serverInfo()).containsEntry("connectionId", "42");
        }
    }

    @Test
    void everyMultiTypeValueHasItsColumnsJavaType() {
        List<List<Object>> rows = rows(fixture("transcripts/select_multi_types.ndjson"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isEqualTo(1);
        assertThat(rows.get(0).get(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(rows.get(0).get(3)).isEqualTo(true);
        assertThat(rows.get(0).get(6)).isEqualTo(0.1d);
    }

    @Test
    void docsDecimalExample() {
        assertThat(rows(fixture("real/docs_select_internal_decimal.ndjson"))).containsExactly(
                Arrays.asList(1, new BigDecimal("10.00"), null),
                Arrays.asList(2, new BigDecimal("10.00"), new BigDecimal("11.00")),
                Arrays.asList(2, new BigDecimal("20.00"), new BigDecimal("22.00")),
                Arrays.asList(2, new BigDecimal("25.00"), null),
                Arrays.asList(2, new BigDecimal("30.00"), new BigDecimal("35.00")));
    }

    @Test
    void dateDatetimeVarcharWithAnAllNullRow() {
        assertThat(rows(fixture("real/source_comment_select_date_datetime_varchar.ndjson"))).containsExactly(
                Arrays.asList(null, null, null),
                List.of(LocalDate.of(2020, 1, 25), LocalDateTime.of(2022, 12, 26, 9, 6, 9), "anhui"),
                List.of(LocalDate.of(2020, 1, 26), LocalDateTime.of(2022, 12, 26, 9, 6, 10), "beijin"),
                List.of(LocalDate.of(2020, 1, 27), LocalDateTime.of(2022, 12, 26, 9, 6, 11), "chengdu"));
    }

    @Test
    void icebergExampleAndBeRowLines() {
        assertThat(rows(fixture("real/docs_select_iceberg.ndjson"))).containsExactly(List.of(1, 2), List.of(1, 1));
        String be = "{\"connectionId\":1}\n{\"meta\":[{\"name\":\"a\",\"type\":\"int(11)\"},{\"name\":\"b\",\"type\":\"int(11)\"}]}\n"
                + fixture("real/be_test_http_result_writer_rows.ndjson") + "{\"statistics\":{\"returnRows\":3}}\n";
        assertThat(rows(be)).containsExactly(List.of(1, 1), List.of(2, 1), List.of(10, 10));
    }

    @Test
    void emptyResultEndsCleanlyAtItsStatistics() {
        assertThat(rows(fixture("transcripts/select_empty_result.ndjson"))).isEmpty();
    }

    @Test
    void showCatalogs() {
        assertThat(rows("show catalogs", fixture("real/fe_test_show_catalogs.json"))).containsExactly(List.of(
                "default_catalog", "Internal", "An internal catalog contains this cluster's self-managed tables."));
    }

    @Test
    void explainTranscript() {
        List<List<Object>> lines = rows("explain select * from t_types", fixture("transcripts/explain_select.ndjson"));
        assertThat(lines.get(0)).containsExactly("PLAN FRAGMENT 0");
        assertThat(lines.get(lines.size() - 1)).containsExactly("     avgRowSize=16.0");
    }

    @Test
    void killTranscriptHasNoRows() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(fixture("transcripts/kill_connection.ndjson")).build());
        try (SqlClient c = client(server, ok)) {
            assertThat(c.sql("kill 42").execute().rowsReturned()).isZero();
        }
    }

    @Test
    void errorTranscriptsCarryTheUnescapedServerMessage() {
        server.enqueue(error(500, fixture("transcripts/presend_failure_unknown_table.ndjson")));
        server.enqueue(error(500, fixture("transcripts/disallowed_insert.ndjson")));
        server.enqueue(error(500, fixture("real/docs_failure_template.json")));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select * from demo.nope").list(r -> 1))
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageStartingWith("Getting analyzing error. Detail message: Unknown table 'demo.nope'.");
            assertThatThrownBy(() -> c.sql("show x").list(r -> 1))
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageStartingWith("http query only support SELECT, SHOW, EXPLAIN, DESC, KILL statement");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(QueryFailedException.class).hasMessageStartingWith("xxx");
        }
    }
}
