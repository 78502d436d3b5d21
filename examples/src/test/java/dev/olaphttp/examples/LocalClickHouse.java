package dev.olaphttp.examples;

import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code clickhouse-server} (Debian's package, as CI installs it) started on free loopback ports in a
 * temporary directory, loaded with {@code sql/clickhouse.sql}; closing it stops the process and deletes the
 * directory. {@link #start()} returns null when the binary is not installed.
 */
final class LocalClickHouse implements AutoCloseable {
    private static final String[] BINARIES = {"/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"};

    private final Process process;
    private final Path dir;
    private final int httpPort;

    private LocalClickHouse(Process process, Path dir, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /** A started and loaded server, or null without the binary; throws if it is installed but fails. */
    static LocalClickHouse start() throws IOException, InterruptedException {
        Path binary = Stream.of(BINARIES).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            return null;
        }
        Path dir = Files.createTempDirectory("olaphttp-examples-ch");
        for (String sub : new String[] {"data", "tmp", "user_files", "format_schemas", "log"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        int http = freePort();
        Files.writeString(dir.resolve("config.xml"), config(dir, http, freePort()));
        Files.writeString(dir.resolve("users.xml"), USERS);
        Process p = new ProcessBuilder(binary.toString(), "--config-file=" + dir.resolve("config.xml"))
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("log/stdout.log").toFile())
                .redirectError(dir.resolve("log/stderr.log").toFile())
                .start();
        LocalClickHouse server = new LocalClickHouse(p, dir, http);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ping()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("clickhouse-server did not start");
            }
            Thread.sleep(100);
        }
        server.load(Files.readString(Path.of("sql", "clickhouse.sql")));
        return server;
    }

    /** The DSN of the {@code shop} database for the password-protected user {@code app}. */
    String dsn() {
        return "clickhouse://app:s3cret@127.0.0.1:" + httpPort + "/shop";
    }

    /** Runs the script statement by statement, as a user would with clickhouse-client. */
    private void load(String script) {
        StringBuilder sql = new StringBuilder();
        script.lines().map(l -> l.replaceAll("\\s*--.*$", "")).filter(l -> !l.isBlank())
                .forEach(l -> sql.append(l).append('\n'));
        try (SqlClient client = SqlClient.connect("clickhouse://default:@127.0.0.1:" + httpPort)) {
            for (String statement : sql.toString().split(";\n")) {
                if (!statement.isBlank()) {
                    client.sql(statement).execute();
                }
            }
        }
    }

    private boolean ping() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/ping").toURL()
                    .openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().equals("Ok.");
            }
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
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
            // best effort: a temporary directory
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String config(Path dir, int http, int tcp) {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger><level>warning</level><log>%1$s/log/server.log</log>
                        <errorlog>%1$s/log/server.err.log</errorlog><size>10M</size><count>1</count></logger>
                    <listen_host>127.0.0.1</listen_host>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <max_connections>64</max_connections>
                    <keep_alive_timeout>3</keep_alive_timeout>
                    <max_concurrent_queries>20</max_concurrent_queries>
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
                </yandex>
                """.formatted(dir, http, tcp);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles><default><max_memory_usage>1000000000</max_memory_usage></default></profiles>
                <users>
                    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile><quota>default</quota></default>
                    <app><password>s3cret</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile><quota>default</quota></app>
                </users>
                <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
                    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
                </interval></default></quotas>
            </yandex>
            """;
}
