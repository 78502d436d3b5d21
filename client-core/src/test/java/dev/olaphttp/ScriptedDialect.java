package dev.olaphttp;

import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import java.util.Set;
import java.util.function.Function;

/** A test dialect whose per-client half the test writes (to make a dialect misbehave in one precise way). */
final class ScriptedDialect implements dev.olaphttp.spi.Dialect {
    private final Function<ClientContext, DialectClient> open;

    ScriptedDialect(Function<ClientContext, DialectClient> open) {
        this.open = open;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("scripted");
    }

    @Override
    public void configure(Dsn dsn, SqlClient.Builder builder) {}

    @Override
    public ErrorClassifier errorClassifier() {
        return ErrorClassifier.standard();
    }

    @Override
    public DialectClient open(ClientContext context) {
        return open.apply(context);
    }
}
