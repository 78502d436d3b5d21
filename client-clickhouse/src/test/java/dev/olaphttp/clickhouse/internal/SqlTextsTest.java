package dev.olaphttp.clickhouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SessionState;
import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import dev.olaphttp.spi.SessionDelta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTextsTest {
    private static SessionState apply(String sql) {
        SessionDelta d = SessionStatements.parse(sql);
        return d == null ? null : d.applyTo(SessionState.empty());
    }

    @Test
    void useAndSetAreRecognised() {
        assertThat(apply("USE sales").database()).contains("sales");
        assertThat(apply("  use `my db`;").database()).contains("my db");
        assertThat(apply("/* c */ USE \"x\"").database()).contains("x");
        assertThat(apply("SET max_threads = 4").settings()).isEqualTo(Map.of("max_threads", "4"));
        assertThat(apply("SET a = 1, b = 'it\\'s', c=-2.5, d = true;").settings())
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "it's"), Map.entry("c", "-2.5"), Map.entry("d", "true"));
        assertThat(apply("SET z = 1, a = 2, m = 3").settings().keySet()).containsExactly("z", "a", "m"); // as written
    }

    @Test
    void otherFormsAreLeftToTheServer() {
        assertThat(SessionStatements.parse("SELECT 1")).isNull();
        assertThat(SessionStatements.parse("SET ROLE admin")).isNull();
        assertThat(SessionStatements.parse("SET DEFAULT ROLE x TO y")).isNull();
        assertThat(SessionStatements.parse("SET a = 1 + 2")).isNull();
        assertThat(SessionStatements.parse("SET a = 'unclosed")).isNull();
        assertThat(SessionStatements.parse("USE a b")).isNull();
        assertThat(SessionStatements.parse("USE")).isNull();
    }

    @Test
    void findsTheUsersOutputFormat() {
        assertThat(SqlLexer.outputFormat("SELECT 1 FORMAT CSV")).isEqualTo("CSV");
        assertThat(SqlLexer.outputFormat("select 1 format\n JSONEachRow;")).isEqualTo("JSONEachRow");
        assertThat(SqlLexer.outputFormat("SELECT 'FORMAT CSV'")).isNull();
        assertThat(SqlLexer.outputFormat("SELECT 1 -- FORMAT CSV")).isNull();
        assertThat(SqlLexer.outputFormat("SELECT format('{}', 'x')")).isNull();
        assertThat(SqlLexer.outputFormat("SELECT * FROM (SELECT 1 FORMAT CSV)")).isNull();
        assertThat(SqlLexer.outputFormat("INSERT INTO t FORMAT CSV")).isNull();
        assertThat(SqlLexer.outputFormat("SELECT formatted FROM t")).isNull();
    }

    @Test
    void decodableFormatsAndResultStatements() {
        assertThat(Statement.decodable("TSVWithNamesAndTypes")).isEqualTo(ResultFormat.TSV);
        assertThat(Statement.decodable("RowBinaryWithNamesAndTypes")).isEqualTo(ResultFormat.ROW_BINARY);
        assertThat(Statement.decodable("CSV")).isNull();
        assertThat(Statement.returnsRows("(SELECT 1)")).isTrue();
        assertThat(Statement.returnsRows("SHOW TABLES")).isTrue();
        assertThat(Statement.returnsRows("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(Statement.returnsRows("CREATE TABLE t (x UInt8) ENGINE = Memory")).isFalse();
    }

    @Test
    void versions() {
        assertThat(ServerVersion.parse("18.16.1").isModern()).isFalse();
        assertThat(ServerVersion.parse("26.7.2.1").isModern()).isTrue();
        assertThat(ServerVersion.parse("20.1").isModern()).isTrue();
    }

    @Test
    void killStatementQuotesTheQueryId() {
        assertThat(Killer.statement("a'b\\c")).isEqualTo("KILL QUERY WHERE query_id = 'a\\'b\\\\c' ASYNC");
    }
}
