package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.ResultInterruptedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MidStreamExceptionTest {
    private static long drain(ResultDecoder d) {
        d.schema();
        long n = 0;
        while (d.next()) {
            assertThat(d.row().getLong(0) == n || d.row().getObject(0).toString().equals(Long.toString(n))).isTrue();
            n++;
        }
        return n;
    }

    private static QueryFailedException failure(ResultFormat f, InputStream body, String tag, long expectedRows) {
        ResultDecoder d = ResultDecoders.create(f, body, Golden.ctx(tag));
        long[] seen = {0};
        QueryFailedException e = catchThrowableOfType(QueryFailedException.class, () -> {
            d.schema();
            while (d.next()) {
                seen[0]++;
            }
        });
        assertThat(e).as("a QueryFailedException").isNotNull();
        assertThat(seen[0]).isEqualTo(expectedRows);
        assertThat(d.rows()).isEqualTo(expectedRows);
        // the failure sticks
        assertThatThrownBy(d::next).isSameAs(e);
        return e;
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void taggedBlockAfterManyRowsRaisesTheServersError(ResultFormat f) {
        byte[] body = Bodies.concat(Bodies.body(f, 5000), Bodies.taggedBlock(Bodies.TAG, Bodies.TIMEOUT));
        QueryFailedException e = failure(f, Bodies.stream(body, null), Bodies.TAG, 5000);
        assertThat(e.errorCode()).hasValue(159);
        assertThat(e.details().errorName()).contains("TIMEOUT_EXCEEDED");
        assertThat(e.details().queryId()).contains("q1");
        assertThat(e.getMessage()).contains("Timeout exceeded: elapsed 126.147987 ms").contains("after 5000 rows")
                .doesNotContain("version 25.12");
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void taggedBlockFollowedByBrokenFramingIsStillTheServersError(ResultFormat f) {
        byte[] body = Bodies.concat(Bodies.body(f, 3), Bodies.taggedBlock(Bodies.TAG, Bodies.TIMEOUT));
        QueryFailedException e = failure(f, Bodies.stream(body, new IOException("unexpected end of stream")),
                Bodies.TAG, 3);
        assertThat(e.errorCode()).hasValue(159);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void blockCuttingARowNeverHandsOutThatRow(ResultFormat f) {
        byte[] row = Bodies.row(f, 100);
        byte[] partial = Arrays.copyOf(row, row.length / 2);
        String multiLine = "Code: 241. DB::Exception: Memory limit exceeded\nwhile reading __exception__ (MEMORY_LIMIT_EXCEEDED)";
        byte[] body = Bodies.concat(Bodies.body(f, 100), partial, Bodies.taggedBlock(Bodies.TAG, multiLine));
        QueryFailedException e = failure(f, new ByteArrayInputStream(body), Bodies.TAG, 100);
        assertThat(e.errorCode()).hasValue(241);
        assertThat(e.details().errorName()).contains("MEMORY_LIMIT_EXCEEDED");
        assertThat(e.getMessage()).contains("while reading __exception__");
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void exceptionBeforeAnyRow(ResultFormat f) {
        byte[] body = Bodies.concat(Bodies.header(f), Bodies.taggedBlock(Bodies.TAG, Bodies.TIMEOUT));
        failure(f, new ByteArrayInputStream(body), Bodies.TAG, 0);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void blockWithAnotherTagIsNotTrustedAndNeverEndsCleanly(ResultFormat f) {
        byte[] body = Bodies.concat(Bodies.body(f, 10), Bodies.taggedBlock("abcdefghijklmnop", Bodies.TIMEOUT));
        ResultDecoder d = ResultDecoders.create(f, new ByteArrayInputStream(body), Golden.ctx(Bodies.TAG));
        assertThatThrownBy(() -> {
            while (d.next()) {
                // RowBinary has no structure to tell the foreign block from rows: it may decode garbage rows
            }
        }).isInstanceOfAny(ProtocolException.class, ResultInterruptedException.class);
        assertThat(d.rows()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void ioErrorWithoutBlockGoesThroughReadFailure(ResultFormat f) {
        byte[] body = Bodies.body(f, 5000);
        ResultDecoder d = ResultDecoders.create(f, Bodies.stream(body, new IOException("connection reset")),
                Golden.ctx(Bodies.TAG));
        ResultInterruptedException e = catchThrowableOfType(ResultInterruptedException.class, () -> drain(d));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("read failed: connection reset");
        assertThat(e.rowsDelivered()).isEqualTo(d.rows());
        assertThat(d.rows()).isLessThan(5000);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void bodyCutInsideARowIsInterruptedNotAnEnd(ResultFormat f) {
        byte[] full = Bodies.body(f, 50);
        byte[] cut = Arrays.copyOf(full, full.length - 3);
        ResultDecoder d = ResultDecoders.create(f, new ByteArrayInputStream(cut), Golden.ctx(null));
        ResultInterruptedException e = catchThrowableOfType(ResultInterruptedException.class, () -> drain(d));
        assertThat(e).isNotNull();
        assertThat(e.rowsDelivered()).isEqualTo(49);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void bodyCutInsideTheHeaderIsInterrupted(ResultFormat f) {
        byte[] h = Bodies.header(f);
        ResultDecoder d = ResultDecoders.create(f, new ByteArrayInputStream(Arrays.copyOf(h, h.length - 2)),
                Golden.ctx(null));
        assertThatThrownBy(d::schema).isInstanceOf(ResultInterruptedException.class);
        assertThatThrownBy(d::next).isInstanceOf(ResultInterruptedException.class);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void completeBodyEndsCleanly(ResultFormat f) {
        ResultDecoder d = ResultDecoders.create(f, Bodies.stream(Bodies.body(f, 20_000), null), Golden.ctx(Bodies.TAG));
        assertThat(drain(d)).isEqualTo(20_000);
        assertThat(d.next()).isFalse();
        assertThat(d.schema().names()).containsExactly("n", "s");
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void noRowIsHandedOutBeforeTheNext16KiBHaveArrived(ResultFormat f) {
        int rows = 3000;
        byte[] header = Bodies.header(f);
        long[] rowEnd = new long[rows];
        long offset = header.length;
        for (int i = 0; i < rows; i++) {
            offset += Bodies.row(f, i).length;
            // a JSON row is complete at its ']', before the newline
            rowEnd[i] = f == ResultFormat.JSON_COMPACT ? offset - 1 : offset;
        }
        byte[] body = Bodies.body(f, rows);
        long[] served = {0};
        InputStream counting = new InputStream() {
            private final InputStream in = Bodies.stream(body, null);

            @Override
            public int read() throws IOException {
                int b = in.read();
                served[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, Math.min(len, 700));
                served[0] += Math.max(n, 0);
                return n;
            }
        };
        ResultDecoder d = ResultDecoders.create(f, counting, Golden.ctx(Bodies.TAG));
        int i = 0;
        while (d.next()) {
            assertThat(served[0] >= rowEnd[i] + BodyReader.HOLD || served[0] == body.length)
                    .as("row %d handed out after %d bytes", i, served[0]).isTrue();
            i++;
        }
        assertThat(i).isEqualTo(rows);
    }

    @Test
    void legacyTailOfServer1816AfterTsvRows() {
        byte[] header = "number\tthrowIf(equals(number, 150000))\nUInt64\tUInt8\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.concat(header, Golden.bytes("http-18.16/error_midstream_tsv.body"));
        QueryFailedException e = failure(ResultFormat.TSV, Bodies.stream(body, null), null, 150_000);
        assertThat(e.errorCode()).hasValue(395);
        assertThat(e.getMessage()).contains("Code: 395. DB::Exception: Value passed to 'throwIf' function is non zero")
                .doesNotContain("e.what()");
    }

    @Test
    void legacyTailOfServer1816AfterJsonRowsEndsTheDataAtTheLastRow() throws IOException {
        byte[] body = Golden.bytes("http-18.16/error_midstream_jsoneachrow.body");
        BodyReader in = new BodyReader(new ByteArrayInputStream(body), null, true);
        byte[] data = new byte[body.length];
        int n = 0;
        IOException signal = null;
        try {
            int r;
            while ((r = in.read(data, n, data.length - n)) > 0) {
                n += r;
            }
        } catch (StreamSignals.ServerFailure e) {
            signal = e;
        }
        assertThat(signal).isNotNull();
        String text = new String(data, 0, n, StandardCharsets.UTF_8);
        assertThat(text).endsWith("{\"number\":\"19999\",\"throwIf(equals(number, 20000))\":0}\n");
        assertThat(((StreamSignals.ServerFailure) signal).serverMessage()).startsWith("Code: 395, e.displayText()");
    }

    @Test
    void legacyTailRightAfterRowBinaryValues() {
        byte[] legacy = "Code: 395, e.displayText() = DB::Exception: Value passed to 'throwIf' function is non zero, e.what() = DB::Exception\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.concat(Bodies.body(ResultFormat.ROW_BINARY, 7), legacy);
        QueryFailedException e = failure(ResultFormat.ROW_BINARY, new ByteArrayInputStream(body), null, 7);
        assertThat(e.errorCode()).hasValue(395);
    }

    @Test
    void legacyTailQuotingAnotherCodeAfterRowBinaryValues() {
        byte[] legacy = "Code: 48, e.displayText() = DB::Exception: Received from host: Code: 241, e.displayText() = DB::Exception: Memory limit, e.what() = DB::Exception\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.concat(Bodies.body(ResultFormat.ROW_BINARY, 9), legacy);
        QueryFailedException e = failure(ResultFormat.ROW_BINARY, new ByteArrayInputStream(body), null, 9);
        assertThat(e.errorCode()).hasValue(48);
        assertThat(e.getMessage()).contains("Received from host").contains("Memory limit");
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void untaggedMarkerOfServers2411(ResultFormat f) {
        byte[] marker = "__exception__\r\nCode: 241. DB::Exception: Memory limit (total) exceeded. (MEMORY_LIMIT_EXCEEDED) (version 24.12.1.1)\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.concat(Bodies.body(f, 12), marker);
        QueryFailedException e = failure(f, new ByteArrayInputStream(body), null, 12);
        assertThat(e.errorCode()).hasValue(241);
        assertThat(e.details().errorName()).contains("MEMORY_LIMIT_EXCEEDED");
    }

    @Test
    void exceptionTextInsideAValueIsData() {
        byte[] row = "1\tCode: 1, e.displayText() = DB::Exception: x, e.what() = DB::Exception\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Bodies.concat(Bodies.header(ResultFormat.TSV), row);
        ResultDecoder d = ResultDecoders.create(ResultFormat.TSV, new ByteArrayInputStream(body), Golden.ctx(null));
        assertThat(d.next()).isTrue();
        assertThat(d.row().getString(1)).startsWith("Code: 1, e.displayText()");
        assertThat(d.next()).isFalse();
    }

    @Test
    void jsonExceptionMemberRow() {
        byte[] body = Bodies.concat(Bodies.body(ResultFormat.JSON_COMPACT, 4),
                "{\"exception\": \"Code: 60. DB::Exception: Unknown table expression identifier 'x'. (UNKNOWN_TABLE) (version 25.3.1.1)\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
        QueryFailedException e = failure(ResultFormat.JSON_COMPACT, new ByteArrayInputStream(body), null, 4);
        assertThat(e.errorCode()).hasValue(60);
        assertThat(e.details().errorName()).contains("UNKNOWN_TABLE");
    }
}
