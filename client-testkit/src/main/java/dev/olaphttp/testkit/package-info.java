/**
 * In-process protocol simulators of Databend, ClickHouse and StarRocks for tests: {@link
 * dev.olaphttp.testkit.DatabendTestServer}, {@link dev.olaphttp.testkit.ClickHouseTestServer}, {@link
 * dev.olaphttp.testkit.StarRocksTestServer}, scripted or generated {@link dev.olaphttp.testkit.Table}s, {@link
 * dev.olaphttp.testkit.Fault} injection and the JUnit 5 {@link dev.olaphttp.testkit.TestServerExtension}.
 */
package dev.olaphttp.testkit;
