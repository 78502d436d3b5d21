package dev.olaphttp.clickhouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerErrorTest {
    static String fixture(String path) throws IOException {
        try (InputStream in = ServerErrorTest.class.getResourceAsStream("/dialect/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "errors/unknown_table.txt, 60, UNKNOWN_TABLE",
        "errors/syntax_error_misspelled_keyword.txt, 62, SYNTAX_ERROR",
        "errors/timeout_exceeded.txt, 159, TIMEOUT_EXCEEDED",
        "errors/bad_query_parameter.txt, 457, BAD_QUERY_PARAMETER",
        "errors/type_mismatch_insert_tsv_body.txt, 27, CANNOT_PARSE_INPUT_ASSERTION_FAILED",
        "http-18.16/error_syntax.body, 62, SYNTAX_ERROR",
        "http-18.16/error_unknown_table.body, 60, UNKNOWN_TABLE",
        "http-18.16/error_wrong_password.body, 193, WRONG_PASSWORD",
        "http-18.16/error_session_not_found.body, 372, SESSION_NOT_FOUND",
    })
    void parsesModernAndLegacyTexts(String file, int code, String name) throws IOException {
        ServerError e = ServerError.parse(fixture(file));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.message()).startsWith("DB::Exception: ").doesNotContain("e.what()").doesNotContain("(version");
    }

    @Test
    void notAnError() {
        assertThat(ServerError.parse("hello")).isNull();
        assertThat(ServerError.parse("")).isNull();
    }

    @Test
    void mapsCodesToTypedExceptions() {
        ErrorDetails d = ErrorDetails.of("clickhouse", "q1");
        assertThat(ChErrors.toException(new ServerError(516, "AUTHENTICATION_FAILED", "x"), d, null))
                .isInstanceOf(AuthenticationException.class);
        assertThat(ChErrors.toException(new ServerError(194, null, "x"), d, null)).isInstanceOf(AuthenticationException.class);
        SqlClientException busy = ChErrors.toException(new ServerError(202, "TOO_MANY_SIMULTANEOUS_QUERIES", "x"), d, null);
        assertThat(busy).isInstanceOf(ServerBusyException.class);
        assertThat(busy.isRetryable()).isTrue();
        // 209/439 come with HTTP 503 after part of the statement may have run: a retryable query failure, not busy
        for (int code : new int[] {209, 439}) {
            SqlClientException partly = ChErrors.toException(new ServerError(code, null, "x"), d.withHttpStatus(503), null);
            assertThat(partly).isInstanceOf(QueryFailedException.class).isNotInstanceOf(ServerBusyException.class);
            assertThat(partly.isRetryable()).isTrue();
        }
        assertThat(ChErrors.toException(new ServerError(159, null, "x"), d, null)).isInstanceOf(QueryTimeoutException.class);
        SqlClientException locked = ChErrors.toException(new ServerError(373, "SESSION_IS_LOCKED", "x"), d, null);
        assertThat(locked).isInstanceOf(QueryFailedException.class).hasMessageContaining("one statement at a time per session_id");
        assertThat(locked.errorCode()).hasValue(373);
        assertThat(locked.details().errorName()).contains("SESSION_IS_LOCKED");
        assertThat(locked.queryId()).contains("q1");
    }

    @Test
    void findsTaggedAndLegacyTails() throws IOException {
        String tag = "rnywyenlaeqynhmu";
        String msg = "Code: 159. DB::Exception: Timeout exceeded: elapsed 126.147987 ms, maximum: 100 ms. (TIMEOUT_EXCEEDED) "
                + "(version 25.12.1.649 (official build))";
        String body = "1\n2\n\r\n__exception__\r\n" + tag + "\r\n" + msg + "\n" + (msg.length() + 1) + " " + tag
                + "\r\n__exception__\r\n";
        SqlClientException e = TailBuffer.exceptionIn(body.getBytes(StandardCharsets.UTF_8), tag, ErrorDetails.none());
        assertThat(e).isInstanceOf(QueryTimeoutException.class);
        assertThat(e.errorCode()).hasValue(159);
        byte[] legacy = fixture("http-18.16/error_midstream_tsv.body").getBytes(StandardCharsets.UTF_8);
        TailBuffer t = new TailBuffer();
        t.add(legacy, 0, legacy.length);
        SqlClientException l = TailBuffer.exceptionIn(t.bytes(), null, ErrorDetails.none());
        assertThat(l).isInstanceOf(QueryFailedException.class);
        assertThat(l.errorCode()).hasValue(395);
        assertThat(TailBuffer.exceptionIn("1\n2\n".getBytes(StandardCharsets.UTF_8), tag, ErrorDetails.none())).isNull();
        assertThat(TailBuffer.exceptionIn("[1,2]Code: 60, e.displayText() = DB::Exception: x, e.what() = DB::Exception\n"
                .getBytes(StandardCharsets.UTF_8), null, ErrorDetails.none()).errorCode()).hasValue(60);
    }

    @Test
    void tailBufferKeepsTheLastBytesInOrder() {
        TailBuffer t = new TailBuffer();
        byte[] big = new byte[TailBuffer.SIZE + 100];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        t.add(big, 0, 50);
        t.add(big, 50, big.length - 50);
        byte[] out = t.bytes();
        assertThat(out).hasSize(TailBuffer.SIZE);
        assertThat(out[0]).isEqualTo(big[100]);
        assertThat(out[out.length - 1]).isEqualTo(big[big.length - 1]);
        TailBuffer t2 = new TailBuffer();
        t2.add(big, 0, big.length);
        assertThat(t2.bytes()).isEqualTo(out);
    }
}
