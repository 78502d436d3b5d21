package dev.olaphttp.clickhouse;

import dev.olaphttp.QueryStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Streamed inserts: the statement ({@code INSERT INTO t [(cols)] FORMAT CSV}) goes in the URL, the data is the POST
 * body, written straight to the connection, so any amount of data uses constant memory. Reach it with
 * {@code client.extension(ClickHouseInserts.class)}.
 *
 * <pre>{@code
 * ClickHouseInserts inserts = client.extension(ClickHouseInserts.class);
 * InsertResult r = inserts.insert("INSERT INTO events FORMAT CSV", Files.newInputStream(path));
 * inserts.insert("INSERT INTO events FORMAT TabSeparated", out -> out.write("1\tx\n".getBytes(UTF_8)));
 * }</pre>
 *
 * <p>An insert is never retried after its body may have reached the server (a retry could insert twice); use
 * {@code insert_deduplication_token} and retry yourself if you need to.
 */
public interface ClickHouseInserts {
    /** Inserts the bytes of {@code data} (read to its end; the caller closes it). */
    default InsertResult insert(String insertSql, InputStream data) {
        return insert(insertSql, data, InsertOptions.DEFAULTS);
    }

    /** Inserts the bytes of {@code data} with options. */
    InsertResult insert(String insertSql, InputStream data, InsertOptions options);

    /** Inserts what {@code writer} writes. */
    default InsertResult insert(String insertSql, DataWriter writer) {
        return insert(insertSql, writer, InsertOptions.DEFAULTS);
    }

    /** Inserts what {@code writer} writes, with options. */
    InsertResult insert(String insertSql, DataWriter writer, InsertOptions options);

    /** Writes insert data to the request body. */
    @FunctionalInterface
    interface DataWriter {
        /** Writes the data; do not close {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Per-insert options.
     *
     * @param gzip     compress the body with gzip ({@code Content-Encoding: gzip})
     * @param settings ClickHouse settings for this insert (e.g. {@code input_format_skip_unknown_fields})
     * @param queryId  the query id to send, or {@code null} for a generated one
     */
    record InsertOptions(boolean gzip, Map<String, String> settings, String queryId) {
        /** No compression, no settings, a generated query id. */
        public static final InsertOptions DEFAULTS = new InsertOptions(false, Map.of(), null);

        public InsertOptions {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }

        /** These options with gzip on or off. */
        public InsertOptions withGzip(boolean on) {
            return new InsertOptions(on, settings, queryId);
        }

        /** These options with one more setting. */
        public InsertOptions withSetting(String name, String value) {
            Map<String, String> m = new java.util.LinkedHashMap<>(settings);
            m.put(name, value);
            return new InsertOptions(gzip, m, queryId);
        }

        /** These options with a query id. */
        public InsertOptions withQueryId(String id) {
            return new InsertOptions(gzip, settings, id);
        }
    }

    /**
     * What the server reported.
     *
     * @param queryId the query id sent
     * @param stats   {@code X-ClickHouse-Summary} (written rows and bytes) when the server sends it, else unknown
     */
    record InsertResult(String queryId, QueryStats stats) {}
}
