package dev.olaphttp.starrocks;

import dev.olaphttp.Dsn;
import dev.olaphttp.SqlClient;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Dialect;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.starrocks.internal.DsnSettings;
import dev.olaphttp.starrocks.internal.StarRocksErrors;
import dev.olaphttp.starrocks.internal.StarRocksSqlClient;
import java.util.Set;

/**
 * The StarRocks HTTP SQL API ({@code POST /api/v1/catalogs/{catalog}[/databases/{db}]/sql}, NDJSON results) as an
 * olaphttp dialect. Found by {@link java.util.ServiceLoader} for the DSN schemes {@code starrocks},
 * {@code starrocks+http} and {@code starrocks+https}:
 *
 * <pre>{@code
 * starrocks://user:password@fe-host:8030/default_catalog.sales?var.query_timeout=60
 * }</pre>
 *
 * <p>DSN options: {@code secure=true} (HTTPS), {@code kill_on_cancel=false} (do not send {@code KILL QUERY} when a
 * result is cancelled or closed early), {@code var.<name>=<value>} (a session variable for every statement).
 */
public final class StarRocksDialect implements Dialect {
    /** The dialect id. */
    public static final String ID = "starrocks";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("starrocks", "starrocks+http", "starrocks+https");
    }

    @Override
    public void configure(Dsn dsn, SqlClient.Builder builder) {
        DsnSettings.apply(dsn, builder);
    }

    @Override
    public ErrorClassifier errorClassifier() {
        return StarRocksErrors.classifier();
    }

    @Override
    public DialectClient open(ClientContext context) {
        return new StarRocksSqlClient(context);
    }

    @Override
    public String toString() {
        return "StarRocksDialect";
    }
}
