package dev.olaphttp.spring.boot;

import dev.olaphttp.QueryListener;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TraceContextSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the olaphttp clients of {@code olaphttp.*} (see {@link OlapHttpProperties}). Backs off entirely
 * when the application defines its own {@link SqlClient} bean.
 */
@AutoConfiguration
@ConditionalOnClass(SqlClient.class)
@ConditionalOnMissingBean(SqlClient.class)
@EnableConfigurationProperties(OlapHttpProperties.class)
@Import(SqlClientRegistrar.class)
public class OlapHttpAutoConfiguration {
    /** Builds the configured clients. */
    @Bean("olapHttpSqlClientFactory")
    SqlClientFactory olapHttpSqlClientFactory(
            OlapHttpProperties properties,
            ObjectProvider<QueryListener> listeners,
            ObjectProvider<TraceContextSupplier> traceContext,
            ObjectProvider<OlapHttpClientCustomizer> customizers,
            ObjectProvider<PolicyObserver> policyObservers) {
        return new SqlClientFactory(properties, listeners, traceContext, customizers, policyObservers);
    }
}
