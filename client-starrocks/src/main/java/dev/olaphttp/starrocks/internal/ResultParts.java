package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.QueryStats;
import java.io.IOException;

/** The small objects of a result body: the {@code statistics} object and a {@code {"status":"FAILED"}} envelope. */
final class ResultParts {
    /** The server reported a failure inside a 200 body. */
    static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private ResultParts() {}

    /**
     * Reads the fields of a statistics object (the parser is just past its {@code START_OBJECT}):
     * {@code scanRows}, {@code scanBytes} and {@code returnRows} become the counters, every other field (for
     * instance {@code scanPartitions}, {@code warnings}) goes to {@link QueryStats#extra()} as text.
     */
    static QueryStats stats(JsonParser p) throws IOException {
        QueryStats.Builder b = QueryStats.builder();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            boolean number = v == JsonToken.VALUE_NUMBER_INT;
            switch (f) {
                case "scanRows" -> b.rowsRead(number ? p.getLongValue() : -1);
                case "scanBytes" -> b.bytesRead(number ? p.getLongValue() : -1);
                case "returnRows" -> b.resultRows(number ? p.getLongValue() : -1);
                default -> b.extra(f, v.isScalarValue() ? p.getText() : NestedDecoders.jsonText(p));
            }
        }
        return b.build();
    }

    /**
     * Reads the rest of an error envelope whose field {@code firstName} was just read, and returns its
     * {@code msg} (else {@code message}) as a {@link Failed}.
     */
    static Failed failure(JsonParser p, String firstName) throws IOException {
        String msg = null;
        String message = null;
        String f = firstName;
        while (f != null) {
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING && "msg".equals(f)) {
                msg = p.getText();
            } else if (v == JsonToken.VALUE_STRING && "message".equals(f)) {
                message = p.getText();
            } else {
                p.skipChildren();
            }
            f = p.nextFieldName();
        }
        String m = msg != null ? msg : message;
        return new Failed(m == null ? "the server reported a failure without a message" : m);
    }

    private static final byte[] END_LINE = "\n{\"statistics\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Whether NDJSON bytes hold the statistics line, the stream's end marker. A raw line feed never occurs inside
     * a JSON value, so a line that begins with {@code {"statistics":} is the FE's.
     */
    static boolean holdsEndLine(byte[] bytes) {
        outer:
        for (int i = 0; i + END_LINE.length <= bytes.length; i++) {
            for (int j = 0; j < END_LINE.length; j++) {
                if (bytes[i + j] != END_LINE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
