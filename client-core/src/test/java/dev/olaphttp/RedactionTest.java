package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.olaphttp.spi.HttpCall;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Passwords, tokens and parameter values never reach logs, exception messages or toString(). */
class RedactionTest {
    private static final String PASSWORD = "canary-pw-8c1f";
    private static final String TOKEN = "canary-token-8c1f";
    private static final String PARAM = "canary-param-8c1f";
    private static final List<String> CANARIES = List.of("canary", "8c1f",
            Base64.getEncoder().encodeToString(("u:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Object> seen = new ArrayList<>();
    private Logger logger;
    private Level oldLevel;

    @BeforeEach
    void captureLogs() {
        logger = (Logger) LoggerFactory.getLogger("dev.olaphttp");
        oldLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void checkLogs() {
        logger.detachAppender(logs);
        logger.setLevel(oldLevel);
        assertThat(logs.list).as("the scenario must log something to be meaningful").isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            String text = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
            assertClean(text);
        }
    }

    private static void assertClean(String text) {
        for (String canary : CANARIES) {
            assertThat(text).doesNotContain(canary);
        }
    }

    private void seeFailure(Throwable t) {
        assertThat(t).isNotNull();
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertClean(String.valueOf(c.getMessage()));
            assertClean(c.toString());
        }
    }

    private final List<String> heardByListener = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final QueryListener eavesdropper = new QueryListener() {
        @Override
        public void onRequest(QueryInfo query, String method, String path, int attempt) {
            heardByListener.add(method + " " + path);
        }

        @Override
        public void onRetry(QueryInfo query, int attempt, java.time.Duration delay, SqlClientException cause) {
            heardByListener.add(String.valueOf(cause.getMessage()));
        }

        @Override
        public void onFailure(QueryInfo query, SqlClientException error) {
            heardByListener.add(String.valueOf(error.getMessage()));
        }
    };

    private SqlClient basicClient() {
        return LineTesting.builder(server)
                .user("u", PASSWORD)
                .setting("password", PASSWORD)
                .listener(eavesdropper)
                .build();
    }

    @Test
    void basicCredentialsAndParametersStayOutOfLogsAndErrors() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(ok(body("n:int64", "1")));
        server.enqueue(status(400, "ERROR 47: Unknown identifier"));
        server.enqueue(status(401, "authentication failed"));
        server.enqueue(status(500, "<html><body>proxy error</body></html>"));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        try (SqlClient c = basicClient()) {
            assertThat(c.sql("INSERT INTO t SELECT {p:String}").param("p", PARAM).list(r -> r.getLong(1)))
                    .containsExactly(1L);
            seeFailure(catchThrowable(() -> c.sql("SELECT {p:String}").param("p", PARAM).execute()));
            seeFailure(catchThrowable(() -> c.sql("SELECT ?").param(PARAM).execute()));
            seeFailure(catchThrowable(() -> c.sql("SELECT {p:String}").param("p", PARAM).execute()));
            seeFailure(catchThrowable(() -> c.sql("INSERT {p:String}").param("p", PARAM).execute()));

            Query q = c.sql("SELECT {p:String}").param("p", PARAM);
            assertClean(q.toString());
            assertClean(c.toString());
            assertClean(c.defaultState().toString());
        }
        assertThat(heardByListener).isNotEmpty().allSatisfy(RedactionTest::assertClean);
        // The canaries did travel, so the checks above mean something.
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameter("param_p")).isEqualTo(PARAM);
        assertThat(first.getHeaders().get("Authorization")).contains(CANARIES.get(2));
    }

    @Test
    void bearerTokensStayOutOfLogsAndErrors() throws Exception {
        server.enqueue(status(401, "expired"));
        server.enqueue(status(401, "still expired"));
        Credentials creds = Credentials.bearer(refresh -> TOKEN + (refresh ? "-2" : ""));
        assertClean(creds.toString());
        assertClean(Credentials.bearer(TOKEN).toString());
        assertClean(Credentials.basic("u", PASSWORD).toString());
        try (SqlClient c = LineTesting.builder(server).credentials(creds).build()) {
            seeFailure(catchThrowable(() -> c.sql("SELECT 1").execute()));
            assertClean(c.toString());
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void builderAndDsnToStringHideSecrets() {
        SqlClient.Builder b = SqlClient.builder()
                .dsn("linetest://u:" + PASSWORD + "@127.0.0.1:" + server.getPort() + "/db?token=" + TOKEN);
        assertClean(b.toString());
        Dsn dsn = Dsn.parse("linetest://u:" + PASSWORD + "@h:1/db?password=" + PASSWORD + "&secret_key=" + TOKEN);
        assertClean(dsn.toString());
        for (String name : new String[] {"pwd", "passwd", "access_token", "api_key", "auth", "jwt", "credentials"}) {
            assertClean(Dsn.parse("linetest://h/db?" + name + "=" + TOKEN).toString());
            assertClean(SessionState.empty().withSetting(name, TOKEN).toString());
        }
        assertThat(Dsn.parse("linetest://h/db?warehouse=wh1").toString()).contains("warehouse=wh1");
        assertThat(dsn.password()).hasValue(PASSWORD);
        SessionState s = SessionState.empty().withSetting("password", PASSWORD).withDialectState(TOKEN)
                .withServerSessionId(TOKEN);
        assertClean(s.toString());
        LoggerFactory.getLogger("dev.olaphttp.test").debug("builder {}", b); // the appender must see something
    }

    @Test
    void malformedDsnErrorsDoNotEchoThePassword() {
        String[] bad = {
            "linetest://u:" + PASSWORD + "@h:notaport/db",
            "linetest://u:" + PASSWORD + "%zz@h:1/db",
            "linetest://u:" + PASSWORD + "%@h:1/db",
            "linetest://u:" + PASSWORD + "?x@h:1/db",
            "linetest://u:" + PASSWORD + "99999?x@h/db",
            "linetest://u:" + PASSWORD + "@[::1:80/db",
            "linetest://u:" + PASSWORD + "@",
            "u:" + PASSWORD + "@h:1",
        };
        for (String dsn : bad) {
            Throwable t = catchThrowable(() -> SqlClient.builder().dsn(dsn));
            assertThat(t).as(dsn).isInstanceOf(IllegalArgumentException.class);
            seeFailure(t);
            logger.debug("rejected a DSN: {}", t.getMessage());
        }
    }

    @Test
    void headerValuesWithLineBreaksAreRejectedWithoutEchoingThem() {
        HttpCall.Builder call = HttpCall.builder("POST", "/query");
        Throwable t = catchThrowable(() -> call.header("X-Token", TOKEN + "\r\nX-Injected: 1"));
        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessageContaining("X-Token");
        seeFailure(t);
        assertThatThrownBy(() -> call.header("X-Bad\nName", "v")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> call.header("X-Nul", "a\0b")).isInstanceOf(InvalidRequestException.class);

        try (SqlClient c = LineTesting.builder(server).credentials(Credentials.bearer(TOKEN + "\nX-Evil: 1")).build()) {
            Throwable e = catchThrowable(() -> c.sql("SELECT 1").execute());
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining("Authorization");
            seeFailure(e);
            logger.debug("rejected: {}", e.getMessage());
        }
        assertThat(server.getRequestCount()).as("nothing was sent").isZero();
    }
}
