package dev.olaphttp.starrocks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Canned FE/BE answers for the Stream Load tests. */
final class LoadSupport {
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "root:s3cret".getBytes(StandardCharsets.UTF_8));

    private LoadSupport() {}

    /** The SQL API's answer to {@code DESC t}: one row per {@code name, type} pair. */
    static MockResponse desc(String... nameAndType) {
        StringBuilder sb = new StringBuilder("{\"connectionId\":7}\n{\"meta\":[{\"name\":\"Field\",\"type\":\"varchar\"},"
                + "{\"name\":\"Type\",\"type\":\"varchar\"},{\"name\":\"Null\",\"type\":\"varchar\"},"
                + "{\"name\":\"Key\",\"type\":\"varchar\"},{\"name\":\"Default\",\"type\":\"varchar\"},"
                + "{\"name\":\"Extra\",\"type\":\"varchar\"}]}\n");
        for (int i = 0; i < nameAndType.length; i += 2) {
            sb.append("{\"data\":[\"").append(nameAndType[i]).append("\",\"").append(nameAndType[i + 1])
                    .append("\",\"YES\",\"false\",null,\"\"]}\n");
        }
        sb.append("{\"statistics\":{\"scanRows\":0,\"scanBytes\":0,\"returnRows\":")
                .append(nameAndType.length / 2).append("}}\n");
        return TestSupport.ndjson(sb.toString());
    }

    /** The FE's 307 to a backend, sent without reading the body (as the FE does after an Expect header). */
    static MockResponse redirectTo(MockWebServer be, String path) {
        return new MockResponse.Builder()
                .code(307)
                .setHeader("Location", "http://" + be.getHostName() + ":" + be.getPort() + path)
                .setHeader("Content-Type", "text/html")
                .setHeader("Content-Length", "0")
                .doNotReadRequestBody()
                .build();
    }

    /** A backend's JSON answer after a 100 Continue. */
    static MockResponse beJson(String body) {
        return new MockResponse.Builder()
                .add100Continue()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** A Stream Load result in the BE's PrettyWriter form. */
    static String result(String status, String extra) {
        return "{\n    \"TxnId\": 1003,\n    \"Label\": \"L1\",\n    \"Status\": \"" + status + "\",\n"
                + extra
                + "    \"Message\": \"OK\",\n    \"NumberTotalRows\": 2,\n    \"NumberLoadedRows\": 2,\n"
                + "    \"NumberFilteredRows\": 0,\n    \"NumberUnselectedRows\": 0,\n    \"LoadBytes\": 24,\n"
                + "    \"LoadTimeMs\": 61\n}";
    }
}
