package dev.olaphttp.examples;

import dev.olaphttp.SqlClient;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clients as Spring beans: one {@link SqlClient} per database, created by a {@code @Configuration} and closed by
 * the container ({@code destroyMethod = "close"}) when the context closes; a service gets them injected.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.SpringExample}.
 */
public final class SpringExample {
    private SpringExample() {}

    /** The client beans. A client is thread-safe: one per cluster for the whole application. */
    @Configuration(proxyBeanMethods = false)
    public static class OlapClients {
        @Bean(destroyMethod = "close")
        public SqlClient databend(Targets targets) {
            return SqlClient.connect(targets.dsn(Database.DATABEND));
        }

        @Bean(destroyMethod = "close")
        public SqlClient clickhouse(Targets targets) {
            return SqlClient.connect(targets.dsn(Database.CLICKHOUSE));
        }

        @Bean(destroyMethod = "close")
        public SqlClient starrocks(Targets targets) {
            return SqlClient.connect(targets.dsn(Database.STARROCKS));
        }

        @Bean
        public RevenueReport revenueReport(Map<String, SqlClient> clients) {
            return new RevenueReport(clients);
        }
    }

    /** A service using the clients: total revenue in each database. */
    public static final class RevenueReport {
        private final Map<String, SqlClient> clients;

        public RevenueReport(Map<String, SqlClient> clients) {
            this.clients = new TreeMap<>(clients); // bean name -> client
        }

        /** Bean name to the sum of the revenue column of {@link SampleData#REVENUE_BY_CITY}. */
        public Map<String, BigDecimal> totals() {
            Map<String, BigDecimal> totals = new TreeMap<>();
            clients.forEach((name, client) -> totals.put(name, client.sql(SampleData.REVENUE_BY_CITY)
                    .list(r -> r.getBigDecimal("revenue")).stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
            return totals;
        }
    }

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out);
        }
    }

    /** Runs the context and returns its clients, closed by then. */
    static Map<String, SqlClient> run(Targets targets, PrintStream out) {
        Map<String, SqlClient> clients;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            // the targets are the caller's: an empty destroy method stops Spring closing them as an AutoCloseable
            context.registerBean(Targets.class, () -> targets, bd -> bd.setDestroyMethodName(""));
            context.register(OlapClients.class);
            context.refresh();
            context.getBean(RevenueReport.class).totals()
                    .forEach((db, total) -> out.println("revenue in " + db + ": " + total));
            clients = context.getBeansOfType(SqlClient.class);
        } // the container closes every SqlClient bean here
        clients.forEach((name, client) -> out.println(name + " client closed by the container: " + isClosed(client)));
        return clients;
    }

    /** A closed client refuses new statements. */
    static boolean isClosed(SqlClient client) {
        try {
            client.sql("SELECT 1");
            return false;
        } catch (IllegalStateException closed) {
            return true;
        }
    }
}
