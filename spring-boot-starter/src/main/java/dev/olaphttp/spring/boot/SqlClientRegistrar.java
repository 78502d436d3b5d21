package dev.olaphttp.spring.boot;

import dev.olaphttp.SqlClient;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link SqlClient} bean per configured client: {@code sqlClient} for {@code olaphttp.dsn},
 * {@code <name>SqlClient} with qualifier {@code <name>} for each {@code olaphttp.clients.<name>}; one is primary.
 * Each is built lazily by {@link SqlClientFactory} and closed with the context.
 */
final class SqlClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    static String beanName(String client) {
        return SqlClientFactory.DEFAULT_NAME.equals(client) ? "sqlClient" : client + "SqlClient";
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        OlapHttpProperties props = Binder.get(environment)
                .bind(OlapHttpProperties.PREFIX, OlapHttpProperties.class)
                .orElseGet(OlapHttpProperties::new);
        List<String> names = SqlClientFactory.names(props);
        if (names.isEmpty()) {
            return;
        }
        if (props.getDsn() != null && props.getClients().containsKey(SqlClientFactory.DEFAULT_NAME)) {
            throw new IllegalStateException("olaphttp.dsn and olaphttp.clients.default both name the client 'default'");
        }
        String primary = primary(props, names);
        for (String name : names) {
            RootBeanDefinition def = new RootBeanDefinition(SqlClient.class);
            def.setInstanceSupplier(() -> beanFactory.getBean(SqlClientFactory.class).create(name));
            def.setDestroyMethodName("close");
            def.setPrimary(name.equals(primary));
            def.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            def.setDependsOn("olapHttpSqlClientFactory");
            registry.registerBeanDefinition(beanName(name), def);
        }
    }

    private static String primary(OlapHttpProperties props, List<String> names) {
        if (props.getDsn() != null && !props.getDsn().isBlank()) {
            return SqlClientFactory.DEFAULT_NAME;
        }
        if (props.getPrimary() != null) {
            if (!props.getClients().containsKey(props.getPrimary())) {
                throw new IllegalStateException("olaphttp.primary names '" + props.getPrimary()
                        + "', which is not one of olaphttp.clients " + props.getClients().keySet());
            }
            return props.getPrimary();
        }
        return names.get(0);
    }
}
