package dev.olaphttp;

import dev.olaphttp.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds dialects on the class path through {@link ServiceLoader}. */
final class Dialects {
    private Dialects() {}

    static Dialect forScheme(String scheme) {
        List<Dialect> all = new ArrayList<>();
        for (Dialect d : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
            all.add(d);
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            for (Dialect d : ServiceLoader.load(Dialect.class)) {
                if (all.stream().noneMatch(x -> x.getClass() == d.getClass())) {
                    all.add(d);
                }
            }
        }
        for (Dialect d : all) {
            if (d.schemes().contains(scheme)) {
                return d;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        all.forEach(d -> known.addAll(d.schemes()));
        throw new IllegalArgumentException("no dialect for DSN scheme '" + scheme + "' on the class path; known: "
                + known + " (add olaphttp-databend, olaphttp-clickhouse or olaphttp-starrocks)");
    }
}
