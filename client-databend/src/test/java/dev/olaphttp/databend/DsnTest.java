package dev.olaphttp.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class DsnTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void cloudDsnDefaultsToTlsOn443AndSelfHostedTo8000() {
        assertThat(Databend.builder("databend://u:p@tn3.gw.example.com/default?warehouse=wh").toString())
                .contains("https://tn3.gw.example.com:443").doesNotContain(":p@");
        assertThat(Databend.builder("databend://u:p@localhost/db?sslmode=disable").toString())
                .contains("http://localhost:8000");
        assertThat(Databend.builder("databend+http://localhost:8123").toString()).contains("http://localhost:8123");
        assertThat(Databend.builder("databend://h:9000?sslmode=require").toString()).contains("https://h:9000");
    }

    @Test
    void rejectsUnknownParametersAndBadSslmode() {
        assertThatThrownBy(() -> Databend.builder("databend://u:p@h/db?wharehouse=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wharehouse")
                .hasMessageContaining("warehouse");
        assertThatThrownBy(() -> Databend.builder("databend://u:p@h/db?sslmode=maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sslmode");
    }

    @Test
    void isFoundByScheme() {
        try (SqlClient client = SqlClient.connect("databend://u:p@localhost:8000/db?sslmode=disable&login=disable")) {
            assertThat(client.dialect()).isEqualTo("databend");
            assertThat(client.defaultState().database()).contains("db");
            assertThat(client.extension(DatabendStages.class)).isNotNull();
        }
    }

    @Test
    void accessTokenIsSentAsBearerAndSettingsGoToTheSession() throws Exception {
        server.enqueue(TestServer.resp().next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = Databend.client("databend://127.0.0.1:" + server.getPort()
                + "/db?sslmode=disable&login=disable&access_token=jwt.abc&setting.timezone=Asia/Tokyo")) {
            client.sql("SELECT 1").execute();
        }
        RecordedRequest r = TestServer.take(server);
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer jwt.abc");
        assertThat(TestServer.body(r)).contains("\"session\":{\"database\":\"db\",\"settings\":{\"timezone\":\"Asia/Tokyo\"}}");
    }
}
