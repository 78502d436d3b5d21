package dev.olaphttp.examples.boot;

import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot app whose only olaphttp configuration is {@code olaphttp.dsn}: the starter makes the client, its
 * health check ({@code /actuator/health/olaphttp}) and its metrics ({@code /actuator/metrics/olaphttp.query}).
 *
 * <p>Run with {@code --olaphttp.dsn=databend://user:pass@host:8000/db} for a real server; without it, an embedded
 * Databend simulator from the testkit is started and used (and stopped with the app).
 */
@SpringBootApplication
public class OlapHttpBootApp {
    /** Starts the app. */
    public static void main(String[] args) {
        run(args);
    }

    /** Starts the app, with the embedded simulator unless a DSN is given. */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication app = new SpringApplication(OlapHttpBootApp.class);
        boolean dsnGiven = System.getenv("OLAPHTTP_DSN") != null || System.getProperty("olaphttp.dsn") != null
                || java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--olaphttp.dsn="));
        if (dsnGiven) {
            return app.run(args);
        }
        DatabendTestServer server = embedded();
        app.setDefaultProperties(Map.of(
                "olaphttp.dsn", "databend://root:@127.0.0.1:" + server.port() + "/default?sslmode=disable"));
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                server.close();
            }
        });
        System.out.println("using embedded Databend simulator at " + server.url());
        try {
            return app.run(args);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A simulator answering the app's query. */
    static DatabendTestServer embedded() {
        DatabendTestServer server = new DatabendTestServer();
        server.when(SqlMatcher.contains("FROM events")).thenReturn(Table.numbers(1_000, "UInt64"));
        return server;
    }
}
