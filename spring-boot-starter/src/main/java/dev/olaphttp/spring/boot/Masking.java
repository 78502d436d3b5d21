package dev.olaphttp.spring.boot;

import java.util.Locale;
import java.util.regex.Pattern;

/** Hides credentials in olaphttp property values. */
final class Masking {
    static final String MASK = "******";
    private static final Pattern USERINFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^:@/?#]*):[^@/?#]*@");
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&][^=&]*(password|passwd|secret|token|key)[^=&]*=)[^&#]*");

    private Masking() {}

    /** The DSN with the userinfo password and any secret-looking query parameter replaced by {@value #MASK}. */
    static String maskDsn(String dsn) {
        if (dsn == null) {
            return null;
        }
        String s = USERINFO.matcher(dsn).replaceFirst("$1:" + MASK + "@");
        return SECRET_PARAM.matcher(s).replaceAll("$1" + MASK);
    }

    /** Whether a property (any spelling: {@code olaphttp.clients.a.password}, {@code OLAPHTTP_PASSWORD}) is ours. */
    static String normalize(String key) {
        return key == null ? "" : key.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    static boolean isOurs(String normalizedKey) {
        return normalizedKey.startsWith(OlapHttpProperties.PREFIX + ".");
    }

    static boolean isSecret(String normalizedKey) {
        return normalizedKey.contains("password") || normalizedKey.contains("secret") || normalizedKey.endsWith("token");
    }

    static boolean isDsn(String normalizedKey) {
        return normalizedKey.endsWith(".dsn");
    }
}
