/** In-process simulators of Databend, ClickHouse and StarRocks for tests (JUnit 5 extension included). */
module dev.olaphttp.testkit {
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports dev.olaphttp.testkit;
}
