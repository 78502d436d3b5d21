package dev.olaphttp.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of every README.md in the repository (root and modules) compiles with only the
 * imports it shows, against the published modules and the testkit; blocks marked {@code run} also run. See
 * {@link Snippet} for the directives a README author can put in an HTML comment above a block.
 */
class ReadmeSnippetsTest {
    @TempDir
    static Path out;

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("client-core"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found above " + dir);
    }

    static List<Path> readmes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> root.relativize(p).getNameCount() <= 2)
                    .filter(p -> !p.toString().contains(File.separator + "target" + File.separator))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @TestFactory
    List<DynamicTest> everyJavaBlockCompiles() throws IOException {
        Path root = repositoryRoot();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path readme : readmes(root)) {
            String name = root.relativize(readme).toString();
            for (Snippet s : Snippet.parse(name, Files.readString(readme, StandardCharsets.UTF_8))) {
                tests.add(DynamicTest.dynamicTest(s.toString() + (s.run() ? " (runs)" : ""), () -> check(s)));
            }
        }
        assertThat(tests).as("java blocks found in the READMEs").hasSizeGreaterThan(5);
        return tests;
    }

    private static void check(Snippet s) throws Exception {
        assumeTrue(s.skip() == null, () -> s + " skipped: " + s.skip());
        Path classes = Files.createDirectories(out.resolve(s.className()));
        compile(s, classes);
        if (s.run()) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    ReadmeSnippetsTest.class.getClassLoader())) {
                Method run = loader.loadClass("snippets." + s.className()).getMethod("run");
                run.invoke(null);
            }
        }
    }

    private static void compile(Snippet s, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String source = s.source();
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///snippets/" + s.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "--release", "17", "-classpath", testClassPath(),
                    "-d", classes.toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            String messages = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> s.file() + ":" + readmeLine(s, d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertThat(ok).as("%s does not compile:\n%s\n--- as compiled:\n%s", s, messages, source).isTrue();
        }
    }

    /** Maps a line of the wrapper back to the README (the wrapper adds its header lines before the code). */
    private static long readmeLine(Snippet s, long line) {
        long header = 2 + s.imports().size() + s.declares().size() + (s.classBody() ? 0 : 1);
        return line > header ? s.line() + (line - header - 1) : s.line();
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
