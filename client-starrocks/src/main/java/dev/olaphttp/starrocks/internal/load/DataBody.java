package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.spi.DataSource;
import dev.olaphttp.spi.HttpBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Pre-formatted data passed through as is. A file can be sent again (redirects, retries); a caller's stream only
 * until it was first opened.
 */
final class DataBody implements HttpBody {
    private final DataSource source;
    private final String contentType;
    private volatile boolean started;
    private long byteCount;

    DataBody(DataSource source, String contentType) {
        this.source = source;
        this.contentType = contentType;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return source.length();
    }

    @Override
    public boolean isRepeatable() {
        return source.isRepeatable() || !started;
    }

    boolean started() {
        return started;
    }

    long byteCount() {
        return byteCount;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        started = true;
        byteCount = 0;
        try (InputStream in = source.open()) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                byteCount += n;
            }
        }
    }
}
