package dev.olaphttp.clickhouse;

/**
 * Health and identity of the ClickHouse server: reach it with {@code client.extension(ClickHouseServer.class)}.
 */
public interface ClickHouseServer {
    /** {@code GET /ping}: true when the server answered {@code Ok.}; never throws for an unreachable server. */
    boolean ping();

    /**
     * The server's version as {@code SELECT version()} reports it (e.g. {@code 18.16.1}). Looked up once per
     * endpoint and cached.
     */
    String version();
}
