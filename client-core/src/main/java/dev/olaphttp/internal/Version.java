package dev.olaphttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version, from the build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** e.g. {@code 0.1.0}; {@code dev} when run from an IDE without filtered resources. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/olaphttp-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
