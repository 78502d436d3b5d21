package dev.olaphttp.spring.boot;

import dev.olaphttp.SqlClient;

/**
 * Adjusts a client's builder after the properties were applied and before it is built: a bean of this type is
 * called for every auto-configured client, in {@code @Order}.
 */
@FunctionalInterface
public interface OlapHttpClientCustomizer {
    /** Customizes the builder of the client named {@code name} ({@code default} for {@code olaphttp.dsn}). */
    void customize(String name, SqlClient.Builder builder);
}
