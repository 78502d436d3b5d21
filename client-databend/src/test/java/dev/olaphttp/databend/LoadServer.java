package dev.olaphttp.databend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A dispatcher playing a Databend server for loads: answers the schema lookup with a configured schema, stage
 * uploads with SUCCESS, the INSERT and REMOVE with configurable responses; records every request by kind.
 */
class LoadServer extends Dispatcher {
    static final String UPLOADED = "{\"id\":\"u1\",\"stage_name\":\"~\",\"state\":\"SUCCESS\",\"files\":[\"f\"]}";
    private static final JsonFactory JSON = new JsonFactory();

    final List<String> kinds = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    volatile String schema = "[{\"name\":\"id\",\"type\":\"Int64\"},{\"name\":\"name\",\"type\":\"Nullable(String)\"}]";
    volatile Function<Integer, MockResponse> insert = n -> inserted(2, 40);
    volatile Function<Integer, MockResponse> upload = n -> TestServer.json(200, UPLOADED);
    volatile MockResponse streaming = TestServer.json(200, "{\"id\":\"q1\",\"stats\":{\"rows\":2,\"bytes\":29}}");
    volatile MockResponse remove = TestServer.resp().id("rm").next("final").ok();
    private int inserts;
    private int uploads;

    @Override
    public synchronized MockResponse dispatch(RecordedRequest r) {
        if ("GET".equals(r.getMethod()) && r.getTarget().endsWith("/final")) {
            return TestServer.resp().id("f").stats("null").next(null).ok(); // each result ends through final_uri
        }
        requests.add(r);
        String body = r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
        if ("PUT".equals(r.getMethod()) && r.getTarget().startsWith("/v1/upload_to_stage")) {
            kinds.add("UPLOAD");
            return upload.apply(++uploads);
        }
        if ("PUT".equals(r.getMethod()) && r.getTarget().equals("/v1/streaming_load")) {
            kinds.add("STREAM");
            return streaming;
        }
        if (!r.getTarget().equals("/v1/query")) {
            kinds.add("OTHER " + r.getTarget());
            return TestServer.json(404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}");
        }
        if (body.contains("\"sql\":\"SELECT * FROM ")) {
            kinds.add("SCHEMA");
            return TestServer.resp().id("s").schema(schema).next("final").ok();
        }
        if (body.contains("\"sql\":\"INSERT INTO ")) {
            kinds.add("INSERT");
            return insert.apply(++inserts);
        }
        if (body.contains("\"sql\":\"REMOVE ")) {
            kinds.add("REMOVE");
            return remove;
        }
        kinds.add("SQL");
        return TestServer.resp().next("final").ok();
    }

    /** The INSERT's response: one summary row and write stats. */
    static MockResponse inserted(long rows, long bytes) {
        String stats = TestServer.STATS.replace("\"write_progress\":{\"rows\":0,\"bytes\":0}",
                "\"write_progress\":{\"rows\":" + rows + ",\"bytes\":" + bytes + "}");
        return TestServer.resp().id("q1").schema("[{\"name\":\"number of rows inserted\",\"type\":\"UInt64\"}]")
                .data("[[\"" + rows + "\"]]").stats(stats).next("final").ok();
    }

    RecordedRequest first(String kind) {
        List<RecordedRequest> all = all(kind);
        if (all.isEmpty()) {
            throw new AssertionError("no " + kind + " request; saw " + kinds);
        }
        return all.get(0);
    }

    List<RecordedRequest> all(String kind) {
        List<RecordedRequest> out = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals(kind)) {
                out.add(requests.get(i));
            }
        }
        return out;
    }

    /** The file part of a multipart upload, checking the framing. */
    static String filePart(RecordedRequest put, String fileName) {
        String ct = put.getHeaders().get("Content-Type");
        if (ct == null || !ct.startsWith("multipart/form-data; boundary=")) {
            throw new AssertionError("not multipart: " + ct);
        }
        String boundary = ct.substring(ct.indexOf('=') + 1);
        String body = TestServer.body(put);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        if (!body.startsWith(head) || !body.endsWith(tail)) {
            throw new AssertionError("bad multipart framing: " + body);
        }
        return body.substring(head.length(), body.length() - tail.length());
    }

    /** NDJSON lines as maps, numbers kept exact (BigInteger / BigDecimal). */
    static List<Map<String, Object>> ndjson(String text) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("NDJSON must end with a newline");
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            try (JsonParser p = JSON.createParser(line)) {
                p.nextToken();
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) value(p);
                if (p.nextToken() != null) {
                    throw new AssertionError("more than one value on a line: " + line);
                }
                out.add(m);
            }
        }
        return out;
    }

    static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return new BigInteger(p.getText());
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(p.getText());
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw new AssertionError("unexpected " + t);
        }
    }
}
