package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The FE keeps {@code sessionVariables} on the TCP connection. This mock FE does the same (state keyed by the
 * connection) and answers every query with the variables in force on its connection: no session may ever see
 * another session's variable, however the pool hands out connections.
 */
class ConnectionIsolationTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();
    private final Map<Integer, Map<String, String>> stateByConnection = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private void statefulServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> vars = stateByConnection.computeIfAbsent(
                        request.getConnectionIndex(), k -> new TreeMap<>());
                try (JsonParser p = new JsonFactory().createParser(request.getBody().utf8())) {
                    p.nextToken();
                    String f;
                    while ((f = p.nextFieldName()) != null) {
                        p.nextToken();
                        if (f.equals("sessionVariables")) {
                            String name;
                            while ((name = p.nextFieldName()) != null) {
                                vars.put(name, p.nextTextValue()); // applied to the connection, kept there
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    StringWriter seen = new StringWriter();
                    try (var g = new JsonFactory().createGenerator(seen)) {
                        g.writeString(vars.toString());
                    }
                    return TestSupport.ndjson("{\"connectionId\":" + request.getConnectionIndex() + "}\n"
                            + "{\"meta\":[{\"name\":\"vars\",\"type\":\"varchar\"}]}\n"
                            + "{\"data\":[" + seen + "]}\n{\"statistics\":{\"returnRows\":1}}\n");
                } catch (IOException e) {
                    return TestSupport.error(500, "{\"status\":\"FAILED\",\"msg\":\"malformed json\"}");
                }
            }
        });
    }

    private static String seen(SqlSession s) {
        return one(s.sql("select @@vars"));
    }

    private static String one(dev.olaphttp.Query q) {
        String v = q.single(r -> r.getString(1));
        return v;
    }

    @Test
    void variablesNeverLeakIntoAnotherSessionsRequest() {
        statefulServer();
        try (SqlClient c = TestSupport.client(server, ok);
                SqlSession a = c.openSession();
                SqlSession b = c.openSession();
                SqlSession plain = c.openSession()) {
            assertThat(seen(plain)).isEqualTo("{}");
            a.sql("SET query_timeout = 10").execute();
            b.sql("SET pipeline_dop = 4").execute();
            for (int i = 0; i < 5; i++) {
                assertThat(seen(a)).isEqualTo("{query_timeout=10}");
                assertThat(seen(plain)).isEqualTo("{}");
                assertThat(seen(b)).isEqualTo("{pipeline_dop=4}");
                assertThat(one(c.sql("select 1"))).isEqualTo("{}");
            }
            a.sql("SET query_timeout = DEFAULT").execute();
            assertThat(seen(a)).isEqualTo("{}");
            b.sql("SET pipeline_dop = 8").execute();
            assertThat(seen(b)).isEqualTo("{pipeline_dop=8}");
            assertThat(seen(plain)).isEqualTo("{}");
        }
    }

    @Test
    void statementSettingsDoNotStayOnThePooledConnection() {
        statefulServer();
        try (SqlClient c = TestSupport.client(server, ok)) {
            assertThat(one(c.sql("select 1").setting("query_timeout", "3")))
                    .isEqualTo("{query_timeout=3}");
            assertThat(one(c.sql("select 1"))).isEqualTo("{}");
        }
    }

    @Test
    void requestsWithoutVariablesShareOnePooledConnection() throws Exception {
        statefulServer();
        try (SqlClient c = TestSupport.client(server, ok)) {
            for (int i = 0; i < 3; i++) {
                assertThat(one(c.sql("select 1"))).isEqualTo("{}");
            }
        }
        assertThat(stateByConnection).hasSize(1);
        assertThat(ok.connectionPool().idleConnectionCount()).isEqualTo(1);
    }

    @Test
    void clientDefaultVariablesAreSentOnEveryRequestOnFreshConnections() {
        statefulServer();
        try (SqlClient c = TestSupport.builder(server, ok).setting("query_timeout", "60")
                .resilience(dev.olaphttp.ResiliencePolicy.noRetries()).build();
                SqlSession s = c.openSession()) {
            assertThat(one(c.sql("select 1"))).isEqualTo("{query_timeout=60}");
            s.sql("SET query_timeout = 1").execute();
            assertThat(seen(s)).isEqualTo("{query_timeout=1}");
            assertThat(one(c.sql("select 1"))).isEqualTo("{query_timeout=60}");
        }
        assertThat(ok.connectionPool().connectionCount()).isZero();
    }
}
