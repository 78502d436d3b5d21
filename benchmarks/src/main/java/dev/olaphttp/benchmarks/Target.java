package dev.olaphttp.benchmarks;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.time.ZoneId;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * One dialect and wire format under test: how to serve its canned responses, how to reach them through the public
 * API ({@code SqlClient} over a borrowed OkHttpClient) and the minimal decoder of the same bytes.
 */
enum Target {
    DATABEND("databend+http://root:pw@bench.local:8000/default?login=disable", "SELECT * FROM t",
            Map.of("Content-Type", "application/json")) {
        @Override
        Canned inMemory(int rows) {
            return DatabendPages.inMemory(rows, PAGE_ROWS);
        }

        @Override
        Canned generated(long rows) {
            return DatabendPages.generated(PAGE_ROWS, (int) (rows / PAGE_ROWS));
        }

        @Override
        MinimalDecoder minimal() {
            return new MinimalDatabend(UTC);
        }
    },
    CH_ROWBINARY(Ch.DSN + "&format=rowbinary", "SELECT * FROM t", chHeaders("RowBinaryWithNamesAndTypes")) {
        @Override
        MinimalDecoder minimal() {
            return new MinimalRowBinary(UTC);
        }
    },
    CH_TSV(Ch.DSN + "&format=tsv", "SELECT * FROM t", chHeaders("TabSeparatedWithNamesAndTypes")) {
        @Override
        MinimalDecoder minimal() {
            return new MinimalTsv(UTC);
        }
    },
    CH_JSONCOMPACT(Ch.DSN, "SELECT * FROM t FORMAT JSONCompactEachRowWithNamesAndTypes",
            chHeaders("JSONCompactEachRowWithNamesAndTypes")) {
        @Override
        MinimalDecoder minimal() {
            return new MinimalJsonCompact(UTC);
        }
    },
    STARROCKS("starrocks://root:pw@bench.local:8030/default_catalog.db?kill_on_cancel=false", "SELECT * FROM t",
            Map.of("Content-Type", "application/x-ndjson; charset=utf-8", "X-StarRocks-Query-Id",
                    "5d8ab52c-1f1b-11ef-9f4a-00163e0a1b2c")) {
        @Override
        MinimalDecoder minimal() {
            return new MinimalNdjson();
        }
    };

    /** Rows per Databend page (the dialect's default {@code max_rows_per_page}). */
    static final int PAGE_ROWS = 10_000;
    /** The zone the servers announce; {@code ZoneId.of("UTC")}, as a dialect parses it from a header or setting. */
    static final ZoneId UTC = ZoneId.of("UTC");

    final String dsn;
    final String sql;
    final Map<String, String> headers;

    Target(String dsn, String sql, Map<String, String> headers) {
        this.dsn = dsn;
        this.sql = sql;
        this.headers = headers;
    }

    /** {@code rows} rows built in memory (distinct values). */
    Canned inMemory(int rows) {
        return Canned.inMemory(wire(), rows);
    }

    /** {@code rows} rows (a multiple of {@link #PAGE_ROWS}) generated while read; values repeat every page. */
    Canned generated(long rows) {
        return Canned.generated(wire(), PAGE_ROWS, rows / PAGE_ROWS);
    }

    abstract MinimalDecoder minimal();

    private Wire wire() {
        return Wire.valueOf(name());
    }

    /** An OkHttpClient answering from {@code canned}. */
    OkHttpClient okHttp(Canned canned) {
        return CannedServer.client(canned, headers.get("Content-Type"), headers);
    }

    /** A client over the borrowed {@code okHttp}, as a user would build one. */
    SqlClient client(OkHttpClient okHttp) {
        return SqlClient.builder().dsn(dsn).httpClient(OkHttpAdapter.borrow(okHttp))
                .queryIdGenerator(() -> DatabendPages.QUERY_ID).build();
    }

    /** Streams the whole result through the public API, every column read with a typed getter. */
    long readAll(SqlClient client, RowSink sink) {
        long rows = 0;
        try (RowCursor c = client.sql(sql).stream()) {
            while (c.next()) {
                boolean qtyNull = c.isNull(5);
                sink.row(c.getLong(1), c.getString(2), c.getDouble(3), c.getObject(4), qtyNull,
                        qtyNull ? 0 : c.getInt(5));
                rows++;
            }
        }
        return rows;
    }

    /** The ClickHouse DSN: the version is fixed so the client does not look it up. */
    private static final class Ch {
        static final String DSN = "clickhouse://default:pw@bench.local:8123/default?server_version=24.8"
                + "&kill_on_cancel=false";
    }

    private static Map<String, String> chHeaders(String format) {
        return Map.of("Content-Type", "application/octet-stream", "X-ClickHouse-Format", format,
                "X-ClickHouse-Timezone", "UTC", "X-ClickHouse-Query-Id", DatabendPages.QUERY_ID,
                "X-ClickHouse-Server-Display-Name", "bench");
    }
}
