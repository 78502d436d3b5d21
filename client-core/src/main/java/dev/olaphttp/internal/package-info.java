/** Implementation details of the core (OkHttp transport, resilience). Not API: may change without notice. */
package dev.olaphttp.internal;
