/** The adapter that lets a caller lend olaphttp its own {@code okhttp3.OkHttpClient}: the only OkHttp-typed API. */
package dev.olaphttp.okhttp;
