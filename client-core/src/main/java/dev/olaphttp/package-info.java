/**
 * olaphttp's public API: {@link dev.olaphttp.SqlClient}, {@link dev.olaphttp.SqlSession}, {@link dev.olaphttp.Query},
 * {@link dev.olaphttp.RowCursor}, the type model and the exception tree rooted in
 * {@link dev.olaphttp.SqlClientException}. No OkHttp or Jackson type appears here.
 */
package dev.olaphttp;
