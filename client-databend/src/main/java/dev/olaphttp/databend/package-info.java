/**
 * Databend support: {@link dev.olaphttp.databend.Databend} makes clients, {@link dev.olaphttp.databend.DatabendStages}
 * loads staged files, {@link dev.olaphttp.databend.DatabendQueryException} carries the server's error code.
 */
package dev.olaphttp.databend;
