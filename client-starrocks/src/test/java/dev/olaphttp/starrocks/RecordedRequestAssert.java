package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.RecordedRequest;

/** Small assertions on recorded requests. */
final class RecordedRequestAssert {
    private RecordedRequestAssert() {}

    static void header(RecordedRequest r, String name, String value) {
        assertThat(r.getHeaders().get(name)).as("header " + name).isEqualTo(value);
    }
}
