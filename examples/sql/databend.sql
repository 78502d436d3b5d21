-- Sample data for the examples on a real Databend server (the embedded simulator needs none).
-- bendsql < examples/sql/databend.sql
CREATE DATABASE IF NOT EXISTS shop;
CREATE DATABASE IF NOT EXISTS analytics; -- SessionExample switches to it

CREATE OR REPLACE TABLE shop.orders (
    order_id BIGINT UNSIGNED, customer STRING, city STRING, amount DECIMAL(10, 2), created_at TIMESTAMP
);
INSERT INTO shop.orders VALUES
    (1001, 'ada', 'Berlin', 42.50, '2026-01-05 09:14:00'),
    (1002, 'grace', 'Paris', 17.90, '2026-01-05 11:02:31'),
    (1003, 'linus', 'Helsinki', 120.00, '2026-01-06 08:45:10'),
    (1004, 'barbara', 'Paris', 64.25, '2026-01-06 19:20:00'),
    (1005, 'ken', 'Berlin', 9.99, '2026-01-07 07:01:44'),
    (1006, 'margaret', 'Boston', 230.10, '2026-01-07 15:33:09'),
    (1007, 'dennis', 'Berlin', 15.00, '2026-01-08 10:10:10'),
    (1008, 'frances', 'Paris', 88.00, '2026-01-08 21:47:52');

-- the target of EtlExample (ClickHouse shop.trips is copied into it)
CREATE OR REPLACE TABLE shop.trips (
    trip_id BIGINT UNSIGNED, city STRING, distance_km DOUBLE, fare DECIMAL(10, 2), started_at TIMESTAMP
);
