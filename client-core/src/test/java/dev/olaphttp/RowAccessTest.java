package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.NoSuchElementException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Row access through a real cursor: 1-based indexes, names, natural Java types. */
class RowAccessTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void indexesAreOneBasedAndNamesAreExactThenCaseInsensitive() {
        server.enqueue(ok(body("id:int64,Name:string,name:string", "1\tupper\tlower")));
        try (SqlClient c = LineTesting.builder(server).build(); RowCursor r = c.sql("SELECT").stream()) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(1);
            assertThatThrownBy(() -> r.getLong(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> r.getString(4))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("1..3");
            assertThat(r.getString("name")).isEqualTo("lower");
            assertThat(r.getString("Name")).isEqualTo("upper");
            assertThat(r.getLong("ID")).isEqualTo(1);
            assertThatThrownBy(() -> r.getString("nope"))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("[id, Name, name]");
            assertThat(r.schema().column(2).type().name()).isEqualTo("string");
        }
    }

    @Test
    void getObjectReturnsEachKindsJavaType() {
        server.enqueue(ok(body(
                "i8:int8,i64:int64,u64:uint64,f32:float32,f64:float64,d:decimal,b:boolean,dt:date,"
                        + "ts:timestamp@UTC,s:string",
                "1\t2\t18446744073709551615\t1.5\t2.5\t3.25\ttrue\t2026-01-01\t2026-01-01T10:00:00\tx")));
        try (SqlClient c = LineTesting.builder(server).build(); RowCursor r = c.sql("SELECT").stream()) {
            assertThat(r.next()).isTrue();
            Object[] expected = {1, 2L, new BigInteger("18446744073709551615"), 1.5f, 2.5, new BigDecimal("3.25"), true,
                    LocalDate.of(2026, 1, 1), ZonedDateTime.parse("2026-01-01T10:00:00Z[UTC]"), "x"};
            for (int i = 1; i <= expected.length; i++) {
                Object v = r.getObject(i);
                assertThat(v).as("column %d", i).isEqualTo(expected[i - 1]);
                assertThat(r.schema().column(i).type().javaType()).as("column %d", i).isInstanceOf(Class.class);
                assertThat(r.schema().column(i).type().javaType().isInstance(v)).as("javaType of column %d", i).isTrue();
            }
        }
    }
}
