package dev.olaphttp.jdbc;

import java.sql.SQLException;

/** {@link java.sql.Wrapper} for the driver's objects: themselves, or the olaphttp object they wrap. */
final class Wrappers {
    private Wrappers() {}

    static <T> T unwrap(Object self, Class<T> iface, Object... inner) throws SQLException {
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        for (Object o : inner) {
            if (iface.isInstance(o)) {
                return iface.cast(o);
            }
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    static boolean isWrapperFor(Object self, Class<?> iface, Object... inner) {
        if (iface.isInstance(self)) {
            return true;
        }
        for (Object o : inner) {
            if (iface.isInstance(o)) {
                return true;
            }
        }
        return false;
    }
}
