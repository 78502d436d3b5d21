package dev.olaphttp.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a README, with the directives of an HTML comment right above it (invisible on
 * GitHub): {@code <!-- snippet: run; given dev.olaphttp.SqlClient client; declare record Order(long id) {} -->}.
 * Clauses, separated by {@code ;}: {@code run} (self-contained: run it, e.g. against a testkit server it starts),
 * {@code given <fully qualified type> <name>} (a variable the text assumes, passed to the wrapper method),
 * {@code declare <member>} (a class-body declaration the text assumes), {@code skip <reason>}.
 *
 * <p>The block's own {@code import} lines are its only imports. A block whose lines start with an annotation,
 * {@code static} or {@code void} is a class body (a JUnit test class); any other block is a method body.
 */
record Snippet(String file, int line, String code, List<String> imports, boolean classBody, boolean run,
        List<String> givens, List<String> declares, String skip) {
    private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*snippet:(.*?)-->", Pattern.DOTALL);

    /** Every {@code ```java} block of a Markdown text. */
    static List<Snippet> parse(String file, String markdown) {
        List<Snippet> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.length && !lines[end].strip().equals("```")) {
                end++;
            }
            String directive = directiveAbove(lines, i);
            out.add(of(file, start + 1, List.of(lines).subList(start, end), directive));
            i = end;
        }
        return out;
    }

    private static String directiveAbove(String[] lines, int fence) {
        int j = fence - 1;
        while (j >= 0 && lines[j].isBlank()) {
            j--;
        }
        if (j < 0 || !lines[j].strip().endsWith("-->")) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = j; k >= 0; k--) {
            sb.insert(0, lines[k] + "\n");
            if (lines[k].contains("<!--")) {
                break;
            }
        }
        Matcher m = DIRECTIVE.matcher(sb);
        return m.find() ? m.group(1) : "";
    }

    private static Snippet of(String file, int line, List<String> body, String directive) {
        List<String> imports = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        boolean classBody = false;
        for (String l : body) {
            if (l.startsWith("import ")) {
                imports.add(l.strip());
                code.append('\n'); // keeps line numbers of compiler messages aligned with the README
                continue;
            }
            if (l.startsWith("@") || l.startsWith("static ") || l.startsWith("void ")) {
                classBody = true;
            }
            code.append(l).append('\n');
        }
        boolean run = false;
        String skip = null;
        List<String> givens = new ArrayList<>();
        List<String> declares = new ArrayList<>();
        for (String clause : directive.split(";")) {
            String c = clause.strip();
            String lower = c.toLowerCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            } else if (lower.equals("run")) {
                run = true;
            } else if (lower.startsWith("given ")) {
                givens.add(c.substring(6).strip());
            } else if (lower.startsWith("declare ")) {
                declares.add(c.substring(8).strip());
            } else if (lower.startsWith("skip")) {
                skip = c.substring(4).strip();
            } else {
                throw new IllegalArgumentException(file + ":" + line + ": unknown snippet directive '" + c + "'");
            }
        }
        return new Snippet(file, line, code.toString(), List.copyOf(imports), classBody, run, List.copyOf(givens),
                List.copyOf(declares), skip);
    }

    /** The class name of the wrapper. */
    String className() {
        return "Snippet_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
    }

    /** The compilation unit: imports, then the code as a class body or inside {@code static void run(givens)}. */
    String source() {
        StringBuilder sb = new StringBuilder("package snippets;\n");
        imports.forEach(i -> sb.append(i).append('\n'));
        sb.append("@SuppressWarnings(\"all\") public class ").append(className()).append(" {\n");
        declares.forEach(d -> sb.append(d).append('\n'));
        if (classBody) {
            sb.append(code);
        } else {
            sb.append("public static void run(").append(String.join(", ", givens)).append(") throws Exception {\n");
            sb.append(code).append("}\n");
        }
        return sb.append("}\n").toString();
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
