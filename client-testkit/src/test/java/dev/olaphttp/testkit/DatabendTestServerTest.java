package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabendTestServerTest {
  private static final String AUTH = RawHttp.basic("root", "");
  private DatabendTestServer server;
  private RawHttp c;

  @BeforeEach
  void start() throws IOException {
    server = new DatabendTestServer();
    c = new RawHttp(server.port());
  }

  @AfterEach
  void stop() throws IOException {
    c.close();
    server.close();
  }

  private RawHttp.Response post(String body, String... headers) throws IOException {
    List<String> h = new ArrayList<>(List.of("Authorization", AUTH, "Content-Type", "application/json"));
    h.addAll(List.of(headers));
    return c.exchange("POST", "/v1/query", body, h.toArray(String[]::new));
  }

  private RawHttp.Response get(String uri) throws IOException {
    return c.exchange("GET", uri, null, "Authorization", AUTH);
  }

  private static List<String> keys(Map<String, Object> m) {
    return new ArrayList<>(m.keySet());
  }

  private static List<String> headerNames(RawHttp.Response r) {
    List<String> n = new ArrayList<>(r.headerNames());
    n.remove("Content-Length");
    return n;
  }

  @Test
  void threePagesFollowTheTranscript() throws IOException {
    RawHttp.Response first = post("{\"sql\":\"SELECT number FROM numbers(10) ORDER BY number\",\"session\":"
        + "{\"database\":\"default\",\"settings\":{\"timezone\":\"Asia/Shanghai\"}},\"pagination\":"
        + "{\"wait_time_secs\":2,\"max_rows_per_page\":4,\"max_rows_in_buffer\":4}}");
    assertThat(first.status).isEqualTo(200);
    Map<String, Object> body = Json.object(first.text());
    Map<String, Object> fixture = Json.transcriptBody("select_3_pages.json", 1);
    assertThat(keys(body)).containsExactlyElementsOf(keys(fixture));
    assertThat(keys(Json.obj(body.get("session")))).containsExactlyElementsOf(keys(Json.obj(fixture.get("session"))));
    assertThat(keys(Json.obj(body.get("stats")))).containsExactlyElementsOf(keys(Json.obj(fixture.get("stats"))));
    assertThat(body.get("settings")).isEqualTo(fixture.get("settings"));
    assertThat(headerNames(first)).containsExactlyElementsOf(Json.transcriptHeaderNames("select_3_pages.json", 1));
    assertThat(body.get("state")).isEqualTo("Running");
    assertThat(body.get("data")).isEqualTo(fixture.get("data"));
    assertThat(body.get("schema")).isEqualTo(fixture.get("schema"));
    String id = (String) body.get("id");
    assertThat(id).matches("[0-9a-f]{32}").isEqualTo(first.header("x-databend-query-id"));
    assertThat(Json.obj(body.get("session")).get("internal"))
        .isEqualTo("{\"last_node_id\":\"" + server.nodeId() + "\",\"last_query_ids\":[\"" + id + "\"]}");
    assertThat(body.get("next_uri")).isEqualTo("/v1/query/" + id + "/page/1");

    Map<String, Object> p1 = Json.object(get((String) body.get("next_uri")).text());
    assertThat(p1.get("session")).isNull();
    assertThat(p1.get("state")).isEqualTo("Succeeded");
    assertThat(p1.get("data")).isEqualTo(Json.transcriptBody("select_3_pages.json", 2).get("data"));
    Map<String, Object> retry = Json.object(get("/v1/query/" + id + "/page/1").text());
    assertThat(retry.get("data")).isEqualTo(p1.get("data"));
    Map<String, Object> p2 = Json.object(get((String) p1.get("next_uri")).text());
    assertThat(p2.get("data")).isEqualTo(List.of(List.of("8"), List.of("9")));
    assertThat(p2.get("next_uri")).isEqualTo("/v1/query/" + id + "/final");

    RawHttp.Response bad = get("/v1/query/" + id + "/page/0");
    assertThat(bad.status).isEqualTo(404);
    assertThat(bad.text()).isEqualTo(
        "{\"error\":{\"code\":404,\"message\":\"Invalid page number: requested 0, current page is 3\"}}");
    Map<String, Object> fin = Json.object(get("/v1/query/" + id + "/final").text());
    assertThat(keys(fin)).containsExactlyElementsOf(keys(Json.transcriptBody("select_3_pages.json", 6)));
    assertThat(fin.get("next_uri")).isNull();
    assertThat(fin.get("data")).isEqualTo(List.of());
    RawHttp.Response after = get("/v1/query/" + id + "/page/3");
    assertThat(after.status).isEqualTo(400);
    assertThat(after.text()).contains("Query " + id + " is closed for finalized");
  }

  @Test
  void failedQueryHasTheFixtureShape() throws IOException {
    server.when(SqlMatcher.equalTo("select a")).thenFail(1065, "error: column a doesn't exist");
    Map<String, Object> body = Json.object(post("{\"sql\":\"select a\"}").text());
    Map<String, Object> fixture = Json.transcriptBody("failed_query.json", 1);
    assertThat(keys(body)).containsExactlyElementsOf(keys(fixture));
    assertThat(body.get("state")).isEqualTo("Failed");
    assertThat(body.get("error")).isEqualTo(Map.of("code", 1065L, "message", "error: column a doesn't exist"));
    assertThat((String) body.get("next_uri")).endsWith("/final");
  }

  @Test
  void failToStartAndMalformedJsonAndAuth() throws IOException {
    Map<String, Object> body = Json.object(post("{\"sql\":\"select 1\",\"session\":{\"txn_state\":\"Active\"}}")
        .text());
    assertThat(keys(body)).containsExactlyElementsOf(keys(Json.transcriptBody("failed_query.json", 4)));
    assertThat(body.get("session")).isEqualTo(Json.transcriptBody("failed_query.json", 4).get("session"));
    RawHttp.Response malformed = post("{sql\": 1}");
    assertThat(malformed.status).isEqualTo(400);
    assertThat(malformed.text()).startsWith("{\"error\":{\"code\":400,\"message\":\"parse error: ");
    RawHttp.Response denied = c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}",
        "Authorization", RawHttp.basic("root", "nope"));
    assertThat(denied.status).isEqualTo(401);
    assertThat(Json.object(denied.text()).get("error")).isEqualTo(
        Map.of("code", 5100L, "message", "Authentication failed: password incorrect"));
  }

  @Test
  void setUseAndBeginChangeTheReturnedSession() throws IOException {
    Map<String, Object> set = Json.object(post("{\"sql\":\"SET max_threads = 8\",\"session\":{\"settings\":"
        + "{\"timezone\":\"Asia/Shanghai\"}}}").text());
    Map<String, Object> fixture = Json.transcriptBody("set_session_setting.json", 1);
    assertThat(set.get("affect")).isEqualTo(fixture.get("affect"));
    assertThat(Json.obj(set.get("session")).get("settings"))
        .isEqualTo(Json.obj(fixture.get("session")).get("settings"));
    assertThat(set.get("has_result_set")).isEqualTo(false);
    Map<String, Object> use = Json.object(post("{\"sql\":\"USE analytics\"}").text());
    assertThat(use.get("affect")).isEqualTo(Map.of("type", "UseDB", "name", "analytics"));
    assertThat(Json.obj(use.get("session")).get("database")).isEqualTo("analytics");
    Map<String, Object> begin = Json.object(post("{\"sql\":\"BEGIN\"}").text());
    Map<String, Object> session = Json.obj(begin.get("session"));
    assertThat(session.get("txn_state")).isEqualTo("Active");
    assertThat(session.get("need_sticky")).isEqualTo(true);
  }

  @Test
  void queryIdHeaderIsHonouredAndIdempotent() throws IOException {
    RawHttp.Response a = post("{\"sql\":\"select 1\"}", "X-DATABEND-QUERY-ID", "myquery1");
    assertThat(Json.object(a.text()).get("id")).isEqualTo("myquery1");
    Map<String, Object> again = Json.object(post("{\"sql\":\"select 2\"}", "X-DATABEND-QUERY-ID", "myquery1").text());
    assertThat(again.get("data")).as("the existing query's page 0").isEqualTo(List.of(List.of("1")));
  }

  @Test
  void killThenPagesAreClosedAndFinalCarriesTheError() throws IOException {
    server.runningPolls(1);
    Map<String, Object> body = Json.object(post("{\"sql\":\"select number from numbers(100)\"}").text());
    assertThat(body.get("state")).isEqualTo("Running");
    assertThat(body.get("data")).isEqualTo(List.of());
    String id = (String) body.get("id");
    assertThat(body.get("next_uri")).isEqualTo("/v1/query/" + id + "/page/0");
    RawHttp.Response kill = c.exchange("POST", "/v1/query/" + id + "/kill", "", "Authorization", AUTH);
    assertThat(kill.status).isEqualTo(200);
    assertThat(kill.body).isEmpty();
    RawHttp.Response page = get("/v1/query/" + id + "/page/0");
    assertThat(page.status).isEqualTo(400);
    assertThat(page.text()).contains("is closed for canceled");
    Map<String, Object> fin = Json.object(get("/v1/query/" + id + "/final").text());
    assertThat(fin.get("error")).isEqualTo(Map.of("code", 1043L, "message", "canceled by client"));
    Map<String, Object> state = Json.object(get("/v1/query/" + id).text());
    assertThat(keys(state)).containsExactly("state", "error", "warnings", "stats");
  }

  @Test
  void expiredThenForgottenQueries() throws IOException {
    Map<String, Object> body = Json.object(post("{\"sql\":\"select number from numbers(100)\",\"pagination\":"
        + "{\"max_rows_per_page\":10}}").text());
    String id = (String) body.get("id");
    server.expire(id);
    RawHttp.Response closed = get("/v1/query/" + id + "/page/1");
    assertThat(closed.status).isEqualTo(400);
    assertThat(closed.text()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"Query " + id
        + " is closed for timed out\"}}");
    server.forget(id);
    RawHttp.Response gone = get("/v1/query/" + id + "/page/1");
    assertThat(gone.status).isEqualTo(404);
    assertThat(gone.text()).contains("Query ID " + id + " not found on node " + server.nodeId());
  }

  @Test
  void midResultFailureAppearsOnALaterPage() throws IOException {
    server.when(SqlMatcher.contains("boom")).thenFailAfter(Table.numbers(10, "UInt64"), 3, 1006, "overflow");
    Map<String, Object> first = Json.object(post("{\"sql\":\"select boom\"}").text());
    assertThat(first.get("data")).isEqualTo(List.of(List.of("0"), List.of("1"), List.of("2")));
    assertThat(first.get("error")).isNull();
    Map<String, Object> next = Json.object(get((String) first.get("next_uri")).text());
    assertThat(next.get("state")).isEqualTo("Failed");
    assertThat(next.get("error")).isEqualTo(Map.of("code", 1006L, "message", "overflow"));
    assertThat((String) next.get("next_uri")).endsWith("/final");
  }

  @Test
  void loginHeartbeatLogoutAndBearerTokens() throws IOException {
    RawHttp.Response login = c.exchange("POST", "/v1/session/login", "{}", "Authorization", AUTH,
        "X-DATABEND-CLIENT-CAPS", "session_header", "Content-Type", "application/json");
    Map<String, Object> body = Json.object(login.text());
    Map<String, Object> fixture = Json.transcriptBody("session_login_heartbeat_logout.json", 1);
    assertThat(keys(body)).containsExactlyElementsOf(keys(fixture));
    assertThat(login.header("x-databend-session")).isNotNull();
    assertThat(headerNames(login)).containsExactlyElementsOf(
        Json.transcriptHeaderNames("session_login_heartbeat_logout.json", 1));
    String token = (String) Json.obj(body.get("tokens")).get("session_token");
    assertThat(token).startsWith("bend-v1-s-");
    RawHttp.Response q = c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}", "Authorization",
        "Bearer " + token, "X-DATABEND-CLIENT-CAPS", "session_header", "X-DATABEND-SESSION",
        login.header("x-databend-session"));
    Map<String, Object> qb = Json.object(q.text());
    assertThat(qb.get("session_id")).isEqualTo(body.get("session_id"));
    assertThat(headerNames(q)).containsExactlyElementsOf(
        Json.transcriptHeaderNames("session_login_heartbeat_logout.json", 2));
    assertThat(q.header("x-databend-session")).isEqualTo(login.header("x-databend-session"));
    String id = (String) qb.get("id");
    RawHttp.Response hb = c.exchange("POST", "/v1/session/heartbeat", "{\"node_to_queries\":{\"" + server.nodeId()
        + "\":[\"" + id + "\",\"unknown\"]}}", "Authorization", AUTH);
    assertThat(Json.object(hb.text()).get("queries_to_remove")).isEqualTo(List.of(id, "unknown"));
    RawHttp.Response logout = c.exchange("POST", "/v1/session/logout", "", "Authorization", "Bearer " + token);
    assertThat(logout.text()).isEqualTo("{\"error\":null}");
    RawHttp.Response after = c.exchange("POST", "/v1/query", "{\"sql\":\"select 1\"}", "Authorization",
        "Bearer " + token);
    assertThat(after.status).isEqualTo(401);
    assertThat(after.text()).contains("5103");
  }

  @Test
  void cookieSessionsAreCreatedAndKept() throws IOException {
    RawHttp.Response first = post("{\"sql\":\"select 1\"}", "Cookie", "cookie_enabled=true");
    String cookie = first.header("Set-Cookie");
    assertThat(cookie).matches("session_id=[0-9a-f-]{36}; Path=/");
    String id = cookie.substring("session_id=".length(), cookie.indexOf(';'));
    assertThat(Json.object(first.text()).get("session_id")).isEqualTo(id);
    RawHttp.Response second = post("{\"sql\":\"select 1\"}", "Cookie", "cookie_enabled=true; session_id=" + id);
    assertThat(second.header("Set-Cookie")).isNull();
    assertThat(second.header("x-databend-session-id")).isEqualTo(id);
    assertThat(Json.object(post("{\"sql\":\"select 1\"}").text()).get("session_id")).isEqualTo("");
  }

  @Test
  void uploadToStageThenInsertWithStageAttachment() throws IOException {
    String boundary = "b0undary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"rows.csv\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n1,a\n2,b\n3,c\n\r\n--" + boundary + "--\r\n";
    RawHttp.Response up = c.exchange("PUT", "/v1/upload_to_stage", multipart, "Authorization", AUTH,
        "Content-Type", "multipart/form-data; boundary=" + boundary, "X-DATABEND-STAGE-NAME", "~",
        "X-DATABEND-RELATIVE-PATH", "client/load");
    assertThat(up.status).isEqualTo(200);
    Map<String, Object> reply = Json.object(up.text());
    assertThat(reply.get("state")).isEqualTo("SUCCESS");
    assertThat(reply.get("files")).isEqualTo(List.of("rows.csv"));
    assertThat(new String(server.stagedFiles().get("@~/client/load/rows.csv"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("1,a\n2,b\n3,c\n");
    Map<String, Object> insert = Json.object(post("{\"sql\":\"INSERT INTO t VALUES\",\"stage_attachment\":"
        + "{\"location\":\"@~/client/load/rows.csv\",\"file_format_options\":{\"type\":\"CSV\"}}}").text());
    assertThat(insert.get("schema")).isEqualTo(List.of(Map.of("name", "number of rows inserted", "type", "UInt64")));
    assertThat(insert.get("data")).isEqualTo(List.of(List.of("3")));
    Map<String, Object> ddl = Json.object(post("{\"sql\":\"CREATE TABLE t (a INT)\"}").text());
    assertThat(ddl.get("has_result_set")).isEqualTo(false);
    assertThat(ddl.get("state")).isEqualTo("Succeeded");
    RawHttp.Response noFile = c.exchange("PUT", "/v1/upload_to_stage", "x", "Authorization", AUTH,
        "X-DATABEND-STAGE-NAME", "~");
    assertThat(noFile.status).isEqualTo(400);
  }

  @Test
  void cellsAreRenderedAsDatabendStrings() throws IOException {
    server.when(SqlMatcher.contains("t_cells")).thenReturn(Table.builder()
        .column("b", "Boolean").column("d", "Decimal(10, 2)").column("ts", "Timestamp").column("s", "Nullable(String)")
        .column("a", "Array(String)").column("f", "Float64").column("bin", "Binary").column("t", "Tuple(Int32, String)")
        .row(true, new java.math.BigDecimal("1"), java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), null,
            List.of("x", "y\"z"), Double.NaN, new byte[] {(byte) 0xAB, 1}, List.of(7, "p\"q"))
        .build());
    Map<String, Object> body = Json.object(post("{\"sql\":\"select * from t_cells\"}").text());
    assertThat(body.get("data")).isEqualTo(List.of(java.util.Arrays.asList("1", "1.00", "2024-01-02 03:04:05.000006",
        null, "[\"x\",\"y\\\"z\"]", "NaN", "AB01", "(7,\"p\\\"q\")")));
  }
}
