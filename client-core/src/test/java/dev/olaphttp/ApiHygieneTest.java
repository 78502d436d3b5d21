package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public API and SPI never mention OkHttp, Okio, Kotlin or Jackson types. */
class ApiHygieneTest {
    private static final List<String> FORBIDDEN = List.of("okhttp3.", "okio.", "kotlin.", "com.fasterxml.");
    private static final List<String> PACKAGES = List.of("dev/olaphttp", "dev/olaphttp/spi");

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SqlClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".class") || name.equals("package-info.class")) {
                        continue;
                    }
                    String binary = pkg.replace('/', '.') + "." + name.substring(0, name.length() - 6);
                    Class<?> c = Class.forName(binary, false, ApiHygieneTest.class.getClassLoader());
                    if (isExposed(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isExposed(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void collect(Type t, Set<String> names, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            names.add(c.isArray() ? c.getComponentType().getName() : c.getName());
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), names, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, names, seen);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, names, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, names, seen);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, names, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), names, seen);
        }
    }

    private static List<String> violations(Class<?> c) {
        List<String> bad = new ArrayList<>();
        check(c.getName() + " supertypes", bad, c.getGenericSuperclass());
        check(c.getName() + " supertypes", bad, c.getGenericInterfaces());
        check(c.getName() + " type parameters", bad, c.getTypeParameters());
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic()) {
                String where = c.getName() + "." + m.getName();
                check(where, bad, m.getGenericReturnType());
                check(where, bad, m.getGenericParameterTypes());
                check(where, bad, m.getGenericExceptionTypes());
                check(where, bad, m.getTypeParameters());
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k.getModifiers()) && !k.isSynthetic()) {
                check(c.getName() + ".<init>", bad, k.getGenericParameterTypes());
                check(c.getName() + ".<init>", bad, k.getGenericExceptionTypes());
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                check(c.getName() + "." + f.getName(), bad, f.getGenericType());
            }
        }
        return bad;
    }

    private static void check(String where, List<String> bad, Type... types) {
        Set<String> names = new HashSet<>();
        for (Type t : types) {
            collect(t, names, new HashSet<>());
        }
        for (String n : names) {
            if (FORBIDDEN.stream().anyMatch(n::startsWith)) {
                bad.add(where + " mentions " + n);
            }
        }
    }

    @Test
    void publicSignaturesMentionNoTransportOrJsonLibraryTypes() throws Exception {
        List<Class<?>> types = publicTypes();
        assertThat(types).as("the scan must find the API").contains(SqlClient.class, Row.class,
                dev.olaphttp.spi.HttpCall.class, dev.olaphttp.spi.HttpCall.Builder.class, SqlClient.Builder.class);
        List<String> bad = new ArrayList<>();
        for (Class<?> c : types) {
            bad.addAll(violations(c));
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theScanWouldCatchALeak() {
        assertThat(violations(dev.olaphttp.okhttp.OkHttpAdapter.class))
                .as("the one allowed exception does mention OkHttp, proving the check works")
                .anyMatch(v -> v.contains("okhttp3.OkHttpClient"));
    }
}
