package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.databend.DatabendQueryException;
import dev.olaphttp.databend.DatabendQueryException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the responses of the Databend fixtures (src/test/resources/fixtures/databend, see its README) through the
 * page parser, the value decoders and the error classifier, and checks each value against an independent oracle.
 */
class ConformanceTest {
    private static final String ROOT = "/fixtures/databend/";

    static Stream<String> transcripts() {
        return Stream.of("select_3_pages", "set_session_setting", "use_database", "failed_query", "expired_query",
                "kill_query", "transaction_sticky", "session_login_heartbeat_logout");
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("transcripts")
    void everyResponseOfATranscriptDecodes(String name) throws Exception {
        Map<String, Object> root = (Map<String, Object>) Json.read(resource("transcripts/" + name + ".json"));
        int checked = 0;
        for (Object ex : (List<Object>) root.get("exchanges")) {
            Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) ex).get("response");
            int status = ((Long) response.get("status")).intValue();
            Object body = response.get("body");
            if (!(body instanceof Map<?, ?> b)) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) b;
            if (status == 200 && m.containsKey("schema") && m.containsKey("next_uri")) {
                checkQueryResponse(m);
                checked++;
            } else if (status != 200 && m.get("error") instanceof Map) {
                checkErrorEnvelope(status, (Map<String, Object>) m.get("error"), Json.write(m));
                checked++;
            }
        }
        assertThat(checked).as("responses checked in " + name).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static void checkQueryResponse(Map<String, Object> body) throws IOException {
        String text = Json.write(body);
        Decoded d = decode(text);
        Page p = d.page;
        assertThat(p.id).isEqualTo(body.get("id"));
        assertThat(p.state).isEqualTo(body.get("state"));
        assertThat(p.nextUri).isEqualTo(body.get("next_uri"));
        assertThat(p.killUri).isEqualTo(body.get("kill_uri"));
        if (body.get("session") instanceof Map<?, ?> s) {
            assertThat(p.sessionJson).isEqualTo(Json.write(s));
            assertThat(text).contains(p.sessionJson);
        } else {
            assertThat(p.sessionJson).isNull();
        }
        if (body.get("error") instanceof Map<?, ?> e) {
            assertThat(p.hasError()).isTrue();
            assertThat(p.errorCode).isEqualTo(((Long) e.get("code")).intValue());
            assertThat(p.errorMessage).isEqualTo(e.get("message"));
            assertThat(p.errorDetail).isEqualTo(e.get("detail"));
        } else {
            assertThat(p.hasError()).isFalse();
        }
        if (body.get("stats") instanceof Map<?, ?> st && st.get("scan_progress") instanceof Map<?, ?> scan) {
            assertThat(p.stats.scanRows).isEqualTo(scan.get("rows"));
        }
        List<Object> schema = (List<Object>) body.get("schema");
        List<Object> data = (List<Object>) body.get("data");
        assertThat(p.rows).isEqualTo(data.size());
        for (int r = 0; r < data.size(); r++) {
            List<Object> cells = (List<Object>) data.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String type = (String) ((Map<String, Object>) schema.get(c)).get("type");
                assertThat(d.rows.get(r).get(c)).as("row %d col %d (%s)", r, c, type)
                        .isEqualTo(oracle(type, (String) cells.get(c)));
            }
        }
    }

    /** What a cell must decode to, written independently of the decoders. */
    private static Object oracle(String type, String cell) {
        if (cell == null) {
            return null;
        }
        return switch (type) {
            case "UInt64", "Nullable(UInt64)" -> new BigInteger(cell);
            case "Int32", "Nullable(Int32)", "UInt8", "Nullable(UInt8)", "Int8", "Int16", "UInt16" -> Integer.valueOf(cell);
            case "Int64", "Nullable(Int64)", "UInt32" -> Long.valueOf(cell);
            case "String", "Nullable(String)" -> cell;
            case "Boolean", "Nullable(Boolean)" -> cell.equals("1");
            default -> fail("no oracle for type " + type);
        };
    }

    private static void checkErrorEnvelope(int status, Map<String, Object> error, String body) {
        SqlClientException e = DatabendErrors.INSTANCE.classify(FakeResponse.of(status, body));
        assertThat(e).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(status);
        int code = ((Long) error.get("code")).intValue();
        assertThat(e.getMessage()).contains((String) error.get("message"));
        if (code != status) {
            assertThat(e.errorCode()).hasValue(code);
        }
        switch (status) {
            case 401 -> assertThat(e).isInstanceOf(AuthenticationException.class);
            case 404 -> assertThat(((DatabendQueryException) e).reason()).isEqualTo(Reason.QUERY_NOT_FOUND);
            case 400 -> assertThat(((DatabendQueryException) e).reason()).isEqualTo(
                    ((String) error.get("message")).contains(" is closed for ") ? Reason.QUERY_CLOSED
                            : Reason.REQUEST_REJECTED);
            default -> assertThat(e).isInstanceOf(DatabendQueryException.class);
        }
    }

    @Test
    void serverSideParameterResultsDecode() throws Exception {
        List<Object> values = Json.readAll(sections(resource("real/03_0016_http_query_params.result")));
        // positional [42,"hello",true], named {"age":30,"name":"Alice"}, [null,false], then an insert and a select
        assertThat(rows(values.get(0), "Int32", "String", "Boolean")).containsExactly(List.of(42, "hello", true));
        assertThat(values.get(1)).isNull();
        assertThat(rows(values.get(2), "Int32", "String")).containsExactly(List.of(30, "Alice"));
        assertThat(rows(values.get(4), "Nullable(Int32)", "Boolean")).containsExactly(Arrays.asList(null, false));
        assertThat(rows(values.get(8), "Int32", "String", "Boolean"))
                .containsExactly(List.of(1, "row1", true), List.of(2, "row2", false));
    }

    @Test
    void realErrorObjectsBecomeTypedExceptions() throws Exception {
        List<Object> json = Json.readAll(resource("real/09_0001_json_response.result"));
        assertThat(json.get(0)).isEqualTo("Failed");
        Page failed = decode("{\"id\":\"q\",\"state\":\"Failed\",\"error\":" + Json.write(json.get(1))
                + ",\"schema\":[],\"data\":[],\"next_uri\":\"/v1/query/q/final\"}").page;
        assertThat(failed.errorCode).isEqualTo(1065);
        assertThat(failed.errorMessage).contains("column a doesn't exist");
        checkErrorEnvelope(400, errorOf(json.get(2)), Json.write(json.get(2)));
        checkErrorEnvelope(404, errorOf(json.get(3)), Json.write(json.get(3)));

        List<Object> detail = Json.readAll(resource("real/09_0003_error_detail.result"));
        Page withDetail = decode("{\"id\":\"q\",\"state\":\"Failed\",\"error\":" + Json.write(detail.get(1))
                + ",\"schema\":[],\"data\":[],\"next_uri\":null}").page;
        assertThat(withDetail.errorCode).isEqualTo(1046);
        assertThat(withDetail.errorDetail).isEqualTo("at file 'select.csv', line 1");

        List<Object> kill = Json.readAll(sections(resource("real/09_0005_kill.result")));
        checkErrorEnvelope(400, errorOf(kill.get(2)), Json.write(kill.get(2)));
        List<Object> route = Json.readAll(sections(resource("real/09_0006_route_error.result")));
        checkErrorEnvelope(404, errorOf(route.get(0)), Json.write(route.get(0)));
        assertThat(rows(route.get(3), "UInt8")).containsExactly(List.of(1));
    }

    @Test
    void sessionInternalStringIsKeptVerbatim() throws Exception {
        String raw = resource("real/01_0008_streaming_load_session.result").lines()
                .filter(l -> l.startsWith("{\"need_sticky\"")).findFirst().orElseThrow();
        Page p = decode("{\"id\":\"load-csv\",\"state\":\"Succeeded\",\"session\":" + raw
                + ",\"schema\":[],\"data\":[],\"next_uri\":null}").page;
        assertThat(p.sessionJson).isEqualTo(raw);
        SessionJson s = SessionJson.read(p.sessionJson);
        assertThat(s.needSticky).isFalse();
        assertThat(SessionJson.withSettings(raw, Map.of("max_threads", "2")))
                .isEqualTo("{\"settings\":{\"max_threads\":\"2\"}," + raw.substring(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorOf(Object envelope) {
        return (Map<String, Object>) ((Map<String, Object>) envelope).get("error");
    }

    /** Drops the "=== title ===", "## name" and "# name" lines of a .result file. */
    private static String sections(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().filter(l -> !l.startsWith("===") && !l.startsWith("#")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** Decodes a {@code data} fragment with the given column types. */
    private static List<List<Object>> rows(Object data, String... types) throws IOException {
        StringBuilder schema = new StringBuilder("[");
        for (int i = 0; i < types.length; i++) {
            schema.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"")
                    .append(types[i]).append("\"}");
        }
        return decode("{\"id\":\"q\",\"state\":\"Succeeded\",\"schema\":" + schema + "],\"data\":" + Json.write(data)
                + ",\"next_uri\":null}").rows;
    }

    record Decoded(Page page, List<List<Object>> rows) {}

    static Decoded decode(String body) throws IOException {
        ResultColumns[] holder = new ResultColumns[1];
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        Page p = PageParser.parse(new RecordingInputStream(in, PageParser.SESSION_RECORD_LIMIT), page -> {
            if (holder[0] == null && !page.schema.isEmpty()) {
                holder[0] = new ResultColumns(page.schema);
            }
            return holder[0] == null ? null : holder[0].columns();
        });
        List<List<Object>> rows = new ArrayList<>();
        if (holder[0] != null) {
            ResultFormat fmt = new ResultFormat(ResultFormat.zoneOf(p.timezone), p.binaryFormat, false);
            holder[0].resolve(fmt.zone());
            holder[0].pageLoaded(p.rows, fmt);
            while (holder[0].next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < holder[0].columns().length; c++) {
                    row.add(holder[0].getObject(c));
                }
                rows.add(row);
            }
        }
        return new Decoded(p, rows);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
