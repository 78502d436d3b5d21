package dev.olaphttp.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDateTime;

/** Cell readers shared by the minimal JSON decoders: values taken straight from Jackson's streaming parser. */
final class JsonCells {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonCells() {}

    /** A 64-bit integer sent as a number or as a string. */
    static long int64(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        return Text.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A {@code yyyy-MM-dd HH:mm:ss[.f]} string. */
    static LocalDateTime dateTime(JsonParser p) throws IOException {
        return Text.dateTime(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    static void expect(JsonParser p, JsonToken t) throws IOException {
        if (p.nextToken() != t) {
            throw new IOException("expected " + t + " but got " + p.currentToken());
        }
    }
}
