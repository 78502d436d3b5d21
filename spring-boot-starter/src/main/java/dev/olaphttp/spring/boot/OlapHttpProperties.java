package dev.olaphttp.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code olaphttp.*}: one client from {@code olaphttp.dsn} (bean {@code sqlClient}), and/or several from
 * {@code olaphttp.clients.<name>.dsn} (beans {@code <name>SqlClient}, qualifier {@code <name>}). The top-level client,
 * or else the one named by {@code olaphttp.primary}, or else the first named one, is {@code @Primary}.
 */
@ConfigurationProperties(prefix = OlapHttpProperties.PREFIX)
public class OlapHttpProperties extends ClientProperties {
    /** The property prefix. */
    public static final String PREFIX = "olaphttp";

    /** Named clients, each with the same settings as the top level. */
    private Map<String, ClientProperties> clients = new LinkedHashMap<>();

    /** The name of the client to make {@code @Primary} when there is no top-level {@code olaphttp.dsn}. */
    private String primary;

    public Map<String, ClientProperties> getClients() {
        return clients;
    }

    public void setClients(Map<String, ClientProperties> clients) {
        this.clients = clients;
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }
}
