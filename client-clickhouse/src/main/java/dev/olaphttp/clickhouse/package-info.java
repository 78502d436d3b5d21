/**
 * The ClickHouse dialect: {@link dev.olaphttp.clickhouse.ClickHouse} to build clients,
 * {@link dev.olaphttp.clickhouse.ClickHouseOptions} for its options, and the extensions
 * {@link dev.olaphttp.clickhouse.ClickHouseInserts}, {@link dev.olaphttp.clickhouse.ClickHouseRaw} and
 * {@link dev.olaphttp.clickhouse.ClickHouseServer}.
 */
package dev.olaphttp.clickhouse;
