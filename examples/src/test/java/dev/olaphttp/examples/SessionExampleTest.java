package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionExampleTest {
    @Test
    void useAndSetReachTheServerWithLaterStatementsOfTheSessionOnly() throws Exception {
        String out = Capture.stdout(() -> SessionExample.main(new String[0]));

        assertThat(out).containsPattern("using embedded ClickHouse simulator at http://127\\.0\\.0\\.1:\\d+\n");
        // ClickHouse: the simulator answers from what the request carried
        assertThat(out).contains("ClickHouse session: SessionState{database=analytics, catalog=null, "
                + "settings={max_threads=2}");
        assertThat(out).contains("  currentDatabase() = analytics\n");
        assertThat(out).contains("  max_threads       = 2\n");
        assertThat(out).contains("  outside the session, currentDatabase() = shop\n");
        // StarRocks: database in the request path, variable in sessionVariables
        assertThat(out).contains("StarRocks session: SessionState{database=analytics, catalog=default_catalog, "
                + "settings={query_timeout=60}");
        assertThat(out).contains("  database()      = analytics\n");
        assertThat(out).contains("  @@query_timeout = 60\n");
        // Databend: the state comes back in the server's session object
        assertThat(out).contains("Databend session: SessionState{database=analytics, catalog=null, "
                + "settings={max_threads=4}, serverSession=set, dialectState=set}");
        assertThat(out).contains("a session opened from that state starts in database analytics with {max_threads=4}");
    }
}
