package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code sessionVariables} are checked as the FE's SET SESSION is; {@code SELECT @@name} answers typed values. */
class StarRocksVariablesTest {
  private static final String SQL = "/api/v1/catalogs/default_catalog/sql";

  private static RawHttp.Response post(RawHttp http, String body) throws IOException {
    return http.exchange("POST", SQL, body, "Authorization", RawHttp.basic("root", ""));
  }

  @Test
  void unknownNamesAndBadIntegersFailTheRequest() throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer(); RawHttp http = new RawHttp(sr.port())) {
      RawHttp.Response unknown = post(http, "{\"query\":\"SELECT 1\",\"sessionVariables\":{\"timeout\":\"10\"}}");
      assertThat(unknown.status).isEqualTo(500);
      assertThat(unknown.text()).contains("Unknown system variable \\u0027timeout\\u0027").doesNotContain("\"data\"");

      RawHttp.Response bad = post(http, "{\"query\":\"SELECT 1\",\"sessionVariables\":{\"query_timeout\":\"ten\"}}");
      assertThat(bad.status).isEqualTo(500);
      assertThat(bad.text()).contains("Incorrect argument type to variable \\u0027query_timeout\\u0027");

      RawHttp.Response boolOk = post(http, "{\"query\":\"SELECT 1\",\"sessionVariables\":{\"enable_profile\":\"true\"}}");
      assertThat(boolOk.status).isEqualTo(200);
    }
  }

  @Test
  void selectVariableIsTypedWithTheDefaultOrTheConnectionsValue() throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer(); RawHttp http = new RawHttp(sr.port())) {
      RawHttp.Response dflt = post(http, "{\"query\":\"SELECT @@query_timeout\"}");
      assertThat(dflt.text()).contains("\"type\":\"bigint(20)\"").contains("{\"data\":[300]}");

      post(http, "{\"query\":\"SELECT 1\",\"sessionVariables\":{\"query_timeout\":\"42\"}}");
      assertThat(post(http, "{\"query\":\"SELECT @@session.query_timeout\"}").text()).contains("{\"data\":[42]}");
      assertThat(post(http, "{\"query\":\"SELECT @@time_zone\"}").text()).contains("{\"data\":[\"Asia/Shanghai\"]}");
      assertThat(post(http, "{\"query\":\"SELECT @@nope\"}").text()).contains("Unknown system variable \\u0027nope\\u0027");
    }
  }

  @Test
  void moreVariablesCanBeDeclared() throws IOException {
    try (StarRocksTestServer sr = new StarRocksTestServer().sessionVariable("cbo_max_reorder_node", "int", "50");
        RawHttp http = new RawHttp(sr.port())) {
      assertThat(post(http, "{\"query\":\"SELECT @@cbo_max_reorder_node\"}").text()).contains("{\"data\":[50]}");
    }
  }
}
