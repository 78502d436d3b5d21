package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.spi.SessionDelta;
import org.junit.jupiter.api.Test;

/** Requests from the dialects: ordered settings and clearing database/catalog. */
class SessionDeltaFoldTest {
    @Test
    void settingsKeepTheOrderTheyWereSetIn() {
        SessionDelta d = SessionDelta.builder().set("z", "1").set("a", "2").set("m", "3").build();
        SessionState s = d.applyTo(SessionState.empty().withSetting("first", "0"));
        assertThat(s.settings().keySet()).containsExactly("first", "z", "a", "m");
    }

    @Test
    void resetsKeepOrderAndRemove() {
        SessionState start = SessionState.empty().withSetting("a", "1").withSetting("b", "2").withSetting("c", "3");
        SessionState s = SessionDelta.builder().reset("b").set("d", "4").build().applyTo(start);
        assertThat(s.settings()).containsExactly(
                java.util.Map.entry("a", "1"), java.util.Map.entry("c", "3"), java.util.Map.entry("d", "4"));
    }

    @Test
    void clearDatabaseAndCatalog() {
        SessionState start = SessionState.empty().withCatalog("hive").withDatabase("logs");
        SessionDelta setCatalog = SessionDelta.builder().catalog("iceberg").clearDatabase().build();
        assertThat(setCatalog.isEmpty()).isFalse();
        SessionState s = setCatalog.applyTo(start);
        assertThat(s.catalog()).contains("iceberg");
        assertThat(s.database()).isEmpty();
        assertThat(SessionDelta.builder().clearCatalog().build().applyTo(start).catalog()).isEmpty();
        // a later database() wins over an earlier clear
        assertThat(SessionDelta.builder().clearDatabase().database("x").build().applyTo(start).database())
                .contains("x");
    }
}
