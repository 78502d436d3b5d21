package dev.olaphttp.databend.internal;

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
 * (repeatable, known length) or an {@link InputStream} (read once, chunked).
 */
final class MultipartBody implements HttpBody {
    private final String boundary = "olaphttp-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;
    private final Path file;
    private final InputStream stream;
    private boolean consumed;

    private MultipartBody(String filename, Path file, InputStream stream) {
        String safe = filename.replace("\"", "%22").replace("\r", "").replace("\n", "");
        this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + safe
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.file = file;
        this.stream = stream;
    }

    static MultipartBody of(String filename, Path file) {
        return new MultipartBody(filename, file, null);
    }

    static MultipartBody of(String filename, InputStream stream) {
        return new MultipartBody(filename, null, stream);
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public long contentLength() {
        if (file == null) {
            return -1;
        }
        try {
            return head.length + Files.size(file) + tail.length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public boolean isRepeatable() {
        return file != null;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        if (file != null) {
            Files.copy(file, out);
        } else {
            synchronized (this) {
                if (consumed) {
                    throw new IOException("an upload from an InputStream cannot be sent twice");
                }
                consumed = true;
            }
            stream.transferTo(out);
        }
        out.write(tail);
    }
}
