package dev.olaphttp.databend.internal;

import dev.olaphttp.spi.DataSource;
import dev.olaphttp.spi.HttpBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body with one file part named {@code upload}, streamed from a {@link Path}
 * (repeatable, known length), an {@link InputStream} (read once, chunked), a {@link DataSource} or content written
 * while the body is sent (rows encoded on the fly: read once, chunked).
 */
final class MultipartBody implements HttpBody {
    /** The file part's bytes. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;

        /** The length, or -1 when unknown. */
        default long length() {
            return -1;
        }

        default boolean repeatable() {
            return false;
        }
    }

    private final String boundary = "olaphttp-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;
    private final Content content;

    private MultipartBody(String filename, Content content) {
        String safe = filename.replace("\"", "%22").replace("\r", "").replace("\n", "");
        this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + safe
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.content = content;
    }

    static MultipartBody of(String filename, Path file) {
        return new MultipartBody(filename, new Content() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                Files.copy(file, out);
            }

            @Override
            public long length() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public boolean repeatable() {
                return true;
            }
        });
    }

    static MultipartBody of(String filename, InputStream stream) {
        return new MultipartBody(filename, new Content() {
            private boolean consumed;

            @Override
            public synchronized void writeTo(OutputStream out) throws IOException {
                if (consumed) {
                    throw new IOException("an upload from an InputStream cannot be sent twice");
                }
                consumed = true;
                stream.transferTo(out);
            }
        });
    }

    /** A load's data: opened (and closed) per attempt; repeatable when the source is. */
    static MultipartBody of(String filename, DataSource source) {
        return new MultipartBody(filename, new Content() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (InputStream in = source.open()) {
                    in.transferTo(out);
                }
            }

            @Override
            public long length() {
                return source.isRepeatable() ? source.length() : -1;
            }

            @Override
            public boolean repeatable() {
                return source.isRepeatable();
            }
        });
    }

    static MultipartBody of(String filename, Content content) {
        return new MultipartBody(filename, content);
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public long contentLength() {
        long n = content.length();
        return n < 0 ? -1 : head.length + n + tail.length;
    }

    @Override
    public boolean isRepeatable() {
        return content.repeatable();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        content.writeTo(out);
        out.write(tail);
    }
}
