package dev.olaphttp.spring.boot;

import dev.olaphttp.SqlClient;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of one client: a cheap {@code SELECT 1} with a short budget, no retries beyond the client's own. Up
 * with the dialect and round trip; down with the error's type and message (never credentials).
 */
public final class SqlClientHealthIndicator extends AbstractHealthIndicator {
    private final SqlClient client;
    private final Duration timeout;

    /** Pings {@code client} within {@code timeout}. */
    public SqlClientHealthIndicator(SqlClient client, Duration timeout) {
        super("olaphttp health check failed");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long started = System.nanoTime();
        try {
            client.sql("SELECT 1").timeout(timeout).single(r -> r.getLong(1));
            builder.up()
                    .withDetail("dialect", client.dialect())
                    .withDetail("roundTripMillis", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            builder.down()
                    .withDetail("dialect", client.dialect())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
