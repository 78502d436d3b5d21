-- Sample data for the examples on a real ClickHouse server (the embedded simulator needs none).
-- clickhouse-client --multiquery < examples/sql/clickhouse.sql
CREATE DATABASE IF NOT EXISTS shop;
CREATE DATABASE IF NOT EXISTS analytics; -- SessionExample switches to it

CREATE TABLE IF NOT EXISTS shop.orders (
    order_id UInt64, customer String, city String, amount Decimal(10, 2), created_at DateTime
) ENGINE = MergeTree ORDER BY order_id;
TRUNCATE TABLE shop.orders;
-- one line: clickhouse-client --multiquery ends inline INSERT data at the end of the line
INSERT INTO shop.orders VALUES (1001, 'ada', 'Berlin', 42.50, '2026-01-05 09:14:00'), (1002, 'grace', 'Paris', 17.90, '2026-01-05 11:02:31'), (1003, 'linus', 'Helsinki', 120.00, '2026-01-06 08:45:10'), (1004, 'barbara', 'Paris', 64.25, '2026-01-06 19:20:00'), (1005, 'ken', 'Berlin', 9.99, '2026-01-07 07:01:44'), (1006, 'margaret', 'Boston', 230.10, '2026-01-07 15:33:09'), (1007, 'dennis', 'Berlin', 15.00, '2026-01-08 10:10:10'), (1008, 'frances', 'Paris', 88.00, '2026-01-08 21:47:52');

-- the source of EtlExample: the same 20,000 trips the simulator generates
CREATE TABLE IF NOT EXISTS shop.trips (
    trip_id UInt64, city String, distance_km Float64, fare Decimal(10, 2), started_at DateTime
) ENGINE = MergeTree ORDER BY trip_id;
TRUNCATE TABLE shop.trips;
INSERT INTO shop.trips
SELECT 500000 + number,
       ['Berlin', 'Paris', 'Helsinki', 'Boston', 'Lisbon'][number % 5 + 1],
       1.5 + (number * 37 % 250) / 10.0,
       toDecimal64(250 + number * 53 % 9000, 2) / 100,
       toDateTime('2026-01-01 00:00:00', 'UTC') + number * 97
FROM numbers(20000);
