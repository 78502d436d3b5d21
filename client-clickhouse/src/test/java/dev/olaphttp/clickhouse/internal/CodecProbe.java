package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.SqlClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Run inside {@link OptionalCodecsTest}'s isolated class loader (no zstd-jni, no lz4-java): each probe reports
 * what happened as text, so that no type crosses the loader boundary.
 */
public final class CodecProbe {
    private CodecProbe() {}

    /** Builds (and closes) a client for the DSN: "built", or the exception's class and message. */
    public static String build(String dsn) {
        try (SqlClient client = SqlClient.connect(dsn)) {
            return "built " + client.dialect();
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Decodes an (empty) body the server marked with this Content-Encoding. */
    public static String decode(String contentEncoding) {
        try (InputStream in = Compression.decode(new ByteArrayInputStream(new byte[0]), contentEncoding)) {
            return "decoded " + in.readAllBytes().length;
        } catch (Throwable e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
