package dev.olaphttp.starrocks.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.UnsupportedStatementException;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.starrocks.internal.SqlLexer.Kind;
import dev.olaphttp.starrocks.internal.SqlLexer.Token;
import java.util.List;
import java.util.Locale;

/**
 * Parses the session commands the client applies itself: {@code SET [SESSION|LOCAL] var = value [, ...]} (also
 * {@code @@var}, {@code @@session.var}, {@code :=}, {@code = DEFAULT} to drop the variable), {@code SET CATALOG c}
 * and {@code USE [catalog.]database}. Variable names are lower-cased (StarRocks ignores their case).
 */
final class SessionCommands {
    private SessionCommands() {}

    static Statement set(List<Token> tokens, ErrorDetails details) {
        int i = 1;
        if (i < tokens.size() && tokens.get(i).isWord("CATALOG")) {
            String catalog = identifier(tokens, i + 1, details, "SET CATALOG");
            if (i + 2 != tokens.size() && !(i + 3 == tokens.size() && tokens.get(i + 2).isSymbol(";"))) {
                throw bad("SET CATALOG takes one catalog name", details);
            }
            // a new catalog has no current database
            return Statement.session(SessionDelta.builder().catalog(catalog).clearDatabase().build());
        }
        SessionDelta.Builder delta = SessionDelta.builder();
        while (true) {
            if (i < tokens.size() && (tokens.get(i).isWord("SESSION") || tokens.get(i).isWord("LOCAL"))) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).isWord("GLOBAL")) {
                throw bad("SET GLOBAL changes the whole cluster and is not possible here; use the MySQL protocol",
                        details);
            }
            if (i >= tokens.size() || tokens.get(i).kind() != Kind.WORD && tokens.get(i).kind() != Kind.QUOTED_IDENT) {
                throw bad("SET needs a session variable name", details);
            }
            String name = variableName(tokens.get(i), details);
            i++;
            if (i >= tokens.size() || !(tokens.get(i).isSymbol("=") || tokens.get(i).isSymbol(":="))) {
                throw bad("SET " + name + " needs '= value'", details);
            }
            i++;
            if (i >= tokens.size()) {
                throw bad("SET " + name + " needs a value", details);
            }
            Token v = tokens.get(i);
            String value;
            if (v.isSymbol("-") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.NUMBER) {
                value = "-" + tokens.get(++i).text();
            } else if (v.kind() == Kind.STRING || v.kind() == Kind.NUMBER || v.kind() == Kind.WORD) {
                value = v.text();
            } else {
                throw bad("SET " + name + " needs a literal value (a string, a number or a word)", details);
            }
            i++;
            if (v.kind() == Kind.WORD && v.text().equalsIgnoreCase("DEFAULT")) {
                delta.reset(name);
            } else {
                delta.set(name, value);
            }
            if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
                i++;
                continue;
            }
            if (i < tokens.size() && !(tokens.get(i).isSymbol(";") && i == tokens.size() - 1)) {
                throw bad("SET " + name + " must be followed by ',' or the end of the statement", details);
            }
            return Statement.session(delta.build());
        }
    }

    private static String variableName(Token t, ErrorDetails details) {
        String name = t.text();
        if (t.kind() == Kind.WORD && name.startsWith("@@")) {
            name = name.substring(2);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("global.")) {
                throw bad("SET @@global changes the whole cluster and is not possible here; use the MySQL protocol",
                        details);
            }
            if (lower.startsWith("session.")) {
                name = name.substring("session.".length());
            } else if (lower.startsWith("local.")) {
                name = name.substring("local.".length());
            }
        } else if (t.kind() == Kind.WORD && name.startsWith("@")) {
            throw bad("user variables (SET @name) are not kept by the HTTP SQL API", details);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (t.kind() == Kind.WORD && (upper.equals("NAMES") || upper.equals("PASSWORD") || upper.equals("ROLE")
                || upper.equals("DEFAULT") || upper.equals("PROPERTY") || upper.equals("TRANSACTION")
                || upper.equals("CHARACTER") || upper.equals("CHARSET"))) {
            throw bad("SET " + upper + " is not a session variable assignment", details);
        }
        if (name.isEmpty()) {
            throw bad("SET needs a session variable name", details);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    static Statement use(List<Token> tokens, ErrorDetails details) {
        int end = tokens.size();
        if (end > 1 && tokens.get(end - 1).isSymbol(";")) {
            end--;
        }
        if (end == 2) {
            return Statement.session(SessionDelta.builder().database(identifier(tokens, 1, details, "USE")).build());
        }
        if (end == 4 && tokens.get(2).isSymbol(".")) {
            String catalog = identifier(tokens, 1, details, "USE");
            String database = identifier(tokens, 3, details, "USE");
            return Statement.session(SessionDelta.builder().catalog(catalog).database(database).build());
        }
        throw bad("USE takes 'database' or 'catalog.database'", details);
    }

    private static String identifier(List<Token> tokens, int i, ErrorDetails details, String what) {
        if (i >= tokens.size()) {
            throw bad(what + " needs a name", details);
        }
        Token t = tokens.get(i);
        if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENT && t.kind() != Kind.STRING
                || t.text().isEmpty()) {
            throw bad(what + " needs a name", details);
        }
        return t.text();
    }

    private static UnsupportedStatementException bad(String why, ErrorDetails details) {
        return new UnsupportedStatementException(why + ". " + StatementClassifier.ACCEPTS, details);
    }
}
