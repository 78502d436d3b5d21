/**
 * The Databend protocol implementation: statement execution over {@code /v1/query} ({@code DatabendExecution}),
 * streaming page parsing into per-column arrays ({@code PageParser}, {@code CellColumn}), type and value decoding
 * ({@code TypeParser}, {@code Values}, {@code NestedParser}), client sessions, heartbeats, stage uploads and bulk loads ({@code DatabendLoader}, {@code NdjsonRows},
 * {@code JsonEncoders}, {@code StreamingLoad}).
 * Not an API: only {@link dev.olaphttp.databend.internal.DialectSupport} is public, for the dialect class.
 */
package dev.olaphttp.databend.internal;
