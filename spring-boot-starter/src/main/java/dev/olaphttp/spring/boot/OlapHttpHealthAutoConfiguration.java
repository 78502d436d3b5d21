package dev.olaphttp.spring.boot;

import dev.olaphttp.SqlClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A health indicator per {@link SqlClient} bean, under {@code /actuator/health/olaphttp/<name>} ({@code default} for
 * {@code sqlClient}). Off with {@code management.health.olaphttp.enabled=false}; the ping budget is
 * {@code management.health.olaphttp.timeout} (default 5s).
 */
@AutoConfiguration(after = OlapHttpAutoConfiguration.class)
@ConditionalOnClass({SqlClient.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(SqlClient.class)
@ConditionalOnEnabledHealthIndicator("olaphttp")
public class OlapHttpHealthAutoConfiguration {
    /** One child per client. */
    @Bean
    @ConditionalOnMissingBean(name = "olaphttpHealthContributor")
    HealthContributor olaphttpHealthContributor(Map<String, SqlClient> clients, Environment env) {
        Duration timeout = env.getProperty("management.health.olaphttp.timeout", Duration.class, Duration.ofSeconds(5));
        Map<String, SqlClientHealthIndicator> indicators = new LinkedHashMap<>();
        clients.forEach((bean, client) -> indicators.put(clientName(bean), new SqlClientHealthIndicator(client, timeout)));
        return CompositeHealthContributor.fromMap(indicators);
    }

    static String clientName(String beanName) {
        if (beanName.equals("sqlClient")) {
            return SqlClientFactory.DEFAULT_NAME;
        }
        return beanName.endsWith("SqlClient") && beanName.length() > "SqlClient".length()
                ? beanName.substring(0, beanName.length() - "SqlClient".length())
                : beanName;
    }
}
