package dev.olaphttp.examples;

import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small shop dataset the examples query, and the statements they run. On a simulator each statement is
 * scripted with its result (simulators do not execute SQL); on a real server create the tables first with
 * {@code examples/sql/<database>.sql}.
 */
public final class SampleData {
    /** The first five orders. */
    public static final String FIRST_ORDERS =
            "SELECT order_id, customer, city, amount, created_at FROM orders ORDER BY order_id LIMIT 5";
    /** Revenue per city, largest first. */
    public static final String REVENUE_BY_CITY = "SELECT city, count(*) AS orders, sum(amount) AS revenue "
            + "FROM orders GROUP BY city ORDER BY revenue DESC, city";
    /** Trips the ETL example copies (ClickHouse source). */
    public static final String ALL_TRIPS = "SELECT trip_id, city, distance_km, fare, started_at FROM trips";
    /** Rows in the ClickHouse {@code trips} table of the simulator. */
    public static final long TRIP_COUNT = 20_000;

    /** The orders: id, customer, city, amount, created at. */
    static final List<Object[]> ORDERS = List.of(
            order(1001, "ada", "Berlin", "42.50", "2026-01-05T09:14:00"),
            order(1002, "grace", "Paris", "17.90", "2026-01-05T11:02:31"),
            order(1003, "linus", "Helsinki", "120.00", "2026-01-06T08:45:10"),
            order(1004, "barbara", "Paris", "64.25", "2026-01-06T19:20:00"),
            order(1005, "ken", "Berlin", "9.99", "2026-01-07T07:01:44"),
            order(1006, "margaret", "Boston", "230.10", "2026-01-07T15:33:09"),
            order(1007, "dennis", "Berlin", "15.00", "2026-01-08T10:10:10"),
            order(1008, "frances", "Paris", "88.00", "2026-01-08T21:47:52"));

    private SampleData() {}

    /** Scripts the dataset into a simulator, with the dialect's own type names. */
    static void seed(Database db, TestServer server) {
        String[] t = types(db);
        Table.Builder first = Table.builder().column("order_id", t[0]).column("customer", t[1])
                .column("city", t[1]).column("amount", t[2]).column("created_at", t[3]);
        ORDERS.stream().limit(5).forEach(first::row);
        server.when(SqlMatcher.equalTo(FIRST_ORDERS)).thenReturn(first.build());

        Table.Builder revenue = Table.builder().column("city", t[1]).column("orders", t[0]).column("revenue", t[2]);
        revenueByCity().forEach((city, sum) -> revenue.row(city, sum[0], sum[1]));
        server.when(SqlMatcher.equalTo(REVENUE_BY_CITY)).thenReturn(revenue.build());

        // parameters reach the simulator rendered (StarRocks, Databend) or as server-side parameters (ClickHouse):
        // match the statement, answer for the example's value 'Paris'
        server.when(SqlMatcher.contains("SELECT count(*) AS orders FROM orders WHERE city ="))
                .thenReturn(Table.builder().column("orders", t[0]).row(countIn("Paris")).build());

        if (db == Database.CLICKHOUSE) {
            // BUG workaround: the simulator does not answer the version/time zone lookup every ClickHouse client
            // sends first (see SimulatorBugsTest)
            server.when(SqlMatcher.contains("SELECT version(), timezone()")).thenReturn(Table.builder()
                    .column("version()", "String").column("timezone()", "String").row("25.3.2.39", "UTC").build());
            server.when(SqlMatcher.equalTo(ALL_TRIPS)).thenReturn(trips(t));
        }
        if (db != Database.CLICKHOUSE) {
            // the target of EtlExample: a table that accepts bulk loads and keeps what was loaded
            Column[] trips = {Column.of("trip_id", t[0]), Column.of("city", t[1]), Column.of("distance_km", t[4]),
                Column.of("fare", t[2]), Column.of("started_at", t[3])};
            server.table("trips", trips);
            if (db == Database.DATABEND) {
                // BUG workaround: a declared table does not answer the loader's schema lookup (see SimulatorBugsTest)
                server.when(SqlMatcher.equalTo("SELECT * FROM trips LIMIT 0"))
                        .thenReturn(Table.generated(0, (i, v) -> { }, trips));
            }
        }
    }

    /** City to {orders, revenue}, largest revenue first, as {@link #REVENUE_BY_CITY} returns it. */
    static Map<String, Object[]> revenueByCity() {
        Map<String, Object[]> byCity = new LinkedHashMap<>();
        for (Object[] o : ORDERS) {
            Object[] acc = byCity.computeIfAbsent((String) o[2], k -> new Object[] {0L, BigDecimal.ZERO.setScale(2)});
            acc[0] = (Long) acc[0] + 1;
            acc[1] = ((BigDecimal) acc[1]).add((BigDecimal) o[3]);
        }
        Map<String, Object[]> sorted = new LinkedHashMap<>();
        byCity.entrySet().stream()
                .sorted((a, b) -> {
                    int c = ((BigDecimal) b.getValue()[1]).compareTo((BigDecimal) a.getValue()[1]);
                    return c != 0 ? c : a.getKey().compareTo(b.getKey());
                })
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static long countIn(String city) {
        return ORDERS.stream().filter(o -> o[2].equals(city)).count();
    }

    /** Trip {@code i}: a deterministic, realistic-looking row computed on demand. */
    static void trip(long i, Object[] v) {
        String[] cities = {"Berlin", "Paris", "Helsinki", "Boston", "Lisbon"};
        v[0] = 500_000 + i;
        v[1] = cities[(int) (i % cities.length)];
        v[2] = 1.5 + (i * 37 % 250) / 10.0;
        v[3] = BigDecimal.valueOf(250 + i * 53 % 9_000, 2);
        v[4] = LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i * 97);
    }

    private static Table trips(String[] t) {
        return Table.generated(TRIP_COUNT, SampleData::trip, Column.of("trip_id", t[0]), Column.of("city", t[1]),
                Column.of("distance_km", t[4]), Column.of("fare", t[2]), Column.of("started_at", t[3]));
    }

    /** Type names: id, text, money, timestamp, float. */
    private static String[] types(Database db) {
        return switch (db) {
            case CLICKHOUSE -> new String[] {"UInt64", "String", "Decimal(10, 2)", "DateTime", "Float64"};
            case DATABEND -> new String[] {"UInt64", "String", "Decimal(10, 2)", "Timestamp", "Float64"};
            case STARROCKS -> new String[] {"bigint(20)", "varchar(64)", "decimal(10,2)", "datetime", "double"};
        };
    }

    private static Object[] order(long id, String customer, String city, String amount, String at) {
        return new Object[] {id, customer, city, new BigDecimal(amount), LocalDateTime.parse(at)};
    }
}
