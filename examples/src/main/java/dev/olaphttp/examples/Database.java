package dev.olaphttp.examples;

/** The three databases the examples talk to, with the environment variable and argument naming each one's DSN. */
public enum Database {
    DATABEND("Databend", "OLAPHTTP_DATABEND_DSN", "--databend="),
    CLICKHOUSE("ClickHouse", "OLAPHTTP_CLICKHOUSE_DSN", "--clickhouse="),
    STARROCKS("StarRocks", "OLAPHTTP_STARROCKS_DSN", "--starrocks=");

    private final String label;
    private final String envVar;
    private final String argPrefix;

    Database(String label, String envVar, String argPrefix) {
        this.label = label;
        this.envVar = envVar;
        this.argPrefix = argPrefix;
    }

    /** The product name, e.g. {@code ClickHouse}. */
    public String label() {
        return label;
    }

    /** The environment variable holding a DSN for a real server. */
    public String envVar() {
        return envVar;
    }

    /** The command-line argument prefix holding a DSN, e.g. {@code --clickhouse=}. */
    public String argPrefix() {
        return argPrefix;
    }
}
