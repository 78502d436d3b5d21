/**
 * The ClickHouse dialect of olaphttp. zstd-jni and lz4-java are optional: add them to use those response codecs.
 */
module dev.olaphttp.clickhouse {
    requires transitive dev.olaphttp.core;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires static com.github.luben.zstd_jni;
    requires static org.lz4.java;

    exports dev.olaphttp.clickhouse;

    provides dev.olaphttp.spi.Dialect with dev.olaphttp.clickhouse.ClickHouseDialect;
}
