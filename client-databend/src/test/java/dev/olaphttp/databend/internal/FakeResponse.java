package dev.olaphttp.databend.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An in-memory response for classifier tests. */
record FakeResponse(int status, Map<String, String> headerMap, InputStream body) implements HttpResponse {
    static FakeResponse of(int status, String body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json"),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String header(String name) {
        return headerMap.get(name);
    }

    @Override
    public List<String> headers(String name) {
        String v = headerMap.get(name);
        return v == null ? List.of() : List.of(v);
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint(false, "localhost", 8000, "");
    }

    @Override
    public HttpCall call() {
        return HttpCall.builder("GET", "/v1/query/q/page/1").build();
    }

    @Override
    public SqlClientException readFailure(IOException e, long rowsDelivered) {
        return new ResultInterruptedException("broken", e, null, rowsDelivered);
    }

    @Override
    public void close() {}
}
