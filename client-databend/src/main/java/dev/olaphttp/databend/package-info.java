/**
 * Databend support: {@link dev.olaphttp.databend.Databend} makes clients, {@link dev.olaphttp.databend.DatabendStages}
 * loads staged files, bulk loads run through {@code SqlClient.insert} (see {@link dev.olaphttp.databend.Databend}), {@link dev.olaphttp.databend.DatabendQueryException} carries the server's error code.
 */
package dev.olaphttp.databend;
