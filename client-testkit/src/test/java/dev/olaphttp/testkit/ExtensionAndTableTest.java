package dev.olaphttp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionAndTableTest {
  @RegisterExtension
  static TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

  @Test
  void registeredExtensionRunsTheServerAndResolvesIt(ClickHouseTestServer injected) throws IOException {
    assertThat(injected).isSameAs(ch.server());
    try (RawHttp c = new RawHttp(injected.port())) {
      assertThat(c.exchange("GET", "/ping", null).text()).isEqualTo("Ok.\n");
    }
    assertThat(injected.url()).isEqualTo("http://127.0.0.1:" + injected.port());
  }

  @Test
  void randomTablesAreDeterministicPerSeed() {
    Column[] cols = {Column.of("a", "Nullable(Int32)"), Column.of("b", "UInt256"), Column.of("c", "Array(String)"),
        Column.of("d", "Decimal(10, 2)"), Column.of("e", "DateTime64(3, 'UTC')"), Column.of("f", "IPv6")};
    Table t1 = Table.random(42, 100, cols);
    Table t2 = Table.random(42, 100, cols);
    Table t3 = Table.random(43, 100, cols);
    Object[] r1 = new Object[cols.length];
    Object[] r2 = new Object[cols.length];
    Object[] r3 = new Object[cols.length];
    boolean differs = false;
    int nulls = 0;
    for (long i = 0; i < 100; i++) {
      t1.row(i, r1);
      t2.row(i, r2);
      t3.row(i, r3);
      assertThat(r1).isEqualTo(r2);
      differs |= !java.util.Arrays.equals(r1, r3);
      nulls += r1[0] == null ? 1 : 0;
      assertThat((BigInteger) r1[1]).isNotNegative();
    }
    assertThat(differs).isTrue();
    assertThat(nulls).isBetween(1, 40);
  }

  @Test
  void tablesRejectBadDefinitions() {
    assertThatThrownBy(() -> Table.builder().column("a", "Int32").row(1, 2)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> Table.numbers(1, "NoSuchType")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NoSuchType");
    assertThat(Table.numbers(5, "UInt64").rowCount()).isEqualTo(5);
  }
}
