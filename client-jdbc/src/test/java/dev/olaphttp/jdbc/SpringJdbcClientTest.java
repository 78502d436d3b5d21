package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Spring's JdbcClient and JdbcTemplate over {@link OlapDataSource}. */
class SpringJdbcClientTest {
    @RegisterExtension
    final TestServerExtension<DatabendTestServer> db = TestServerExtension.of(DatabendTestServer::new);

    private OlapDataSource ds;

    record Trip(long id, String city, LocalDate day) {}

    @BeforeEach
    void start() {
        ds = new OlapDataSource(Jdbc.url(db.server()));
        ds.setUser("root");
        ds.setPassword("");
    }

    @AfterEach
    void stop() {
        ds.close();
    }

    @Test
    void queriesMapRowsWithParameters() {
        db.server().when(SqlMatcher.contains("FROM trips")).thenReturn(Table.builder()
                .column("id", "UInt64").column("city", "Nullable(String)").column("day", "Date")
                .row(1L, "Oslo", LocalDate.of(2026, 1, 1)).row(2L, null, LocalDate.of(2026, 1, 2)).build());
        JdbcClient jdbc = JdbcClient.create(ds);
        List<Trip> trips = jdbc.sql("SELECT id, city, day FROM trips WHERE day >= ?").param(LocalDate.of(2026, 1, 1))
                .query(Trip.class).list();
        assertThat(trips).containsExactly(new Trip(1, "Oslo", LocalDate.of(2026, 1, 1)),
                new Trip(2, null, LocalDate.of(2026, 1, 2)));
        Long n = jdbc.sql("SELECT 42").query(Long.class).single();
        assertThat(n).isEqualTo(42L);
        assertThat(db.server().requests().stream().filter(r -> r.bodyUtf8().contains("FROM trips")).findFirst()
                .orElseThrow().bodyUtf8()).contains("\"params\"");
    }

    @Test
    void serverErrorsBecomeSpringsExceptionHierarchy() {
        db.server().when(SqlMatcher.contains("FROM missing")).thenFail(1005, "error: syntax error at 'FORM'");
        JdbcClient jdbc = JdbcClient.create(ds);
        assertThatThrownBy(() -> jdbc.sql("SELECT * FROM missing").query().listOfRows())
                .isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void batchUpdateIsOneBulkLoad() {
        LoadedTable t = db.server().table("default.events", Column.of("id", "Int64"), Column.of("name", "String"));
        JdbcTemplate template = new JdbcTemplate(ds);
        List<Object[]> rows = List.of(new Object[] {1L, "a"}, new Object[] {2L, "b"}, new Object[] {3L, "c"});
        int[] counts = template.batchUpdate("INSERT INTO events (id, name) VALUES (?, ?)", rows);
        assertThat(counts).containsExactly(1, 1, 1);
        assertThat(t.loadCount()).isEqualTo(1);
        assertThat(t.rows()).containsExactly(List.of(1L, "a"), List.of(2L, "b"), List.of(3L, "c"));
    }
}
