package dev.olaphttp.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The example app as a user starts it: embedded simulator, then health and metrics over HTTP. */
class OlapHttpBootAppTest {
    @Test
    void runsAgainstTheTestkitWithHealthAndMetricsVisible() throws Exception {
        try (ConfigurableApplicationContext ctx = OlapHttpBootApp.run("--server.port=0")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));

            JsonNode summary = Http.get(port, "/events/summary");
            assertThat(summary.get("rows").asLong()).isEqualTo(1000);
            assertThat(summary.get("sum").asLong()).isEqualTo(999L * 1000 / 2);

            JsonNode health = Http.get(port, "/actuator/health");
            assertThat(health.get("status").asText()).isEqualTo("UP");
            JsonNode client = health.at("/components/olaphttp/components/default");
            assertThat(client.get("status").asText()).isEqualTo("UP");
            assertThat(client.at("/details/dialect").asText()).isEqualTo("databend");

            JsonNode names = Http.get(port, "/actuator/metrics").get("names");
            List<String> metricNames = new ArrayList<>();
            names.forEach(n -> metricNames.add(n.asText()));
            assertThat(metricNames).contains("olaphttp.query", "olaphttp.query.rows", "olaphttp.circuit.breaker.state");

            JsonNode success = Http.get(port, "/actuator/metrics/olaphttp.query?tag=outcome:success&tag=kind:query");
            assertThat(success.at("/measurements/0/statistic").asText()).isEqualTo("COUNT");
            assertThat(success.at("/measurements/0/value").asDouble()).as("the summary and the health pings")
                    .isGreaterThanOrEqualTo(2);
            JsonNode rows = Http.get(port, "/actuator/metrics/olaphttp.query.rows?tag=outcome:success");
            assertThat(rows.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1000);
        }
    }
}
