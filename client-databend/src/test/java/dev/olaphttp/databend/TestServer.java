package dev.olaphttp.databend;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** Helpers for protocol tests: response bodies shaped like the server's, and clients pointed at a mock server. */
final class TestServer {
    static final String STATS = "{\"scan_progress\":{\"rows\":10,\"bytes\":80},\"write_progress\":{\"rows\":0,\"bytes\":0},"
            + "\"result_progress\":{\"rows\":10,\"bytes\":80},\"total_scan\":{\"rows\":10,\"bytes\":80},"
            + "\"spill_progress\":{\"file_nums\":0,\"bytes\":0},\"running_time_ms\":7}";

    private TestServer() {}

    /** A QueryResponse body; fields in the server's order. */
    static final class Resp {
        String id = "q1";
        String node = "node-1";
        String state = "Succeeded";
        String session = "null";
        String error = "null";
        String schema = "[]";
        String data = "[]";
        String affect = "null";
        long timeout = 60;
        String settings = "{\"timezone\":\"UTC\",\"geometry_output_format\":\"GEOJSON\",\"binary_output_format\":\"HEX\","
                + "\"http_json_result_mode\":\"display\"}";
        String stats = STATS;
        String next;
        boolean uris = true;

        Resp id(String v) {
            id = v;
            return this;
        }

        Resp state(String v) {
            state = v;
            return this;
        }

        Resp session(String v) {
            session = v;
            return this;
        }

        Resp error(String v) {
            error = v;
            return this;
        }

        Resp schema(String v) {
            schema = v;
            return this;
        }

        Resp data(String v) {
            data = v;
            return this;
        }

        Resp affect(String v) {
            affect = v;
            return this;
        }

        Resp timeout(long v) {
            timeout = v;
            return this;
        }

        Resp settings(String v) {
            settings = v;
            return this;
        }

        Resp stats(String v) {
            stats = v;
            return this;
        }

        Resp node(String v) {
            node = v;
            return this;
        }

        /** next_uri: "page/N", "final" or null. */
        Resp next(String v) {
            next = v;
            return this;
        }

        Resp noUris() {
            uris = false;
            return this;
        }

        String json() {
            String base = "/v1/query/" + id;
            String nextUri = next == null ? "null" : "\"" + base + "/" + next + "\"";
            return "{\"id\":\"" + id + "\",\"session_id\":\"\",\"node_id\":\"" + node + "\",\"state\":\"" + state
                    + "\",\"session\":" + session + ",\"error\":" + error + ",\"warnings\":[],\"has_result_set\":true,"
                    + "\"schema\":" + schema + ",\"data\":" + data + ",\"affect\":" + affect
                    + ",\"result_timeout_secs\":" + timeout + (settings == null ? "" : ",\"settings\":" + settings)
                    + ",\"stats\":" + stats + ",\"stats_uri\":" + uri(base) + ",\"final_uri\":" + uri(base + "/final")
                    + ",\"next_uri\":" + (uris ? nextUri : "null") + ",\"kill_uri\":" + uri(base + "/kill") + "}";
        }

        private String uri(String u) {
            return uris ? "\"" + u + "\"" : "null";
        }

        MockResponse ok() {
            return TestServer.json(200, json());
        }

        /** With extra headers, e.g. {@code "Set-Cookie: session_id=s1; Path=/"}. */
        MockResponse ok(String... headers) {
            MockResponse.Builder b = new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json");
            for (String h : headers) {
                b.addHeader(h);
            }
            return b.body(json()).build();
        }
    }

    static Resp resp() {
        return new Resp();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** The body of a final response (no rows, next_uri null). */
    static MockResponse finalOk(String id) {
        return resp().id(id).next(null).ok();
    }

    /**
     * Answers the POST and page requests with {@code pages} in order (then 404), and {@code /kill} and
     * {@code /final} at once as the server does (200 empty; a final reply), so that an early stop never waits.
     */
    static mockwebserver3.Dispatcher pages(java.util.List<MockResponse> pages) {
        java.util.Queue<MockResponse> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(pages);
        return new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                if (t.endsWith("/kill")) {
                    return new MockResponse.Builder().code(200).build();
                }
                if (t.endsWith("/final")) {
                    return finalOk("q1");
                }
                MockResponse next = queue.poll();
                return next != null ? next : json(404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}");
            }
        };
    }

    static MockResponse empty200() {
        return new MockResponse.Builder().code(200).body("").build();
    }

    static ResiliencePolicy fastRetries() {
        return ResiliencePolicy.builder().maxAttempts(3).backoff(Duration.ofMillis(5), 1.0, Duration.ofMillis(5)).build();
    }

    static String dsn(MockWebServer server, String params) {
        return "databend://root:secret@127.0.0.1:" + server.getPort() + "/default?sslmode=disable"
                + (params.isEmpty() ? "" : "&" + params);
    }

    /** A client without login, with ids q1, q2, ... */
    static SqlClient client(MockWebServer server, String params) {
        return builder(server, "login=disable" + (params.isEmpty() ? "" : "&" + params)).build();
    }

    static SqlClient.Builder builder(MockWebServer server, String params) {
        AtomicInteger ids = new AtomicInteger();
        return Databend.builder(dsn(server, params))
                .resilience(fastRetries())
                .readTimeout(Duration.ofSeconds(20))
                .queryIdGenerator(() -> "q" + ids.incrementAndGet());
    }

    static SqlClient client(MockWebServer server, OkHttpClient http) {
        return builder(server, "login=disable").httpClient(OkHttpAdapter.borrow(http)).build();
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    /** The path and query of a request. */
    static String target(RecordedRequest r) {
        return r.getTarget();
    }
}
