package dev.olaphttp.clickhouse.internal;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * The only class that links against zstd-jni and lz4-java (optional dependencies). Loaded on first use, which
 * {@link Compression} allows only after checking that the library is present.
 */
final class OptionalCodecs {
    private OptionalCodecs() {}

    static InputStream zstd(InputStream body) throws IOException {
        return new ZstdInputStream(body);
    }

    static InputStream lz4(InputStream body) throws IOException {
        return new LZ4FrameInputStream(body);
    }
}
