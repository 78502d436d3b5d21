package dev.olaphttp.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clients from properties: one or several, primary and qualifiers, settings, backing off, closing. */
class OlapHttpAutoConfigurationTest {
    private final DatabendTestServer databend = new DatabendTestServer();
    private final ClickHouseTestServer clickhouse = new ClickHouseTestServer();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OlapHttpAutoConfiguration.class));

    @AfterEach
    void tearDown() {
        databend.close();
        clickhouse.close();
    }

    private String databendDsn() {
        return "databend://root:@127.0.0.1:" + databend.port() + "/default?sslmode=disable";
    }

    private String clickhouseDsn() {
        return "clickhouse://default:@127.0.0.1:" + clickhouse.port() + "/default";
    }

    private static long one(SqlClient c) {
        return c.sql("SELECT 1").single(r -> r.getLong(1));
    }

    @Test
    void oneClientFromOlaphttpDsnIsPrimaryAndWorks() {
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn()).run(ctx -> {
            assertThat(ctx).hasSingleBean(SqlClient.class).hasBean("sqlClient");
            SqlClient c = ctx.getBean(SqlClient.class);
            assertThat(c.dialect()).isEqualTo("databend");
            assertThat(one(c)).isEqualTo(1);
        });
    }

    @Test
    void noDsnNoClient() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(SqlClient.class));
    }

    @Test
    void userAndPasswordOutsideTheDsnAreUsed() {
        databend.addUser("alice", "s3cret");
        String dsn = "databend://127.0.0.1:" + databend.port() + "/default?sslmode=disable";
        runner.withPropertyValues("olaphttp.dsn=" + dsn, "olaphttp.user=alice", "olaphttp.password=s3cret")
                .run(ctx -> assertThat(one(ctx.getBean(SqlClient.class))).isEqualTo(1));
        runner.withPropertyValues("olaphttp.dsn=" + dsn, "olaphttp.user=alice", "olaphttp.password=wrong")
                .run(ctx -> assertThatThrownBy(() -> one(ctx.getBean(SqlClient.class)))
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageNotContaining("wrong"));
    }

    @Test
    void severalNamedClientsFirstIsPrimaryOthersByQualifierOrName() {
        runner.withPropertyValues(
                        "olaphttp.clients.events.dsn=" + databendDsn(),
                        "olaphttp.clients.reports.dsn=" + clickhouseDsn())
                .withUserConfiguration(NeedsBoth.class)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBeansOfType(SqlClient.class)).containsOnlyKeys("eventsSqlClient", "reportsSqlClient");
                    assertThat(ctx.getBean(SqlClient.class).dialect()).as("primary").isEqualTo("databend");
                    NeedsBoth both = ctx.getBean(NeedsBoth.class);
                    assertThat(both.primary.dialect()).isEqualTo("databend");
                    assertThat(both.reports.dialect()).isEqualTo("clickhouse");
                    assertThat(ctx.getBean("reportsSqlClient", SqlClient.class)).isSameAs(both.reports);
                    assertThat(one(both.reports)).isEqualTo(1);
                });
    }

    @Test
    void primaryCanBeChosenAndMustExist() {
        runner.withPropertyValues(
                        "olaphttp.clients.events.dsn=" + databendDsn(),
                        "olaphttp.clients.reports.dsn=" + clickhouseDsn(),
                        "olaphttp.primary=reports")
                .run(ctx -> assertThat(ctx.getBean(SqlClient.class).dialect()).isEqualTo("clickhouse"));
        runner.withPropertyValues("olaphttp.clients.events.dsn=" + databendDsn(), "olaphttp.primary=nope")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("olaphttp.primary names 'nope'"));
    }

    @Test
    void aUserDefinedSqlClientTurnsTheAutoConfigurationOff() {
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.clients.more.dsn=" + databendDsn())
                .withUserConfiguration(OwnClient.class)
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(SqlClient.class).hasBean("mine");
                    assertThat(ctx).doesNotHaveBean(SqlClientFactory.class);
                });
    }

    @Test
    void clientsAreClosedWithTheContext() {
        AtomicReference<SqlClient> client = new AtomicReference<>();
        runner.withPropertyValues("olaphttp.clients.a.dsn=" + databendDsn())
                .run(ctx -> client.set(ctx.getBean(SqlClient.class)));
        assertThatThrownBy(() -> client.get().sql("SELECT 1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void queryTimeoutIsApplied() {
        databend.fault(r -> r.path().equals("/v1/query"), Fault.delay(Duration.ofSeconds(3)), 1);
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.query-timeout=300ms")
                .run(ctx -> assertThatThrownBy(() -> one(ctx.getBean(SqlClient.class)))
                        .isInstanceOf(QueryTimeoutException.class));
    }

    @Test
    void retrySettingsAreApplied() {
        databend.when(SqlMatcher.contains("FROM t")).thenReturn(Table.numbers(1, "UInt64"));
        databend.fault(r -> r.path().equals("/v1/query"), Fault.status(503), 1);
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.retry.max-attempts=1")
                .run(ctx -> assertThatThrownBy(() -> ctx.getBean(SqlClient.class).sql("SELECT * FROM t").execute())
                        .isInstanceOf(ServerBusyException.class));
        databend.fault(r -> r.path().equals("/v1/query"), Fault.status(503), 1);
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.retry.max-attempts=2",
                        "olaphttp.retry.initial-backoff=1ms", "olaphttp.retry.max-backoff=2ms")
                .run(ctx -> assertThat(ctx.getBean(SqlClient.class).sql("SELECT * FROM t").execute().rowsReturned())
                        .isEqualTo(1));
    }

    @Test
    void circuitBreakerSettingsAreApplied() {
        databend.fault(r -> r.path().equals("/v1/query"), Fault.status(503), 2);
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.retry.max-attempts=1",
                        "olaphttp.circuit-breaker.sliding-window-size=2", "olaphttp.circuit-breaker.minimum-number-of-calls=2",
                        "olaphttp.circuit-breaker.wait-duration-in-open-state=1m")
                .run(ctx -> {
                    SqlClient c = ctx.getBean(SqlClient.class);
                    for (int i = 0; i < 2; i++) {
                        assertThatThrownBy(() -> one(c)).isInstanceOf(ServerBusyException.class);
                    }
                    int before = databend.requests().size();
                    assertThatThrownBy(() -> one(c)).isInstanceOf(ServerBusyException.class)
                            .hasMessageContaining("circuit breaker open");
                    assertThat(databend.requests()).as("nothing sent while open").hasSize(before);
                });
    }

    @Test
    void customizersSeeEveryClientByName() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.clients.x.dsn=" + databendDsn())
                .withBean(OlapHttpClientCustomizer.class, () -> (name, b) -> seen.add(name))
                .run(ctx -> {
                    ctx.getBeansOfType(SqlClient.class);
                    assertThat(seen).containsExactlyInAnyOrder("default", "x");
                });
    }

    @Test
    void tlsTrustFromPemOrTrustStoreAndABadFileFailsWithoutThePassword() {
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.tls.trust-certificates=classpath:tls/ca.pem")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(SqlClient.class));
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.tls.trust-store=classpath:tls/trust.p12",
                        "olaphttp.tls.trust-store-password=changeit")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(SqlClient.class));
        runner.withPropertyValues("olaphttp.dsn=" + databendDsn(), "olaphttp.tls.trust-store=classpath:tls/trust.p12",
                        "olaphttp.tls.trust-store-password=not-the-password-xyz")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("cannot load TLS trust material");
                    Throwable t = ctx.getStartupFailure();
                    for (; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("not-the-password-xyz");
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsBoth {
        final SqlClient primary;
        final SqlClient reports;

        NeedsBoth(SqlClient primary, @Qualifier("reports") SqlClient reports) {
            this.primary = primary;
            this.reports = reports;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        SqlClient mine() {
            return SqlClient.connect("databend://root:@127.0.0.1:1/default?sslmode=disable");
        }
    }
}
