package dev.olaphttp.clickhouse.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Debian's {@code clickhouse-server} (18.16) once per test run on free loopback ports, with a temporary
 * config (users {@code default}, {@code tester}/{@code secret}, {@code ro} read-only), and stops it and deletes its
 * directory when the run ends. Tests are skipped, with the reason shown, when the binary is not installed.
 */
public final class ClickHouseServerExtension implements BeforeAllCallback {
    private static final String[] BINARIES = {"/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"};
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ClickHouseServerExtension.class);
    private static volatile Server server;

    /** The running server's base URL, e.g. {@code http://127.0.0.1:34567}. */
    public static String url() {
        return server.url;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path binary = null;
        // -Dolaphttp.clickhouse.server=/path picks the binary (a missing path shows the skip)
        String forced = System.getProperty("olaphttp.clickhouse.server");
        for (String b : forced != null ? new String[] {forced} : BINARIES) {
            if (Files.isExecutable(Path.of(b))) {
                binary = Path.of(b);
                break;
            }
        }
        if (binary == null) {
            skip(context, "clickhouse-server is not installed (apt-get install clickhouse-server)");
        }
        Path bin = binary;
        Server s = context.getRoot().getStore(NS).computeIfAbsent("server", k -> start(bin), Server.class);
        if (s.error != null) {
            skip(context, "clickhouse-server did not start: " + s.error);
        }
        server = s;
    }

    /** Skips the class, saying why on the build console too (surefire sends test output to files). */
    private static void skip(ExtensionContext context, String reason) {
        String message = reason + "; real-server tests skipped";
        SkipNotice.print(context.getDisplayName(), message);
        Assumptions.abort(message);
    }

    private static Server start(Path binary) {
        try {
            Path dir = Files.createTempDirectory("olaphttp-ch");
            int http = freePort();
            int tcp = freePort();
            for (String sub : new String[] {"data", "tmp", "user_files", "format_schemas", "log"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("config.xml"), config(dir, http, tcp));
            Files.writeString(dir.resolve("users.xml"), USERS);
            Process p = new ProcessBuilder(binary.toString(), "--config-file=" + dir.resolve("config.xml"))
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("log/stdout.log").toFile())
                    .redirectError(dir.resolve("log/stderr.log").toFile())
                    .start();
            Server s = new Server(p, dir, "http://127.0.0.1:" + http, null);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    s.close();
                    return new Server(null, null, null, "exited at start; log: " + tail(dir));
                }
                if (ping(s.url)) {
                    return s;
                }
                Thread.sleep(100);
            }
            s.close();
            return new Server(null, null, null, "no answer to /ping within 60 s");
        } catch (IOException | InterruptedException e) {
            return new Server(null, null, null, e.toString());
        }
    }

    private static String tail(Path dir) {
        try {
            String err = Files.readString(dir.resolve("log/stderr.log"));
            return err.length() > 500 ? err.substring(err.length() - 500) : err;
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean ping(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().equals("Ok.");
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The running server; closing it stops the process and deletes its directory. */
    static final class Server implements AutoCloseable {
        final Process process;
        final Path dir;
        final String url;
        final String error;
        private boolean closed;

        Server(Process process, Path dir, String url, String error) {
            this.process = process;
            this.dir = dir;
            this.url = url;
            this.error = error;
        }

        @Override
        public synchronized void close() {
            if (closed || process == null) {
                return;
            }
            closed = true;
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static String config(Path dir, int http, int tcp) {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger><level>warning</level><log>%1$s/log/server.log</log><errorlog>%1$s/log/server.err.log</errorlog>
                        <size>10M</size><count>1</count></logger>
                    <listen_host>127.0.0.1</listen_host>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <max_connections>256</max_connections>
                    <keep_alive_timeout>3</keep_alive_timeout>
                    <max_concurrent_queries>100</max_concurrent_queries>
                    <uncompressed_cache_size>8388608</uncompressed_cache_size>
                    <mark_cache_size>8388608</mark_cache_size>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>%1$s/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mlock_executable>false</mlock_executable>
                    <max_session_timeout>3600</max_session_timeout>
                    <default_session_timeout>60</default_session_timeout>
                </yandex>
                """.formatted(dir, http, tcp);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles>
                    <default><max_memory_usage>1000000000</max_memory_usage><load_balancing>random</load_balancing></default>
                    <readonly><readonly>1</readonly></readonly>
                </profiles>
                <users>
                    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile><quota>default</quota></default>
                    <tester><password>secret</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile><quota>default</quota></tester>
                    <ro><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>readonly</profile><quota>default</quota></ro>
                </users>
                <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
                    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
                </interval></default></quotas>
            </yandex>
            """;
}
