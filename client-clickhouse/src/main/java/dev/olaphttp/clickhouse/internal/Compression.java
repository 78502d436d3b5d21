package dev.olaphttp.clickhouse.internal;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * HTTP response compression asked with {@code Accept-Encoding} and {@code enable_http_compression=1}. Because the
 * client sets {@code Accept-Encoding} itself, OkHttp does not decompress: {@link #decode} does, before any decoder
 * or error parser sees the bytes.
 */
enum Compression {
    NONE(null),
    GZIP("gzip"),
    ZSTD("zstd"),
    LZ4("lz4");

    private final String encoding;

    Compression(String encoding) {
        this.encoding = encoding;
    }

    /** The {@code Accept-Encoding} value, or {@code null} for none. */
    String encoding() {
        return encoding;
    }

    static Compression parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "", "none", "false", "off" -> NONE;
            case "gzip" -> GZIP;
            case "zstd" -> ZSTD;
            case "lz4" -> LZ4;
            default -> throw new IllegalArgumentException("option compression must be none, gzip, zstd or lz4");
        };
    }

    /** Wraps a body by its {@code Content-Encoding}; unknown encodings fail (the bytes would be garbage). */
    static InputStream decode(InputStream body, String contentEncoding) throws IOException {
        if (contentEncoding == null) {
            return body;
        }
        return switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> new GZIPInputStream(body, 8192);
            case "deflate" -> new InflaterInputStream(body);
            case "zstd" -> new ZstdInputStream(body);
            case "lz4" -> new LZ4FrameInputStream(body);
            default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
        };
    }
}
