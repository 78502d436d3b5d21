package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Databend: literal INSERT ... VALUES into declared tables, and a failed transaction refusing work until ROLLBACK. */
class DatabendStatementsTest {
  private static RawHttp.Response post(RawHttp http, String body) throws IOException {
    return http.exchange("POST", "/v1/query", body, "Authorization", RawHttp.basic("root", ""),
        "Content-Type", "application/json");
  }

  private static String session(String response) {
    int at = response.indexOf("\"session\":");
    int depth = 0;
    for (int i = at + 10; i < response.length(); i++) {
      char c = response.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return response.substring(at + 10, i + 1);
      }
    }
    throw new AssertionError("no session in " + response);
  }

  @Test
  void literalValuesAreStoredAndReported() throws IOException {
    try (DatabendTestServer db = new DatabendTestServer(); RawHttp http = new RawHttp(db.port())) {
      LoadedTable t = db.table("default.t", Column.of("id", "Int32"), Column.of("name", "String"));
      RawHttp.Response r = post(http, "{\"sql\":\"INSERT INTO t VALUES (1,'x'),(2,'y')\"}");
      assertThat(r.text()).contains("\"data\":[[\"2\"]]").contains("\"write_progress\":{\"rows\":2,");
      assertThat(t.rows()).containsExactly(List.of(1L, "x"), List.of(2L, "y"));
      RawHttp.Response named = post(http, "{\"sql\":\"INSERT INTO t (name, id) VALUES ('z', 3)\"}");
      assertThat(named.text()).contains("\"data\":[[\"1\"]]");
      assertThat(t.rows()).hasSize(3).last().isEqualTo(List.of(3L, "z"));
      RawHttp.Response bad = post(http, "{\"sql\":\"INSERT INTO t VALUES ('nan', 'q')\"}");
      assertThat(bad.text()).contains("\"code\":1046");
      assertThat(t.rows()).hasSize(3);
    }
  }

  @Test
  void aFailedTransactionRefusesStatementsWith4002UntilRollback() throws IOException {
    try (DatabendTestServer db = new DatabendTestServer(); RawHttp http = new RawHttp(db.port())) {
      db.when(SqlMatcher.contains("boom")).thenFail(1006, "boom");
      String s = session(post(http, "{\"sql\":\"BEGIN\"}").text());
      assertThat(s).contains("\"txn_state\":\"Active\"");
      String failed = post(http, "{\"sql\":\"SELECT boom\",\"session\":" + s + "}").text();
      s = session(failed);
      assertThat(s).contains("\"txn_state\":\"Fail\"");
      String refused = post(http, "{\"sql\":\"SELECT 1\",\"session\":" + s + "}").text();
      assertThat(refused).contains("\"code\":4002");
      s = session(refused);
      assertThat(s).contains("\"txn_state\":\"Fail\"");
      String rolledBack = post(http, "{\"sql\":\"ROLLBACK\",\"session\":" + s + "}").text();
      s = session(rolledBack);
      assertThat(s).contains("\"txn_state\":\"AutoCommit\"");
      assertThat(post(http, "{\"sql\":\"SELECT 1\",\"session\":" + s + "}").text()).contains("\"data\":[[\"1\"]]");
    }
  }
}
