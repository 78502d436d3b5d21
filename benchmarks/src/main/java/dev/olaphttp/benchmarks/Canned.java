package dev.olaphttp.benchmarks;

import java.io.InputStream;

/**
 * A server answered from memory: the response body for a request, or {@code null} for a request the server does not
 * know. Bodies are prepared once; each call returns a fresh stream over them.
 */
@FunctionalInterface
interface Canned {
    InputStream open(String method, String path);

    /** A single streamed response (ClickHouse, StarRocks) for every POST: header, block repeated, trailer. */
    static Canned stream(Wire wire, byte[] block, long repeats, long rows) {
        byte[] header = wire.header();
        byte[] trailer = wire.trailer(rows);
        return (method, path) -> "POST".equals(method) ? new RepeatingStream(header, block, repeats, trailer) : null;
    }

    /** {@code rows} rows of {@code wire}, built in memory. */
    static Canned inMemory(Wire wire, int rows) {
        return stream(wire, wire.rows(0, rows), 1, rows);
    }

    /** {@code blocks * blockRows} rows generated while they are read (rows repeat every {@code blockRows}). */
    static Canned generated(Wire wire, int blockRows, long blocks) {
        return stream(wire, wire.rows(0, blockRows), blocks, blocks * blockRows);
    }
}
