package dev.olaphttp.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.Credentials;
import dev.olaphttp.Endpoint;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The helpers the SPI gives dialects: HttpErrors, SqlText, Deadline, Cancellation, SessionDelta, ClientConfig. */
class SpiHelpersTest {
    record FakeResponse(int status, Map<String, String> headerMap, String bodyText) implements HttpResponse {
        @Override
        public String header(String name) {
            return headerMap.get(name);
        }

        @Override
        public List<String> headers(String name) {
            String v = headerMap.get(name);
            return v == null ? List.of() : List.of(v);
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bodyText.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Endpoint endpoint() {
            return Endpoint.parse("http://h:1");
        }

        @Override
        public HttpCall call() {
            return HttpCall.builder("GET", "/x").build();
        }

        @Override
        public SqlClientException readFailure(IOException e, long rowsDelivered) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    static FakeResponse response(int status, String body, Map<String, String> headers) {
        return new FakeResponse(status, headers, body);
    }

    @Test
    void fromStatusMapsEachFamily() {
        assertThat(HttpErrors.fromStatus(response(401, "no", Map.of()), null))
                .isInstanceOf(AuthenticationException.class);
        assertThat(HttpErrors.fromStatus(response(403, "no", Map.of()), null))
                .isInstanceOf(AuthenticationException.class);
        for (int s : new int[] {408, 429, 502, 503, 504}) {
            SqlClientException e = HttpErrors.fromStatus(response(s, "", Map.of()), null);
            assertThat(e).isInstanceOf(ServerBusyException.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.httpStatus()).isEqualTo(s);
        }
        assertThat(HttpErrors.fromStatus(response(500, "x", Map.of()), "Code: 60. Unknown table"))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("Unknown table");
        SqlClientException html = HttpErrors.fromStatus(response(500,
                "<!DOCTYPE html><html><head><style>p{}</style><script>var a=1;</script></head>"
                        + "<body><h1>502   Bad\nGateway</h1></body></html>",
                Map.of("Content-Type", "text/html")), null);
        assertThat(html).isInstanceOf(ProtocolException.class);
        assertThat(html.getMessage())
                .contains("HTTP 500")
                .contains("text/html")
                .contains("502 Bad Gateway")
                .doesNotContain("<")
                .doesNotContain("var a");
        assertThat(HttpErrors.fromStatus(response(500, "", Map.of()), null).getMessage()).contains("<empty body>");
    }

    @Test
    void snippetsAreShortAndSingleLine() {
        String s = HttpErrors.snippet("a\n\n b\t" + "x".repeat(500));
        assertThat(s).startsWith("a b x").endsWith("... [body snippet, 200 of 506 bytes]")
                .hasSize(HttpErrors.SNIPPET_CHARS + "... [body snippet, 200 of 506 bytes]".length());
        assertThat(HttpErrors.looksLikeHtml(null, "  <html>")).isTrue();
        assertThat(HttpErrors.looksLikeHtml(null, "{\"error\":1}")).isFalse();
        assertThat(HttpErrors.looksLikeHtml("text/html; charset=utf-8", "plain words")).isFalse();
    }

    @Test
    void errorBodiesAreReadBounded() throws IOException {
        FakeResponse big = response(500, "y".repeat(HttpErrors.MAX_ERROR_BODY * 2), Map.of());
        assertThat(HttpErrors.readBounded(big, 10)).hasSize(10);
        assertThat(HttpErrors.bodyText(big)).hasSize(HttpErrors.MAX_ERROR_BODY);
    }

    @Test
    void retryAfterAcceptsSecondsAndDates() {
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of("Retry-After", " 7 ")))).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of("Retry-After", "-1")))).isNull();
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of("Retry-After", "soon")))).isNull();
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of()))).isNull();
        String inAMinute = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of("Retry-After", inAMinute))))
                .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        String past = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(HttpErrors.retryAfter(response(503, "", Map.of("Retry-After", past)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void sqlTextSeesThroughNoise() {
        assertThat(SqlText.firstKeyword("  -- note\n /* block */ (select 1)")).isEqualTo("SELECT");
        assertThat(SqlText.firstKeyword("")).isEmpty();
        assertThat(SqlText.firstKeyword("/* unterminated")).isEmpty();
        assertThat(SqlText.isReadOnly("with x as (select 1) select * from x")).isTrue();
        assertThat(SqlText.isReadOnly("SHOW TABLES")).isTrue();
        assertThat(SqlText.isReadOnly("/* select */ INSERT INTO t VALUES (1)")).isFalse();
        assertThat(SqlText.isReadOnly("-- select\nDELETE FROM t")).isFalse();
        // a CTE in front of a write is a write: it must never be retried as a read
        assertThat(SqlText.isReadOnly("WITH s AS (SELECT 1 AS n) INSERT INTO t SELECT n FROM s")).isFalse();
        assertThat(SqlText.isReadOnly("with d as (select id from old) delete from t where id in (select id from d)"))
                .isFalse();
        assertThat(SqlText.isReadOnly("EXPLAIN ANALYZE INSERT INTO t VALUES (1)")).isFalse();
        assertThat(SqlText.isReadOnly("EXPLAIN SELECT 1")).isTrue();
        assertThat(SqlText.isReadOnly("SELECT * INTO new_table FROM t")).isFalse();
        assertThat(SqlText.isReadOnly("SELECT a FROM t INTO OUTFILE 'x.csv'")).isFalse();
        assertThat(SqlText.isReadOnly("SELECT interval, intotal FROM t")).isTrue();
        assertThat(SqlText.trimStatement("\n  /* c */ SELECT 1 ;; \n")).isEqualTo("SELECT 1");
    }

    @Test
    void deadlines() {
        assertThat(Deadline.none().isSet()).isFalse();
        assertThat(Deadline.none().isExpired()).isFalse();
        assertThat(Deadline.after(Duration.ZERO)).isSameAs(Deadline.none());
        assertThat(Deadline.after(Duration.ofSeconds(-1))).isSameAs(Deadline.none());
        assertThat(Deadline.after(null)).isSameAs(Deadline.none());
        Deadline d = Deadline.after(Duration.ofMinutes(1));
        assertThat(d.isSet()).isTrue();
        assertThat(d.budget()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        Deadline gone = Deadline.after(Duration.ofNanos(1));
        assertThat(gone.isExpired()).isTrue();
        assertThat(gone.remaining()).isZero();
    }

    @Test
    void cancellationRunsEachActionOnceEvenWhenRegisteredLate() {
        Cancellation c = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        Cancellation.Registration removed = c.onCancel(runs::incrementAndGet);
        c.onCancel(() -> {
            throw new IllegalStateException("a failing action must not stop the others");
        });
        c.onCancel(runs::incrementAndGet);
        removed.close();
        c.cancel();
        c.cancel();
        assertThat(c.isCancelled()).isTrue();
        assertThat(runs).hasValue(1);
        c.onCancel(runs::incrementAndGet);
        assertThat(runs).as("registered after cancel: runs at once").hasValue(2);
    }

    @Test
    void sessionDeltasApplyInOrder() {
        SessionState start = SessionState.empty().withDatabase("a").withSetting("x", "1").withSetting("y", "2");
        SessionDelta d = SessionDelta.builder()
                .database("b")
                .catalog("cat")
                .set("z", "3")
                .reset("x")
                .set("y", "20")
                .serverSessionId("sid")
                .dialectState("{}")
                .build();
        SessionState after = d.applyTo(start);
        assertThat(after.database()).hasValue("b");
        assertThat(after.catalog()).hasValue("cat");
        assertThat(after.settings()).containsExactly(Map.entry("y", "20"), Map.entry("z", "3"));
        assertThat(after.serverSessionId()).hasValue("sid");
        assertThat(after.dialectState()).hasValue("{}");
        assertThat(SessionDelta.none().isEmpty()).isTrue();
        assertThat(SessionDelta.none().applyTo(start)).isEqualTo(start);
        assertThat(SessionDelta.builder().set("x", "1").reset("x").build().applyTo(start).settings())
                .doesNotContainKey("x");
    }

    @Test
    void clientConfigOptions() {
        ClientConfig cfg = new ClientConfig(List.of(Endpoint.parse("http://h:1")), Credentials.basic("u", "secret-pw"),
                SessionState.empty(), Map.of("on", "YES", "off", "0", "bad", "maybe", "n", " 42 ", "token", "tok-9"),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO);
        assertThat(cfg.booleanOption("on", false)).isTrue();
        assertThat(cfg.booleanOption("off", true)).isFalse();
        assertThat(cfg.booleanOption("absent", true)).isTrue();
        assertThatThrownBy(() -> cfg.booleanOption("bad", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
        assertThat(cfg.longOption("n", 0)).isEqualTo(42);
        assertThatThrownBy(() -> cfg.longOption("bad", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cfg.option("absent")).isEmpty();
        assertThat(cfg.toString()).doesNotContain("secret-pw").doesNotContain("tok-9");
    }

    @Test
    void httpCallsAreImmutableAndLogSafe() {
        HttpCall call = HttpCall.builder("GET", "/v1/query/page?token=tok-9")
                .queryParam("param_p", "secret-value")
                .header("X-A", "1")
                .idempotent(true)
                .build();
        assertThat(call.toString()).isEqualTo("GET /v1/query/page");
        HttpCall pinned = call.pinnedTo(Endpoint.parse("http://h:2"));
        assertThat(pinned.endpoint()).isEqualTo(Endpoint.parse("http://h:2"));
        assertThat(call.endpoint()).isNull();
        assertThat(pinned.queryParams()).isEqualTo(call.queryParams());
        assertThat(pinned.idempotent()).isTrue();
        assertThatThrownBy(() -> call.queryParams().add(Map.entry("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> HttpCall.builder("GET", "relative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followUpCallKeepsEverythingButPathAndQuery() {
        Cancellation c = new Cancellation();
        HttpCall first = HttpCall.builder("PUT", "/api/db/t/_stream_load")
                .queryParam("a", "1")
                .header("label", "L1")
                .idempotent(true)
                .cancellation(c)
                .build();
        HttpCall next = first.toBuilder("PUT", "/api/db/t/_stream_load?x=2")
                .endpoint(dev.olaphttp.Endpoint.parse("http://be:8040"))
                .build();
        assertThat(next.path()).isEqualTo("/api/db/t/_stream_load?x=2");
        assertThat(next.queryParams()).isEmpty();
        assertThat(next.headers()).containsExactly(java.util.Map.entry("label", "L1"));
        assertThat(next.idempotent()).isTrue();
        assertThat(next.cancellation()).isSameAs(c);
        assertThat(next.endpoint().key()).isEqualTo("be:8040");
        assertThat(first.toBuilder().build().queryParams()).containsExactly(java.util.Map.entry("a", "1"));
    }

    @Test
    void baseMessageHasNoDetailsSuffix() {
        dev.olaphttp.QueryFailedException e = new dev.olaphttp.QueryFailedException(
                "Unknown table", dev.olaphttp.ErrorDetails.of("clickhouse", "q1").withErrorCode(60));
        assertThat(e.getMessage()).isEqualTo("Unknown table [dialect=clickhouse, queryId=q1, code=60]");
        assertThat(e.baseMessage()).isEqualTo("Unknown table");
    }

    @Test
    void cancellationRunsTheNewestActionFirst() {
        Cancellation c = new Cancellation();
        java.util.List<String> order = new java.util.ArrayList<>();
        c.onCancel(() -> order.add("statement-level kill"));
        Cancellation.Registration inFlight = c.onCancel(() -> order.add("abort the call in flight"));
        c.onCancel(() -> {
            throw new IllegalStateException("a failing action does not stop the others");
        });
        c.cancel();
        c.cancel();
        assertThat(order).containsExactly("abort the call in flight", "statement-level kill");
        inFlight.close();
        java.util.List<String> late = new java.util.ArrayList<>();
        c.onCancel(() -> late.add("ran at once"));
        assertThat(late).containsExactly("ran at once");
    }
}
