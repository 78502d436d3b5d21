package dev.olaphttp.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A request body written straight to the connection, so large uploads stream. */
public interface HttpBody {
    /** The {@code Content-Type}, e.g. {@code application/json}. */
    String contentType();

    /** The length in bytes, or -1 when unknown (chunked). */
    default long contentLength() {
        return -1;
    }

    /** Writes the body. Called once per attempt. */
    void writeTo(OutputStream out) throws IOException;

    /** Whether {@link #writeTo} can run again for a retry or a redirect. */
    default boolean isRepeatable() {
        return true;
    }

    /** A body of fixed bytes. */
    static HttpBody of(byte[] bytes, String contentType) {
        return new HttpBody() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    /** A UTF-8 text body. */
    static HttpBody text(String text, String contentType) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A JSON body. */
    static HttpBody json(String json) {
        return text(json, "application/json");
    }
}
