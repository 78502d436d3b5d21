package dev.olaphttp.clickhouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * zstd-jni and lz4-java are optional dependencies: this test runs the client in a class loader built from the
 * test class path without them, as a user who did not add them would. Asking for their codec fails with a typed
 * error naming the artifact; everything else works.
 */
class OptionalCodecsTest {
    static URLClassLoader isolated;
    static Class<?> probe;

    @BeforeAll
    static void isolate() throws Exception {
        List<URL> urls = new ArrayList<>();
        int dropped = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("zstd-jni") || entry.contains("lz4-java")) {
                dropped++;
            } else if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(dropped).as("both codec jars were on the test class path").isEqualTo(2);
        isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        probe = isolated.loadClass(CodecProbe.class.getName());
        assertThat(probe).isNotSameAs(CodecProbe.class);
        assertThat(isolated.getResource("com/github/luben/zstd/ZstdInputStream.class")).isNull();
        assertThat(isolated.getResource("net/jpountz/lz4/LZ4FrameInputStream.class")).isNull();
    }

    @AfterAll
    static void close() throws Exception {
        isolated.close();
    }

    static String call(String method, String arg) throws Exception {
        return (String) probe.getMethod(method, String.class).invoke(null, arg);
    }

    @Test
    void withoutTheLibrariesAClientBuildsAndGzipWorks() throws Exception {
        assertThat(call("build", "clickhouse://127.0.0.1:1/default")).isEqualTo("built clickhouse");
        assertThat(call("build", "clickhouse://127.0.0.1:1/default?compression=gzip")).isEqualTo("built clickhouse");
        assertThat(call("decode", "identity")).isEqualTo("decoded 0");
    }

    @Test
    void askingForZstdWithoutZstdJniNamesTheArtifact() throws Exception {
        assertThat(call("build", "clickhouse://127.0.0.1:1/default?compression=zstd"))
                .startsWith("dev.olaphttp.InvalidRequestException: compression=zstd needs com.github.luben:zstd-jni")
                .contains("optional dependency of olaphttp-clickhouse");
    }

    @Test
    void askingForLz4WithoutLz4JavaNamesTheArtifact() throws Exception {
        assertThat(call("build", "clickhouse://127.0.0.1:1/default?compression=lz4"))
                .startsWith("dev.olaphttp.InvalidRequestException: compression=lz4 needs at.yawk.lz4:lz4-java");
    }

    @Test
    void anUnaskedCompressedResponseFailsAsAnIoErrorNotALinkageError() throws Exception {
        assertThat(call("decode", "zstd")).startsWith("java.io.IOException: Content-Encoding zstd: compression=zstd "
                + "needs com.github.luben:zstd-jni");
        assertThat(call("decode", "lz4")).startsWith("java.io.IOException: Content-Encoding lz4:");
    }

    @Test
    void withTheLibrariesBothCodecsAreAvailable() {
        assertThat(Compression.ZSTD.available()).isTrue();
        assertThat(Compression.LZ4.available()).isTrue();
        assertThat(Compression.parse("zstd")).isEqualTo(Compression.ZSTD);
    }
}
