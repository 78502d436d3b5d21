/** The Databend dialect of olaphttp (found by the core through {@link dev.olaphttp.spi.Dialect}). */
module dev.olaphttp.databend {
    requires transitive dev.olaphttp.core;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports dev.olaphttp.databend;

    provides dev.olaphttp.spi.Dialect with dev.olaphttp.databend.DatabendDialect;
}
