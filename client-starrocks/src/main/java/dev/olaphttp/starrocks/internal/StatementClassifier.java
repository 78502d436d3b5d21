package dev.olaphttp.starrocks.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.starrocks.internal.SqlLexer.Kind;
import dev.olaphttp.starrocks.internal.SqlLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, before anything is sent, what the HTTP SQL API can run: SELECT/WITH, SHOW, DESC/DESCRIBE,
 * EXPLAIN of a query and KILL, one statement per request. {@code SET [SESSION] var = value}, {@code SET CATALOG c}
 * and {@code USE [catalog.]database} become session changes; everything else is an
 * {@link UnsupportedStatementException} that says what the API accepts.
 */
final class StatementClassifier {
    static final String ACCEPTS = "StarRocks' HTTP SQL API runs only SELECT/WITH, SHOW, DESC, EXPLAIN and KILL"
            + " statements, one per request (SET [SESSION] var = value and USE [catalog.]database are applied by the"
            + " client to the session)";
    private static final String WRITES =
            "; to write data use client.insert(\"db.table\").rows(...) (bulk loading via Stream Load) or the MySQL"
            + " protocol";
    private static final Set<String> EXPLAIN_OPTIONS =
            Set.of("VERBOSE", "COSTS", "LOGICAL", "ANALYZE", "DISTRIBUTED", "SCHEDULER", "PLAN", "GRAPH");

    private StatementClassifier() {}

    /** Classifies {@code sql}. Only the first keyword of a rejected statement is quoted, never the text. */
    static Statement classify(String sql, ErrorDetails details) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokens(sql);
        } catch (IllegalArgumentException e) {
            // unterminated quote or comment: let the server report its syntax error, unless it is not even a read
            String kw = dev.olaphttp.spi.SqlText.firstKeyword(sql);
            return switch (kw) {
                case "SELECT", "WITH", "SHOW", "DESC", "DESCRIBE", "EXPLAIN" -> Statement.read(Statement.Answer.ANY);
                default -> throw unsupported(kw, details);
            };
        }
        int first = 0;
        while (first < tokens.size() && tokens.get(first).isSymbol("(")) {
            first++;
        }
        if (first >= tokens.size()) {
            throw new UnsupportedStatementException("the statement is empty; " + ACCEPTS, details);
        }
        checkSingle(tokens, details);
        Token head = tokens.get(first);
        String kw = head.kind() == Kind.WORD ? head.text().toUpperCase(Locale.ROOT) : head.text();
        return switch (kw) {
            case "SELECT", "WITH" -> Statement.read(Statement.Answer.ROWS);
            case "SHOW", "DESC", "DESCRIBE" -> Statement.read(Statement.Answer.SHOW_OR_ROWS);
            case "EXPLAIN" -> explain(tokens, first + 1, details);
            case "KILL" -> Statement.kill();
            case "SET" -> {
                if (first != 0) {
                    throw unsupported(kw, details);
                }
                yield SessionCommands.set(tokens, details);
            }
            case "USE" -> {
                if (first != 0) {
                    throw unsupported(kw, details);
                }
                yield SessionCommands.use(tokens, details);
            }
            default -> throw unsupported(kw, details);
        };
    }

    private static void checkSingle(List<Token> tokens, ErrorDetails details) {
        boolean sawSemicolon = false;
        for (Token t : tokens) {
            if (t.isSymbol("?")) {
                // only the prepared-statement marker: over the HTTP API it can only be a placeholder left unbound
                throw new InvalidRequestException("the SQL has a '?' placeholder but no positional parameter is"
                        + " bound", details);
            }
            if (t.isSymbol(";")) {
                sawSemicolon = true;
            } else if (sawSemicolon) {
                throw new UnsupportedStatementException(
                        "the SQL holds more than one statement; " + ACCEPTS + ". Send each statement separately",
                        details);
            }
        }
    }

    private static Statement explain(List<Token> tokens, int from, ErrorDetails details) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).kind() == Kind.WORD
                && EXPLAIN_OPTIONS.contains(tokens.get(i).text().toUpperCase(Locale.ROOT))) {
            i++;
        }
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
        }
        if (i < tokens.size() && (tokens.get(i).isWord("SELECT") || tokens.get(i).isWord("WITH"))) {
            return Statement.read(Statement.Answer.EXPLAIN);
        }
        String target = i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "nothing";
        throw new UnsupportedStatementException(
                "EXPLAIN of " + target + " is not accepted: " + ACCEPTS + " (EXPLAIN only of a query)" + WRITES,
                details);
    }

    static UnsupportedStatementException unsupported(String keyword, ErrorDetails details) {
        String what = keyword.isEmpty() ? "this statement" : keyword + " statements";
        return new UnsupportedStatementException(what + " cannot run here: " + ACCEPTS + WRITES, details);
    }
}
