package dev.olaphttp.databend.internal;

import dev.olaphttp.spi.ClientConfig;
import java.util.Set;

/** The Databend options of one client, read once from {@link ClientConfig#options()}. Immutable. */
record Options(
        String warehouse,
        String tenant,
        long waitTimeSecs,
        long maxRowsPerPage,
        long maxRowsInBuffer,
        boolean login,
        long heartbeatTickMillis) {

    static final String WAREHOUSE = "warehouse";
    static final String TENANT = "tenant";
    static final String SSLMODE = "sslmode";
    static final String WAIT_TIME_SECS = "wait_time_secs";
    static final String MAX_ROWS_PER_PAGE = "max_rows_per_page";
    static final String MAX_ROWS_IN_BUFFER = "max_rows_in_buffer";
    static final String LOGIN = "login";
    static final String ACCESS_TOKEN = "access_token";
    static final String HEARTBEAT_TICK_MS = "heartbeat_tick_ms";
    static final String SETTING_PREFIX = "setting.";

    /** Option names a DSN may carry (besides {@code setting.<name>}). */
    static final Set<String> KNOWN = Set.of(WAREHOUSE, TENANT, SSLMODE, WAIT_TIME_SECS, MAX_ROWS_PER_PAGE,
            MAX_ROWS_IN_BUFFER, LOGIN, ACCESS_TOKEN, HEARTBEAT_TICK_MS);

    static Options from(ClientConfig c) {
        long wait = c.longOption(WAIT_TIME_SECS, 10);
        long perPage = c.longOption(MAX_ROWS_PER_PAGE, 10_000);
        long buffer = c.longOption(MAX_ROWS_IN_BUFFER, 5_000_000);
        if (wait < 0 || perPage < 1 || buffer < 1) {
            throw new IllegalArgumentException(
                    "wait_time_secs must be >= 0, max_rows_per_page and max_rows_in_buffer >= 1");
        }
        String l = c.option(LOGIN).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        boolean login = !Set.of("disable", "disabled", "false", "0", "no", "off").contains(l);
        return new Options(
                c.option(WAREHOUSE).filter(s -> !s.isBlank()).orElse(null),
                c.option(TENANT).filter(s -> !s.isBlank()).orElse(null),
                wait,
                perPage,
                buffer,
                login,
                Math.max(10, c.longOption(HEARTBEAT_TICK_MS, 1000)));
    }
}
