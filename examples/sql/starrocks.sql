-- Sample data for the examples on a real StarRocks cluster (the embedded simulator needs none).
-- The HTTP SQL API runs queries only: load this with the MySQL protocol,
-- mysql -h fe-host -P 9030 -u root < examples/sql/starrocks.sql
CREATE DATABASE IF NOT EXISTS shop;
CREATE DATABASE IF NOT EXISTS analytics; -- SessionExample switches to it

DROP TABLE IF EXISTS shop.orders;
CREATE TABLE shop.orders (
    order_id BIGINT, customer VARCHAR(64), city VARCHAR(64), amount DECIMAL(10, 2), created_at DATETIME
) DUPLICATE KEY (order_id) DISTRIBUTED BY HASH (order_id) BUCKETS 1 PROPERTIES ("replication_num" = "1");
INSERT INTO shop.orders VALUES
    (1001, 'ada', 'Berlin', 42.50, '2026-01-05 09:14:00'),
    (1002, 'grace', 'Paris', 17.90, '2026-01-05 11:02:31'),
    (1003, 'linus', 'Helsinki', 120.00, '2026-01-06 08:45:10'),
    (1004, 'barbara', 'Paris', 64.25, '2026-01-06 19:20:00'),
    (1005, 'ken', 'Berlin', 9.99, '2026-01-07 07:01:44'),
    (1006, 'margaret', 'Boston', 230.10, '2026-01-07 15:33:09'),
    (1007, 'dennis', 'Berlin', 15.00, '2026-01-08 10:10:10'),
    (1008, 'frances', 'Paris', 88.00, '2026-01-08 21:47:52');

-- the target of EtlExample --into=starrocks
DROP TABLE IF EXISTS shop.trips;
CREATE TABLE shop.trips (
    trip_id BIGINT, city VARCHAR(64), distance_km DOUBLE, fare DECIMAL(10, 2), started_at DATETIME
) DUPLICATE KEY (trip_id) DISTRIBUTED BY HASH (trip_id) BUCKETS 1 PROPERTIES ("replication_num" = "1");
