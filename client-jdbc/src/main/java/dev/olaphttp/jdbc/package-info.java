/**
 * A JDBC driver over olaphttp's {@code SqlClient}: {@link dev.olaphttp.jdbc.OlapDriver} for
 * {@code jdbc:olaphttp:<dsn>} URLs and {@link dev.olaphttp.jdbc.OlapDataSource} for pools.
 */
package dev.olaphttp.jdbc;
