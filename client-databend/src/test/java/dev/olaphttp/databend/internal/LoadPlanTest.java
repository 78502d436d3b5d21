package dev.olaphttp.databend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.Column;
import dev.olaphttp.DataFormat;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    @Test
    void aPathSafeLabelNamesTheFileAndOthersAreHashed() {
        assertThat(new LoadPlan("t", "day_2024-05-01.a", DataFormat.TSV, Map.of()).location())
                .isEqualTo("@~/olaphttp/load/day_2024-05-01.a.tsv");
        String hashed = new LoadPlan("t", "../../etc/x y", null, Map.of()).fileName;
        assertThat(hashed).matches("label-[0-9a-f]+-[0-9a-f]+\\.ndjson")
                .isEqualTo(new LoadPlan("t", "../../etc/x y", null, Map.of()).fileName)
                .isNotEqualTo(new LoadPlan("t", "../../etc/x z", null, Map.of()).fileName);
        assertThat(new LoadPlan("t", ".hidden", null, Map.of()).fileName).startsWith("label-");
    }

    @Test
    void quotesIdentifiersThatAreNotPlainLowerCase() {
        LoadPlan p = new LoadPlan("db.\"T\"", "l", null, Map.of());
        assertThat(p.insertSql(List.of("a", "Id", "x y", "b`c"))).isEqualTo(
                "INSERT INTO db.\"T\" (a, `Id`, `x y`, `b``c`) VALUES");
        assertThat(p.insertSql(List.of())).isEqualTo("INSERT INTO db.\"T\" VALUES");
        assertThatThrownBy(() -> new LoadPlan("a.b.c.d", "l", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPlan("t", "l", null, Map.of("stage", "x/../y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesColumnsExactlyThenIgnoringCaseThenUnderscores() {
        SqlType i = SqlType.of(TypeKind.INT32, "Int32");
        Schema s = Schema.of(List.of(new Column("created_at", i), new Column("Name", i), new Column("name", i)));
        assertThat(LoadPlan.match(s, List.of("createdAt", "Name", "name")))
                .extracting(Column::name).containsExactly("created_at", "Name", "name");
        assertThatThrownBy(() -> LoadPlan.match(s, List.of("NAME"))).hasMessageContaining("exact name");
        assertThat(LoadPlan.match(s, List.of())).hasSize(3);
        assertThatThrownBy(() -> LoadPlan.match(s, List.of("created_at", "CREATEDAT")))
                .hasMessageContaining("listed twice");
    }
}
