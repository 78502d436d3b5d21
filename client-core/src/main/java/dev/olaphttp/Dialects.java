package dev.olaphttp;

import dev.olaphttp.spi.Dialect;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds dialects on the class path through {@link ServiceLoader}. */
final class Dialects {
    private Dialects() {}

    static Dialect forScheme(String scheme) {
        List<Dialect> all = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        loadInto(all, broken, ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()));
        if (Thread.currentThread().getContextClassLoader() != null) {
            loadInto(all, broken, ServiceLoader.load(Dialect.class));
        }
        for (Dialect d : all) {
            if (d.schemes().contains(scheme)) {
                return d;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        all.forEach(d -> known.addAll(d.schemes()));
        throw new IllegalArgumentException("no dialect for DSN scheme '" + scheme + "' on the class path; known: "
                + known + " (add olaphttp-databend, olaphttp-clickhouse or olaphttp-starrocks)"
                + (broken.isEmpty() ? "" : "; dialects that failed to load: " + broken));
    }

    /** Loads every provider it can: one broken dialect jar must not hide the others. */
    private static void loadInto(List<Dialect> all, List<String> broken, ServiceLoader<Dialect> loader) {
        Iterator<Dialect> it = loader.iterator();
        for (int guard = 0; guard < 1000; guard++) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                Dialect d = it.next();
                if (all.stream().noneMatch(x -> x.getClass() == d.getClass())) {
                    all.add(d);
                }
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
    }
}
