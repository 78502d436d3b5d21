/** The StarRocks dialect of olaphttp: {@link dev.olaphttp.starrocks.StarRocks} and its {@code Dialect}. */
package dev.olaphttp.starrocks;
