/** StarRocks bulk loading (Stream Load and Transaction Stream Load). Not API. */
package dev.olaphttp.starrocks.internal.load;
