/**
 * olaphttp's public API, dialect SPI and OkHttp transport. Added to the jar at package time (see the parent POM's
 * moditect setup) so that a module-path application that {@code requires dev.olaphttp.core} gets OkHttp, Kotlin,
 * Okio, Resilience4j and SLF4J resolved without {@code --add-modules}; tests run on the class path.
 */
module dev.olaphttp.core {
    requires transitive okhttp3;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.circuitbreaker;
    requires org.slf4j;

    exports dev.olaphttp;
    exports dev.olaphttp.spi;
    exports dev.olaphttp.okhttp;

    uses dev.olaphttp.spi.Dialect;
}
