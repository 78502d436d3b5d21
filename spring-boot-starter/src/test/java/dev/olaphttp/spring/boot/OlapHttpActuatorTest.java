package dev.olaphttp.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.micrometer.CircuitBreakerMetrics;
import dev.olaphttp.micrometer.MicrometerQueryListener;
import dev.olaphttp.testkit.DatabendTestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health per client, Micrometer wiring, and credentials masked in configprops and env. */
class OlapHttpActuatorTest {
    private final DatabendTestServer databend = new DatabendTestServer();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    OlapHttpAutoConfiguration.class,
                    OlapHttpHealthAutoConfiguration.class,
                    OlapHttpMetricsAutoConfiguration.class,
                    OlapHttpActuatorAutoConfiguration.class));

    @AfterEach
    void tearDown() {
        databend.close();
    }

    private String dsn() {
        return "databend://root:@127.0.0.1:" + databend.port() + "/default?sslmode=disable";
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void healthPerClientUpAndDownWithoutCredentials() throws Exception {
        String dead = "databend://root:pw-xyz@127.0.0.1:" + deadPort() + "/default?sslmode=disable";
        runner.withPropertyValues("olaphttp.dsn=" + dsn(), "olaphttp.clients.broken.dsn=" + dead,
                        "olaphttp.clients.broken.retry.max-attempts=1", "olaphttp.clients.broken.connect-timeout=1s")
                .run(ctx -> {
                    CompositeHealthContributor health =
                            (CompositeHealthContributor) ctx.getBean("olaphttpHealthContributor", HealthContributor.class);
                    HealthIndicator up = (HealthIndicator) health.getContributor("default");
                    HealthIndicator down = (HealthIndicator) health.getContributor("broken");
                    assertThat(up.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(up.health().getDetails()).containsEntry("dialect", "databend");
                    assertThat(down.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(String.valueOf(down.health().getDetails())).contains("TransportException")
                            .doesNotContain("pw-xyz");
                });
    }

    @Test
    void healthCanBeTurnedOff() {
        runner.withPropertyValues("olaphttp.dsn=" + dsn(), "management.health.olaphttp.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean("olaphttpHealthContributor"));
    }

    @Test
    void micrometerListenerAndBreakerGaugesAreWiredWhenARegistryIsThere() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.withPropertyValues("olaphttp.dsn=" + dsn())
                .withBean(MeterRegistry.class, () -> meters)
                .withBean(ObservationRegistry.class, () -> observations)
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(MicrometerQueryListener.class);
                    ctx.getBean(SqlClient.class).sql("SELECT 1").execute();
                    assertThat(meters.get(MicrometerQueryListener.OBSERVATION).tag("outcome", "success").timer().count())
                            .isEqualTo(1);
                    assertThat(meters.get(CircuitBreakerMetrics.STATE)
                                    .tag("endpoint", "127.0.0.1:" + databend.port())
                                    .tag("state", "closed")
                                    .gauge()
                                    .value())
                            .isEqualTo(1.0);
                });
    }

    @Test
    void noObservationRegistryNoListenerAndMetricsCanBeTurnedOff() {
        runner.withPropertyValues("olaphttp.dsn=" + dsn())
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(MicrometerQueryListener.class));
        runner.withPropertyValues("olaphttp.dsn=" + dsn(), "olaphttp.metrics.enabled=false")
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(ctx -> assertThat(ctx).doesNotHaveBean(MicrometerQueryListener.class));
    }

    @Test
    void credentialsAreMaskedInConfigpropsAndEnvEvenWhenValuesAreShown() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        OlapHttpAutoConfiguration.class,
                        OlapHttpActuatorAutoConfiguration.class,
                        EndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=*",
                        "management.endpoints.jmx.exposure.include=*",
                        "management.endpoint.configprops.show-values=always",
                        "management.endpoint.env.show-values=always",
                        "olaphttp.dsn=databend://root:dsn-secret-1@127.0.0.1:" + databend.port()
                                + "/default?sslmode=disable&access_token=dsn-secret-2",
                        "olaphttp.password=top-secret-3",
                        "olaphttp.clients.other.dsn=clickhouse://bob:dsn-secret-4@127.0.0.1:1/default",
                        "olaphttp.clients.other.password=top-secret-5",
                        "olaphttp.clients.other.tls.trust-store-password=top-secret-6",
                        "olaphttp.clients.other.user=bob")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    List<String> configprops = new ArrayList<>();
                    ctx.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties().getContexts()
                            .values().forEach(c -> c.getBeans().forEach((name, bean) -> {
                                if (bean.getPrefix().equals("olaphttp")) {
                                    configprops.add(String.valueOf(bean.getProperties()));
                                }
                            }));
                    assertThat(configprops).singleElement().satisfies(s -> {
                        assertThat(s).contains("******").contains("bob").contains("127.0.0.1");
                        assertThat(s).doesNotContain("secret-");
                    });
                    List<String> env = new ArrayList<>();
                    ctx.getBean(EnvironmentEndpoint.class).environment(null).getPropertySources().forEach(ps ->
                            ps.getProperties().forEach((k, v) -> {
                                if (k.startsWith("olaphttp.")) {
                                    env.add(k + "=" + v.getValue());
                                }
                            }));
                    assertThat(env).hasSize(6).contains("olaphttp.clients.other.user=bob");
                    assertThat(env).noneMatch(s -> s.contains("secret-"));
                    assertThat(env).contains("olaphttp.password=******",
                            "olaphttp.clients.other.dsn=clickhouse://bob:******@127.0.0.1:1/default");
                });
    }

    @Test
    void maskingCoversEnvironmentVariableSpellings() {
        OlapHttpSanitizingFunction f = new OlapHttpSanitizingFunction();
        var data = new org.springframework.boot.actuate.endpoint.SanitizableData(null, "OLAPHTTP_CLIENTS_A_PASSWORD", "x1");
        assertThat(f.apply(data).getValue()).isEqualTo("******");
        var dsn = new org.springframework.boot.actuate.endpoint.SanitizableData(null, "OLAPHTTP_DSN",
                "starrocks://u:p@h:8030/db?token=abc&x=1");
        assertThat(f.apply(dsn).getValue()).isEqualTo("starrocks://u:******@h:8030/db?token=******&x=1");
        var other = new org.springframework.boot.actuate.endpoint.SanitizableData(null, "spring.datasource.password", "v");
        assertThat(f.apply(other).getValue()).as("not ours: left to Spring").isEqualTo("v");
        assertThat(Map.of()).isEmpty();
    }
}
