/**
 * The dialect SPI: what a database module implements ({@link dev.olaphttp.spi.Dialect},
 * {@link dev.olaphttp.spi.DialectClient}, {@link dev.olaphttp.spi.QueryExecution},
 * {@link dev.olaphttp.spi.RowValues}, {@link dev.olaphttp.spi.ErrorClassifier}) and what the core hands it
 * ({@link dev.olaphttp.spi.ClientContext}, {@link dev.olaphttp.spi.HttpTransport}).
 */
package dev.olaphttp.spi;
