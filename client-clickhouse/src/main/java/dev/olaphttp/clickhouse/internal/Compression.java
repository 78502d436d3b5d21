package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP response compression asked with {@code Accept-Encoding} and {@code enable_http_compression=1}. Because the
 * client sets {@code Accept-Encoding} itself, OkHttp does not decompress: {@link #decode} does, before any decoder
 * or error parser sees the bytes.
 *
 * <p>zstd and lz4 come from optional dependencies (zstd-jni, lz4-java): their classes are touched only from
 * {@link OptionalCodecs}, and only after {@link #parse} checked that the library is there, so a client that never
 * asks for them runs without them.
 */
enum Compression {
    NONE(null, null, null),
    GZIP("gzip", null, null),
    ZSTD("zstd", "com.github.luben.zstd.ZstdInputStream", "com.github.luben:zstd-jni"),
    LZ4("lz4", "net.jpountz.lz4.LZ4FrameInputStream", "at.yawk.lz4:lz4-java (or org.lz4:lz4-java)");

    private final String encoding;
    private final String probeClass;
    private final String artifact;

    Compression(String encoding, String probeClass, String artifact) {
        this.encoding = encoding;
        this.probeClass = probeClass;
        this.artifact = artifact;
    }

    /** The {@code Accept-Encoding} value, or {@code null} for none. */
    String encoding() {
        return encoding;
    }

    /**
     * Parses the {@code compression} option.
     *
     * @throws IllegalArgumentException for an unknown codec
     * @throws InvalidRequestException when the codec's optional library is not on the class path
     */
    static Compression parse(String s) {
        Compression c = switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "", "none", "false", "off" -> NONE;
            case "gzip" -> GZIP;
            case "zstd" -> ZSTD;
            case "lz4" -> LZ4;
            default -> throw new IllegalArgumentException("option compression must be none, gzip, zstd or lz4");
        };
        c.requireLibrary();
        return c;
    }

    /** Whether the codec can be used here (gzip and none always; zstd and lz4 when their library is present). */
    boolean available() {
        return probeClass == null || isPresent(probeClass);
    }

    private void requireLibrary() {
        if (!available()) {
            throw new InvalidRequestException(missingMessage(), ErrorDetails.none().withDialect("clickhouse"));
        }
    }

    private String missingMessage() {
        return "compression=" + encoding + " needs " + artifact + ", an optional dependency of olaphttp-clickhouse: "
                + "add it to your build (on the module path it must also be resolved, e.g. --add-modules), or use "
                + "compression=gzip";
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Compression.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
            case "zstd" -> ZSTD.optional(body);
            case "lz4" -> LZ4.optional(body);
            default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
        };
    }

    private InputStream optional(InputStream body) throws IOException {
        if (!available()) {
            // only if a server compresses without being asked: the bytes cannot be read without the library
            throw new IOException("Content-Encoding " + encoding + ": " + missingMessage());
        }
        return this == ZSTD ? OptionalCodecs.zstd(body) : OptionalCodecs.lz4(body);
    }
}
