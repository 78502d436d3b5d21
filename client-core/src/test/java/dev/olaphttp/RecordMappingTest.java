package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Query.mapTo: rows to records by component name. */
class RecordMappingTest {
    enum Status {
        OPEN,
        SHIPPED
    }

    record Person(long id, String name) {}

    record Order(
            long orderId,
            LocalDate createdAt,
            BigDecimal totalAmount,
            Status status,
            Integer discount,
            Double score,
            boolean paid) {}

    record Wide(long id, String missingColumn) {}

    @StartStop
    final MockWebServer server = new MockWebServer();

    private SqlClient client() {
        return LineTesting.builder(server).build();
    }

    @Test
    void mapsByExactName() {
        server.enqueue(ok(body("name:string,id:int64", "ann\t1", "bob\t2")));
        try (SqlClient c = client()) {
            assertThat(c.sql("SELECT").mapTo(Person.class).list())
                    .containsExactly(new Person(1, "ann"), new Person(2, "bob"));
        }
    }

    @Test
    void mapsCaseInsensitively() {
        server.enqueue(ok(body("ID:int64,Name:string", "1\tann")));
        try (SqlClient c = client()) {
            assertThat(c.sql("SELECT").mapTo(Person.class).single()).isEqualTo(new Person(1, "ann"));
        }
    }

    @Test
    void mapsSnakeCaseToCamelCaseWithBoxedDecimalDateAndEnum() {
        String header = "order_id:int64,created_at:date,total_amount:decimal,status:enum,discount:int32?,"
                + "score:float64?,paid:boolean";
        server.enqueue(ok(body(header,
                "7\t2026-01-31\t19.99\tSHIPPED\t\\N\t\\N\ttrue",
                "8\t2026-02-01\t5.00\tOPEN\t10\t0.5\tfalse")));
        try (SqlClient c = client()) {
            List<Order> orders = c.sql("SELECT").mapTo(Order.class).list();
            assertThat(orders).containsExactly(
                    new Order(7, LocalDate.of(2026, 1, 31), new BigDecimal("19.99"), Status.SHIPPED, null, null, true),
                    new Order(8, LocalDate.of(2026, 2, 1), new BigDecimal("5.00"), Status.OPEN, 10, 0.5, false));
        }
    }

    @Test
    void nullInAPrimitiveComponentFails() {
        server.enqueue(ok(body("id:int64?,name:string", "\\N\tann")));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql("SELECT").mapTo(Person.class).list())
                    .isInstanceOf(NullValueException.class)
                    .hasMessageContaining("id");
        }
    }

    @Test
    void missingColumnFailsNamingTheComponentAndTheColumns() {
        server.enqueue(ok(body("id:int64,name:string", "1\tann")));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql("SELECT").mapTo(Wide.class).list())
                    .hasMessageContaining("missingColumn")
                    .hasMessageContaining("[id, name]");
        }
    }

    @Test
    void unknownEnumLabelFailsTyped() {
        server.enqueue(ok(body("order_id:int64,created_at:date,total_amount:decimal,status:enum,discount:int32,"
                + "score:float64,paid:boolean", "1\t2026-01-01\t1\tLOST\t1\t1\ttrue")));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql("SELECT").mapTo(Order.class).list())
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("Status");
        }
    }

    @Test
    void optionalAndStreamWork() {
        server.enqueue(ok(body("id:int64,name:string")));
        server.enqueue(ok(body("id:int64,name:string", "1\tann", "2\tbob")));
        try (SqlClient c = client()) {
            assertThat(c.sql("SELECT").mapTo(Person.class).optional()).isEmpty();
            try (Stream<Person> s = c.sql("SELECT").mapTo(Person.class).stream()) {
                assertThat(s.map(Person::name)).containsExactly("ann", "bob");
            }
        }
    }

    @Test
    void onlyRecordsCanBeMappedTo() {
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql("SELECT").mapTo(String.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a record");
        }
    }
}
