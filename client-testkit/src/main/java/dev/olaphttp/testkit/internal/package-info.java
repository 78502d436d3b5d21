/** Implementation of the testkit (HTTP/1.1 engine, type parsing, encoders); not a public API. */
package dev.olaphttp.testkit.internal;
