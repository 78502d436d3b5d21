/** Implementation of the StarRocks dialect. Not API: may change in any release. */
package dev.olaphttp.starrocks.internal;
