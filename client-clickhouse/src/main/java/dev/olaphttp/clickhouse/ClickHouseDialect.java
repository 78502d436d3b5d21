package dev.olaphttp.clickhouse;

import dev.olaphttp.Dsn;
import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.internal.ChClient;
import dev.olaphttp.clickhouse.internal.ChErrors;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Dialect;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ClickHouse HTTP interface as an olaphttp dialect, found by {@link java.util.ServiceLoader} for the DSN schemes
 * {@code clickhouse}, {@code clickhouse+http}, {@code clickhouse+https} and {@code clickhouses}.
 *
 * <p>DSN: {@code clickhouse://user:password@host[:port][,host2[:port]]/database?option=value&setting=value}. The
 * port defaults to 8123 (8443 with TLS). Parameters named in {@link ClickHouseOptions} are dialect options; every
 * other parameter is a ClickHouse setting sent with each statement.
 */
public final class ClickHouseDialect implements Dialect {
    private static final ErrorClassifier ERRORS = new ChErrors();

    /** For {@link java.util.ServiceLoader}; use {@link ClickHouse} in code. */
    public ClickHouseDialect() {}

    @Override
    public String id() {
        return "clickhouse";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("clickhouse", "clickhouse+http", "clickhouse+https", "clickhouses");
    }

    @Override
    public void configure(Dsn dsn, SqlClient.Builder builder) {
        boolean secure = dsn.scheme().endsWith("https") || dsn.scheme().equals("clickhouses")
                || "true".equalsIgnoreCase(dsn.params().getOrDefault("secure", "false"));
        List<Endpoint> endpoints = new ArrayList<>();
        for (Dsn.HostPort hp : dsn.hosts()) {
            endpoints.add(new Endpoint(secure, hp.host(), hp.port() > 0 ? hp.port() : (secure ? 8443 : 8123), ""));
        }
        builder.endpoints(endpoints);
        if (dsn.user().isPresent()) {
            builder.user(dsn.user().get(), dsn.password().orElse(""));
        }
        if (!dsn.path().isEmpty()) {
            builder.database(dsn.path());
        }
        for (Map.Entry<String, String> p : dsn.params().entrySet()) {
            String name = p.getKey();
            if (name.equals("secure")) {
                continue;
            }
            if (name.equals("database")) {
                builder.database(p.getValue());
            } else if (ClickHouseOptions.ALL.contains(name)) {
                builder.option(name, p.getValue());
            } else if (name.equals("user") || name.equals("password")) {
                throw new IllegalArgumentException("put the user and password before the host: clickhouse://user:password@host");
            } else {
                builder.setting(name, p.getValue());
            }
        }
    }

    @Override
    public ErrorClassifier errorClassifier() {
        return ERRORS;
    }

    @Override
    public DialectClient open(ClientContext context) {
        return ChClient.open(context);
    }
}
