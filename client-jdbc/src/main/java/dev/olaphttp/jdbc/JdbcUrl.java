package dev.olaphttp.jdbc;

import dev.olaphttp.SqlClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code jdbc:olaphttp:<dsn>}: the DSN is olaphttp's own ({@code clickhouse://host:8123/db?opt=v}); the properties
 * {@code user} and {@code password} set the credentials, every other property is added as a DSN option.
 */
final class JdbcUrl {
    static final String PREFIX = "jdbc:olaphttp:";

    private JdbcUrl() {}

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The DSN with the non-credential properties appended as options (properties win over the URL). */
    static String dsn(String url, Properties info) {
        String dsn = url.substring(PREFIX.length());
        Map<String, String> extra = new TreeMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                if (!name.equals("user") && !name.equals("password")) {
                    extra.put(name, info.getProperty(name));
                }
            }
        }
        if (extra.isEmpty()) {
            return dsn;
        }
        StringBuilder sb = new StringBuilder(dsn).append(dsn.indexOf('?') >= 0 ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            sb.append(first ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            first = false;
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A client for the URL; failures to parse or configure are connection errors (08001), never echo secrets. */
    static SqlClient client(String url, Properties info) throws SQLException {
        try {
            SqlClient.Builder b = SqlClient.builder().dsn(dsn(url, info));
            String user = info == null ? null : info.getProperty("user");
            if (user != null) {
                String password = info.getProperty("password");
                b.user(user, password == null ? "" : password);
            }
            return b.build();
        } catch (RuntimeException e) {
            throw new SQLNonTransientConnectionException("cannot connect with " + redacted(url) + ": "
                    + e.getMessage(), "08001", e);
        }
    }

    /** The URL without user info and with secret-looking option values hidden. */
    static String redacted(String url) {
        String s = url.replaceFirst("//[^/@?]*@", "//****@");
        return s.replaceAll("(?i)((?:password|passwd|pwd|secret|token|key|auth|credential|jwt)[^=&]*=)[^&]*", "$1****");
    }
}
