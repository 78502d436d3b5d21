package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** jOOQ plain-SQL queries over a driver connection. */
class JooqTest {
    @RegisterExtension
    final TestServerExtension<StarRocksTestServer> sr = TestServerExtension.of(StarRocksTestServer::new);

    @Test
    void plainSqlFetchesWithBindValues() throws SQLException {
        sr.server().when(SqlMatcher.contains("FROM cities")).thenReturn(Table.builder()
                .column("name", "varchar(32)").column("pop", "bigint(20)").row("Lyon", 522_000L).row("Nice", 342_000L)
                .build());
        try (Connection conn = DriverManager.getConnection(Jdbc.url(sr.server()), "root", "")) {
            DSLContext ctx = DSL.using(conn, SQLDialect.MYSQL);
            Result<Record> r = ctx.fetch("SELECT name, pop FROM cities WHERE pop > ? AND name <> ?", 100_000, "x");
            assertThat(r).hasSize(2);
            assertThat(r.get(0).get("name", String.class)).isEqualTo("Lyon");
            assertThat(r.get(1).get("pop", Long.class)).isEqualTo(342_000L);
            assertThat(Jdbc.sqlOf(Jdbc.requestsWith(sr.server(), "FROM cities").get(0)))
                    .contains("pop > 100000 AND name <> 'x'");
            Result<Record> numbers = ctx.fetch("SELECT number FROM numbers(4)");
            assertThat(numbers.getValues(0, Long.class)).containsExactly(0L, 1L, 2L, 3L);
        }
    }
}
