package dev.olaphttp.databend.internal;

import dev.olaphttp.Dsn;
import dev.olaphttp.SqlClient;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;

/** The entry points {@link dev.olaphttp.databend.DatabendDialect} delegates to. Not an API. */
public final class DialectSupport {
    private DialectSupport() {}

    public static void configure(Dsn dsn, SqlClient.Builder builder) {
        DsnConfig.apply(dsn, builder);
    }

    public static ErrorClassifier errorClassifier() {
        return DatabendErrors.INSTANCE;
    }

    public static DialectClient open(ClientContext context) {
        return new DatabendClient(context);
    }

    /** The {@code txn_state} of a session object, or {@code null}. */
    public static String transactionState(String sessionJson) {
        return SessionJson.read(sessionJson).txnState;
    }
}
