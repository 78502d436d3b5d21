package dev.olaphttp.examples.boot;

import dev.olaphttp.SqlClient;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /events/summary}: one streamed query through the auto-configured client. */
@RestController
class EventsController {
    private final SqlClient client;

    EventsController(SqlClient client) {
        this.client = client;
    }

    @GetMapping("/events/summary")
    Map<String, Object> summary() {
        long[] acc = {0, 0}; // rows, sum
        client.sql("SELECT number FROM events").forEach(r -> {
            acc[0]++;
            acc[1] += r.getLong(1);
        });
        return Map.of("rows", acc[0], "sum", acc[1], "dialect", client.dialect());
    }
}
