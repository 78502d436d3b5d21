package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.clickhouse.ClickHouseOptions;
import dev.olaphttp.clickhouse.internal.format.DecoderContext;
import dev.olaphttp.spi.ClientConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ClickHouse options of one client, validated once. */
record ChOptions(
        FormatChoice format,
        boolean headerAuth,
        boolean serverSession,
        long sessionTimeout,
        boolean sessionCheck,
        Tri serverParams,
        Compression compression,
        boolean compressRequest,
        boolean httpGet,
        Boolean waitEndOfQuery,
        long bufferSize,
        List<String> roles,
        String quotaKey,
        boolean sendProgress,
        boolean killOnCancel,
        ServerVersion fixedVersion,
        int maxValueBytes) {

    enum FormatChoice {
        AUTO,
        ROW_BINARY,
        TSV,
        JSON_COMPACT
    }

    enum Tri {
        AUTO,
        YES,
        NO
    }

    static ChOptions from(ClientConfig config) {
        for (String name : config.options().keySet()) {
            if (!ClickHouseOptions.ALL.contains(name)) {
                throw new IllegalArgumentException("unknown ClickHouse option '" + name + "'; known options: "
                        + new java.util.TreeSet<>(ClickHouseOptions.ALL));
            }
        }
        FormatChoice format = switch (lower(config.option(ClickHouseOptions.FORMAT).orElse("auto"))) {
            case "auto" -> FormatChoice.AUTO;
            case "rowbinary", "rowbinarywithnamesandtypes" -> FormatChoice.ROW_BINARY;
            case "tsv", "tabseparatedwithnamesandtypes" -> FormatChoice.TSV;
            case "jsoncompact", "jsoncompacteachrowwithnamesandtypes" -> FormatChoice.JSON_COMPACT;
            default -> throw bad(ClickHouseOptions.FORMAT, "auto, rowbinary, tsv or jsoncompact");
        };
        boolean headerAuth = switch (lower(config.option(ClickHouseOptions.AUTH).orElse("basic"))) {
            case "basic" -> false;
            case "headers", "header" -> true;
            default -> throw bad(ClickHouseOptions.AUTH, "basic or headers");
        };
        boolean serverSession = switch (lower(config.option(ClickHouseOptions.SESSION).orElse("client"))) {
            case "client" -> false;
            case "server" -> true;
            default -> throw bad(ClickHouseOptions.SESSION, "client or server");
        };
        Tri serverParams = switch (lower(config.option(ClickHouseOptions.SERVER_PARAMS).orElse("auto"))) {
            case "auto" -> Tri.AUTO;
            case "true", "yes", "on", "1" -> Tri.YES;
            case "false", "no", "off", "0" -> Tri.NO;
            default -> throw bad(ClickHouseOptions.SERVER_PARAMS, "auto, true or false");
        };
        Compression compression = Compression.parse(config.option(ClickHouseOptions.COMPRESSION).orElse("none"));
        List<String> roles = new ArrayList<>();
        for (String r : config.option(ClickHouseOptions.ROLE).orElse("").split(",")) {
            if (!r.isBlank()) {
                roles.add(r.trim());
            }
        }
        String wait = config.option(ClickHouseOptions.WAIT_END_OF_QUERY).orElse(null);
        long timeout = config.longOption(ClickHouseOptions.SESSION_TIMEOUT, 0);
        long buffer = config.longOption(ClickHouseOptions.BUFFER_SIZE, 0);
        if (timeout < 0 || buffer < 0) {
            throw new IllegalArgumentException("session_timeout and buffer_size must not be negative");
        }
        return new ChOptions(
                format,
                headerAuth,
                serverSession,
                timeout,
                config.booleanOption(ClickHouseOptions.SESSION_CHECK, false),
                serverParams,
                compression,
                config.booleanOption(ClickHouseOptions.COMPRESS_REQUEST, false),
                config.booleanOption(ClickHouseOptions.HTTP_GET, false),
                wait == null ? null : config.booleanOption(ClickHouseOptions.WAIT_END_OF_QUERY, false),
                buffer,
                List.copyOf(roles),
                config.option(ClickHouseOptions.QUOTA_KEY).orElse(null),
                config.booleanOption(ClickHouseOptions.SEND_PROGRESS, false),
                config.booleanOption(ClickHouseOptions.KILL_ON_CANCEL, true),
                config.option(ClickHouseOptions.SERVER_VERSION).map(ServerVersion::parse).orElse(null),
                config.option(ClickHouseOptions.MAX_VALUE_BYTES).map(ChOptions::size)
                        .orElse(DecoderContext.DEFAULT_MAX_VALUE_BYTES));
    }

    /** A byte size: digits with an optional k, m or g (binary) suffix, 1 byte to 1 GiB. */
    static int size(String text) {
        String t = lower(text);
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1).trim();
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw bad(ClickHouseOptions.MAX_VALUE_BYTES, "a size such as 16m, 1g or 1048576");
        }
        if (n < 1 || n > (DecoderContext.MAX_VALUE_BYTES_LIMIT >> shift)) {
            throw bad(ClickHouseOptions.MAX_VALUE_BYTES, "between 1 byte and 1g");
        }
        return (int) (n << shift);
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException bad(String option, String allowed) {
        return new IllegalArgumentException("option " + option + " must be " + allowed);
    }

    @Override
    public String toString() {
        return "ChOptions{format=" + format + ", session=" + (serverSession ? "server" : "client") + ", compression="
                + compression + "}";
    }
}
