package dev.olaphttp;

import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.StatementRequest;
import dev.olaphttp.testdialect.LineDialect;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * D16: every header-bound value (query id, bearer token, session state, insert label and options, any header a
 * dialect sets) either reaches the server byte for byte or is refused with {@link InvalidRequestException} before
 * anything is sent, never quoted in the message; never a raw {@code IllegalArgumentException} from OkHttp.
 * Seeded; the seed is in every assertion's description.
 */
class HeaderValuesFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int ROUNDS = 60;

    /** Printable ASCII, tab, CR, LF, NUL, other controls, DEL, Latin-1, beyond Latin-1, a surrogate pair. */
    private static final String[] PIECES = {
        "a", "Z", "0", "-", "_", " ", "~", "\"", ":", ";", "=", "%", "\t", "\r", "\n", "\r\n", "\0", "\u0001",
        "\u001f", "\u007f", "é", "ÿ", "\u0085", "€", "中", "\uD83D\uDE00", "\u2028"
    };

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Random random = new Random(SEED);

    private String randomValue() {
        StringBuilder sb = new StringBuilder("v");
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /** What HTTP/1.1 (and OkHttp) can carry as a header value: tab and printable ASCII. */
    private static boolean sendable(String v) {
        return v.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    /** A query id: printable ASCII, no tab. */
    private static boolean validQueryId(String v) {
        return v.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private String seed() {
        return "seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + ")";
    }

    /** Either the value arrived intact in {@code header}, or the call failed typed and sent nothing. */
    private void check(String value, boolean valid, Runnable call, Function<RecordedRequest, String> seen)
            throws InterruptedException {
        int before = server.getRequestCount();
        Throwable t = catchThrowable(call::run);
        String what = seed() + ", value " + escape(value);
        if (valid) {
            assertThat(t).as(what).isNull();
            assertThat(seen.apply(server.takeRequest())).as(what).isEqualTo(value.strip());
        } else {
            assertThat(t).as(what).isInstanceOf(InvalidRequestException.class);
            assertThat(t.getMessage()).as(what).doesNotContain(value);
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(c).as(what).isNotInstanceOf(IllegalArgumentException.class);
            }
            assertThat(server.getRequestCount()).as(what + ": nothing sent").isEqualTo(before);
        }
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        v.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.toString();
    }

    private void enqueueOk() {
        server.enqueue(LineTesting.ok(body("")));
    }

    @Test
    void queryIds() throws Exception {
        try (SqlClient c = LineTesting.builder(server).build()) {
            for (int i = 0; i < ROUNDS; i++) {
                String id = randomValue().strip();
                boolean valid = validQueryId(id) && !id.isEmpty();
                if (valid) {
                    enqueueOk();
                }
                check(id, valid, () -> c.sql("SELECT 1").queryId(id).execute(), r -> r.getHeaders().get("X-Query-Id"));
            }
        }
    }

    @Test
    void generatedQueryIds() throws Exception {
        for (int i = 0; i < ROUNDS / 4; i++) {
            String id = randomValue().strip();
            boolean valid = validQueryId(id) && !id.isEmpty();
            if (valid) {
                enqueueOk();
            }
            try (SqlClient c = LineTesting.builder(server).queryIdGenerator(() -> id).build()) {
                check(id, valid, () -> c.sql("SELECT 1").execute(), r -> r.getHeaders().get("X-Query-Id"));
            }
        }
    }

    @Test
    void bearerTokens() throws Exception {
        for (int i = 0; i < ROUNDS / 2; i++) {
            String token = randomValue().strip();
            boolean valid = sendable(token);
            if (valid) {
                enqueueOk();
            }
            try (SqlClient c = LineTesting.builder(server).credentials(Credentials.bearer(token)).build()) {
                check(token, valid, () -> c.sql("SELECT 1").execute(),
                        r -> r.getHeaders().get("Authorization").substring("Bearer ".length()));
            }
        }
    }

    @Test
    void basicCredentialsOfAnyTextArriveExactly() throws Exception {
        for (int i = 0; i < ROUNDS / 2; i++) {
            String user = randomValue().replace(":", "");
            String password = randomValue();
            enqueueOk();
            try (SqlClient c = LineTesting.builder(server).user(user, password).build()) {
                c.sql("SELECT 1").execute();
            }
            String auth = server.takeRequest().getHeaders().get("Authorization");
            String decoded = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())),
                    StandardCharsets.UTF_8);
            assertThat(decoded).as(seed()).isEqualTo(user + ":" + password);
        }
    }

    @Test
    void sessionStateSentInAHeader() throws Exception {
        try (SqlClient c = LineTesting.builder(server).build()) {
            for (int i = 0; i < ROUNDS; i++) {
                String state = randomValue();
                boolean valid = sendable(state);
                if (valid) {
                    enqueueOk();
                }
                try (SqlSession s = c.openSession(SessionState.empty().withDialectState(state))) {
                    check(state, valid, () -> s.sql("SELECT 1").execute(),
                            r -> r.getHeaders().get(LineDialect.SESSION_STATE));
                }
            }
        }
    }

    /** A dialect that sends the insert's label and options as headers, as Stream Load and Databend loads do. */
    private SqlClient loader() {
        return SqlClient.builder()
                .dialect(new ScriptedDialect(context -> new DialectClient() {
                    @Override
                    public QueryExecution start(StatementRequest request) {
                        throw new UnsupportedOperationException("loads only");
                    }

                    @Override
                    public InsertResult insert(dev.olaphttp.spi.InsertRequest request) {
                        HttpCall.Builder b = HttpCall.builder("PUT", "/load").header("label", request.labelOr("x"));
                        request.options().forEach(b::header);
                        try (HttpResponse r = context.transport().execute(b.info(request.info()).build())) {
                            return new InsertResult(0, 0, request.loadId(), request.labelOr("x"), null);
                        }
                    }
                }))
                .endpoint(LineTesting.url(server))
                .build();
    }

    @Test
    void insertLabelsAndOptions() throws Exception {
        try (SqlClient c = loader()) {
            for (int i = 0; i < ROUNDS; i++) {
                String value = randomValue();
                boolean valid = sendable(value);
                if (valid) {
                    enqueueOk();
                    enqueueOk();
                }
                check(value, valid, () -> c.insert("t").label(value).rows(List.<Object[]>of()),
                        r -> r.getHeaders().get("label"));
                check(value, valid, () -> c.insert("t").option("max_filter_ratio", value).rows(List.<Object[]>of()),
                        r -> r.getHeaders().get("max_filter_ratio"));
            }
        }
    }

    @Test
    void anyHeaderADialectSetsAndAnyName() {
        for (int i = 0; i < ROUNDS * 4; i++) {
            String value = randomValue();
            String name = "X-" + randomValue().strip();
            Throwable byValue = catchThrowable(() -> HttpCall.builder("GET", "/").header("X-Test", value));
            Throwable byName = catchThrowable(() -> HttpCall.builder("GET", "/").header(name, "v"));
            String what = seed() + ", value " + escape(value) + ", name " + escape(name);
            if (sendable(value)) {
                assertThat(byValue).as(what).isNull();
            } else {
                assertThat(byValue).as(what).isInstanceOf(InvalidRequestException.class);
                assertThat(byValue.getMessage()).as(what).doesNotContain(value);
            }
            boolean nameOk = name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f);
            if (nameOk) {
                assertThat(byName).as(what).isNull();
            } else {
                assertThat(byName).as(what).isInstanceOf(InvalidRequestException.class);
            }
        }
    }
}
