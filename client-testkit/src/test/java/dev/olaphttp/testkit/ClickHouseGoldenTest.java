package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's encoders reproduce real ClickHouse 26.7 output byte for byte for the golden values. */
class ClickHouseGoldenTest {
  private static ClickHouseTestServer server;

  @BeforeAll
  static void start() {
    server = new ClickHouseTestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "q01_integers, TabSeparatedWithNamesAndTypes, tsv",
    "q01_integers, RowBinaryWithNamesAndTypes, bin",
    "q01_integers, JSONEachRow, jsonl",
    "q01_integers, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q02_floats_decimals, TabSeparatedWithNamesAndTypes, tsv",
    "q02_floats_decimals, RowBinaryWithNamesAndTypes, bin",
    "q02_floats_decimals, JSONEachRow, jsonl",
    "q02_floats_decimals, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q03_strings, TabSeparatedWithNamesAndTypes, tsv",
    "q03_strings, RowBinaryWithNamesAndTypes, bin",
    "q03_strings, JSONEachRow, jsonl",
    "q03_strings, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q04_datetime, TabSeparatedWithNamesAndTypes, tsv",
    "q04_datetime, RowBinaryWithNamesAndTypes, bin",
    "q04_datetime, JSONEachRow, jsonl",
    "q04_datetime, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q05_bool_ip, TabSeparatedWithNamesAndTypes, tsv",
    "q05_bool_ip, RowBinaryWithNamesAndTypes, bin",
    "q05_bool_ip, JSONEachRow, jsonl",
    "q05_bool_ip, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q06_nullable, TabSeparatedWithNamesAndTypes, tsv",
    "q06_nullable, RowBinaryWithNamesAndTypes, bin",
    "q06_nullable, JSONEachRow, jsonl",
    "q06_nullable, JSONCompactEachRowWithNamesAndTypes, jsonl",
    "q07_composite, TabSeparatedWithNamesAndTypes, tsv",
    "q07_composite, RowBinaryWithNamesAndTypes, bin",
    "q07_composite, JSONEachRow, jsonl",
    "q07_composite, JSONCompactEachRowWithNamesAndTypes, jsonl",
  })
  void encodesGoldenValuesByteForByte(String query, String format, String ext) throws IOException {
    Table table = GoldenTsv.read(Fixtures.bytes("clickhouse/golden/" + query + ".TabSeparatedWithNamesAndTypes.tsv"));
    server.resetScripts();
    server.when(SqlMatcher.contains("FROM " + query)).thenReturn(table);
    byte[] expected = Fixtures.bytes("clickhouse/golden/" + query + "." + format + "." + ext);
    try (RawHttp c = new RawHttp(server.port())) {
      String sql = URLEncoder.encode("SELECT * FROM " + query + " FORMAT " + format, StandardCharsets.UTF_8);
      RawHttp.Response r = c.exchange("POST", "/?query=" + sql, "");
      assertThat(r.status).isEqualTo(200);
      assertThat(r.header("X-ClickHouse-Format")).isEqualTo(format);
      if (!ext.equals("bin")) {
        assertThat(r.text()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
      }
      assertThat(r.body).isEqualTo(expected);
    }
  }
}
