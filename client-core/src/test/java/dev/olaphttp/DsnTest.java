package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DSN and endpoint parsing. */
class DsnTest {
    @Test
    void parsesEveryPart() {
        Dsn d = Dsn.parse("LineTest://alice:p%40ss%3Aw0rd%2F@db.example.com:8443/analytics?warehouse=wh1&sslmode=disable");
        assertThat(d.scheme()).isEqualTo("linetest");
        assertThat(d.user()).hasValue("alice");
        assertThat(d.password()).hasValue("p@ss:w0rd/");
        assertThat(d.hosts()).containsExactly(new Dsn.HostPort("db.example.com", 8443));
        assertThat(d.path()).isEqualTo("analytics");
        assertThat(d.params()).containsExactly(
                java.util.Map.entry("warehouse", "wh1"), java.util.Map.entry("sslmode", "disable"));
        assertThat(d.param("warehouse")).hasValue("wh1");
        assertThat(d.param("nope")).isEmpty();
    }

    @Test
    void userInfoVariants() {
        assertThat(Dsn.parse("linetest://u:a+b@h").password()).as("a plus stays a plus").hasValue("a+b");
        assertThat(Dsn.parse("linetest://u:p@ss@h").password()).as("the last @ ends the user info").hasValue("p@ss");
        Dsn noPassword = Dsn.parse("linetest://bob@h");
        assertThat(noPassword.user()).hasValue("bob");
        assertThat(noPassword.password()).isEmpty();
        Dsn emptyPassword = Dsn.parse("linetest://default:@h");
        assertThat(emptyPassword.password()).hasValue("");
        Dsn anonymous = Dsn.parse("linetest://h");
        assertThat(anonymous.user()).isEmpty();
        assertThat(Dsn.parse("linetest://%C3%BCser:x@h").user()).hasValue("üser");
    }

    @Test
    void ipv6AndMultipleHosts() {
        Dsn d = Dsn.parse("linetest://[::1]:9000,[2001:db8::1], h3 ,h4:4/db");
        assertThat(d.hosts()).containsExactly(
                new Dsn.HostPort("::1", 9000),
                new Dsn.HostPort("2001:db8::1", -1),
                new Dsn.HostPort("h3", -1),
                new Dsn.HostPort("h4", 4));
        assertThat(d.toString()).isEqualTo("linetest://[::1]:9000,[2001:db8::1],h3,h4:4/db");
    }

    @Test
    void pathAndParamsArePercentDecoded() {
        Dsn d = Dsn.parse("linetest://h/my%20db?k=a%26b&flag&x=1%3D1");
        assertThat(d.path()).isEqualTo("my db");
        assertThat(d.params()).containsEntry("k", "a&b").containsEntry("flag", "").containsEntry("x", "1=1");
        assertThat(Dsn.parse("linetest://h").path()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "h:1",
        "linetest://",
        "linetest://u:p@",
        "linetest://h:port",
        "linetest://h:0",
        "linetest://h:70000",
        "linetest://[::1:80",
        "linetest://h/%zz",
        "linetest://:80",
    })
    void malformedDsnsFailClearly(String dsn) {
        assertThatThrownBy(() -> Dsn.parse(dsn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DSN");
    }

    @Test
    void nullDsnFailsClearly() {
        assertThatThrownBy(() -> Dsn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpoints() {
        Endpoint e = Endpoint.parse("https://db.example.com/base/");
        assertThat(e.secure()).isTrue();
        assertThat(e.port()).isEqualTo(443);
        assertThat(e.url()).isEqualTo("https://db.example.com:443/base");
        assertThat(e.key()).isEqualTo("db.example.com:443");
        assertThat(Endpoint.parse("http://h").port()).isEqualTo(80);
        assertThat(Endpoint.parse("http://[::1]:8123").url()).isEqualTo("http://[::1]:8123");
        assertThatThrownBy(() -> Endpoint.parse("http://u:secret@h:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Endpoint.parse("ftp://h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint(false, "h", 0, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(Endpoint.parse("http://h:1"))).containsExactly(new Endpoint(false, "h", 1, ""));
    }
}
