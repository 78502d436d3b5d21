package dev.olaphttp.databend;

import dev.olaphttp.Dsn;
import dev.olaphttp.SqlClient;
import dev.olaphttp.databend.internal.DialectSupport;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Dialect;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import java.util.Set;

/**
 * The Databend dialect ({@code /v1/query} with {@code next_uri} paging), found by {@link SqlClient#connect(String)}
 * for DSNs {@code databend://}, {@code databend+http://} (no TLS) and {@code databend+https://}.
 */
public final class DatabendDialect implements Dialect {
    @Override
    public String id() {
        return "databend";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("databend", "databend+http", "databend+https");
    }

    @Override
    public void configure(Dsn dsn, SqlClient.Builder builder) {
        DialectSupport.configure(dsn, builder);
    }

    @Override
    public ErrorClassifier errorClassifier() {
        return DialectSupport.errorClassifier();
    }

    @Override
    public DialectClient open(ClientContext context) {
        return DialectSupport.open(context);
    }
}
