package dev.olaphttp.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** Bytes to load: a file (re-readable for retries and redirects) or a caller's stream (read once). */
public interface DataSource {
    /** Opens the data; the caller closes it. A one-shot source fails when opened twice. */
    InputStream open() throws IOException;

    /** The length in bytes, or -1 if unknown. */
    long length();

    /** Whether {@link #open()} may be called again (for a retry or a redirect). */
    boolean isRepeatable();

    /** A file. */
    static DataSource of(Path file) {
        return new DataSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
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
            public boolean isRepeatable() {
                return true;
            }

            @Override
            public String toString() {
                return "DataSource{" + file.getFileName() + "}";
            }
        };
    }

    /** A caller's stream, read once. */
    static DataSource of(InputStream in) {
        AtomicBoolean opened = new AtomicBoolean();
        return new DataSource() {
            @Override
            public InputStream open() throws IOException {
                if (!opened.compareAndSet(false, true)) {
                    throw new IOException("the input stream was already consumed and cannot be sent again");
                }
                return in;
            }

            @Override
            public long length() {
                return -1;
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public String toString() {
                return "DataSource{stream}";
            }
        };
    }
}
