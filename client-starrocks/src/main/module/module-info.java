/** The StarRocks dialect of olaphttp (found by the core through {@link dev.olaphttp.spi.Dialect}). */
module dev.olaphttp.starrocks {
    requires transitive dev.olaphttp.core;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports dev.olaphttp.starrocks;

    provides dev.olaphttp.spi.Dialect with dev.olaphttp.starrocks.StarRocksDialect;
}
