package dev.olaphttp.spi;

import dev.olaphttp.Dsn;
import dev.olaphttp.SqlClient;
import java.util.Set;

/**
 * A database's HTTP protocol, plugged into the core. Implementations are stateless factories, registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.olaphttp.spi.Dialect} so that
 * {@link SqlClient#connect(String)} can find them by DSN scheme.
 */
public interface Dialect {
    /** A short lower-case id: {@code databend}, {@code clickhouse}, {@code starrocks}. */
    String id();

    /** The DSN schemes this dialect accepts, lower-case (e.g. {@code databend}, {@code databend+http}). */
    Set<String> schemes();

    /**
     * Applies a DSN to a client builder: endpoints (with the dialect's default ports and TLS rules), credentials,
     * database, catalog, settings and dialect options. Unknown options should fail with a clear message.
     */
    void configure(Dsn dsn, SqlClient.Builder builder);

    /** Classifies non-successful responses of this dialect into typed exceptions. */
    ErrorClassifier errorClassifier();

    /** Creates the per-client half of the dialect (caches, session login state...). Called once per client. */
    DialectClient open(ClientContext context);
}
