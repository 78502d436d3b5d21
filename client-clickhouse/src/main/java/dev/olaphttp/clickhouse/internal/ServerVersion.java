package dev.olaphttp.clickhouse.internal;

/** A ClickHouse release number, e.g. {@code 18.16.1} or {@code 26.7.2.1}, and what it supports. */
record ServerVersion(int major, int minor) implements Comparable<ServerVersion> {
    /** The first release assumed to have {@code RowBinaryWithNamesAndTypes} and {@code param_} binding. */
    static final ServerVersion MODERN = new ServerVersion(20, 1);

    static ServerVersion parse(String text) {
        String t = text.trim();
        String[] parts = t.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return new ServerVersion(major, minor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a ClickHouse version: '" + (t.length() > 40 ? t.substring(0, 40) : t) + "'");
        }
    }

    /** Whether this server decodes {@code RowBinaryWithNamesAndTypes} and binds {@code param_} parameters. */
    boolean isModern() {
        return compareTo(MODERN) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
