package dev.olaphttp.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The benchmark's rows, a typical mix: a 64-bit id, a short string, a double, a timestamp (second precision, UTC)
 * and a nullable int (every fifth row NULL). Row {@code i} is a pure function of {@code i}, so every encoder and
 * every check agrees on it.
 */
final class Dataset {
    static final String[] NAMES = {"id", "name", "price", "ts", "qty"};
    static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dataset() {}

    static long id(long i) {
        return 1_000_000_000_000L + i * 7919L;
    }

    static String name(long i) {
        return "user-" + (i % 10_000);
    }

    static double price(long i) {
        return (i % 100_000) / 100.0;
    }

    /** The timestamp in seconds since the epoch. */
    static long epochSecond(long i) {
        return 1_700_000_000L + i * 37L;
    }

    static String timeText(long i) {
        return LocalDateTime.ofEpochSecond(epochSecond(i), 0, ZoneOffset.UTC).format(TEXT_TIME);
    }

    static boolean qtyNull(long i) {
        return i % 5 == 0;
    }

    static int qty(long i) {
        return (int) (i % 100_000) - 50_000;
    }
}
