package dev.olaphttp.jdbc;

import dev.olaphttp.RowCursor;
import dev.olaphttp.TypeKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@link DatabaseMetaData} read from each engine's system tables: databases are JDBC schemas; StarRocks catalogs
 * are JDBC catalogs, Databend has the one catalog {@code default}, ClickHouse none. No engine has primary or
 * foreign keys in the JDBC sense, so those results are empty.
 */
final class OlapDatabaseMetaData extends EmptyMetaData {
    private final OlapConnection conn;
    private final DialectSupport dialect;
    private String version;

    OlapDatabaseMetaData(OlapConnection conn) {
        this.conn = conn;
        this.dialect = conn.dialect();
    }

    private void query(String sql, Consumer<RowCursor> each) throws SQLException {
        conn.checkOpen();
        try (RowCursor c = conn.session().sql(sql).stream()) {
            while (c.next()) {
                each.accept(c);
            }
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public String getDatabaseProductName() {
        return dialect.productName();
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        if (version == null) {
            String[] v = new String[1];
            query(dialect.versionSql(), r -> v[0] = r.getString(1));
            version = v[0] == null ? "" : v[0];
        }
        return version;
    }

    /** Major or minor of the version: Databend's {@code v1.2.700} inside its MySQL-style string, else the first. */
    private int versionPart(int index) throws SQLException {
        String v = getDatabaseProductVersion();
        java.util.regex.Matcher tagged = Pattern.compile("v(\\d+\\.\\d+[0-9.]*)").matcher(v);
        String numbers = tagged.find() ? tagged.group(1) : v.replaceFirst("^[^0-9]*", "");
        String[] parts = numbers.split("[.\\-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index].replaceAll("[^0-9].*$", "")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    @Override
    public String getDriverName() {
        return "olaphttp-jdbc";
    }

    @Override
    public String getDriverVersion() {
        return OlapDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return OlapDriver.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return OlapDriver.MINOR;
    }

    @Override
    public String getURL() {
        return conn.url();
    }

    @Override
    public String getUserName() throws SQLException {
        String[] u = new String[1];
        query(dialect.isStarRocks() ? "SELECT current_user()" : dialect.isDatabend() ? "SELECT current_user()"
                : "SELECT currentUser()", r -> u[0] = r.getString(1));
        return u[0];
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getIdentifierQuoteString() {
        return dialect.quoteString();
    }

    @Override
    public boolean supportsTransactions() {
        return dialect.transactions();
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == getDefaultTransactionIsolation();
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return dialect.transactions() ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return dialect.transactions();
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return dialect.catalogs();
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return dialect.catalogs();
    }

    @Override
    public Connection getConnection() {
        return conn;
    }

    /** The catalog name results carry: StarRocks' current catalog, Databend's {@code default}, else null. */
    private String catalog() throws SQLException {
        return conn.getCatalog();
    }

    /** Whether a catalog argument excludes everything ({@code ""} means "without a catalog"). */
    private boolean catalogExcludes(String catalog) throws SQLException {
        if (catalog == null) {
            return false;
        }
        String mine = catalog();
        return mine == null ? !catalog.isEmpty() : !catalog.equals(mine);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (dialect.isStarRocks()) {
            query("SHOW CATALOGS", r -> rows.add(new Object[] {r.getString(1)}));
        } else if (dialect.isDatabend()) {
            rows.add(new Object[] {"default"});
        }
        return MetaResults.of(MetaResults.schema("TABLE_CAT:s"), rows);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (!catalogExcludes(catalog)) {
            String cat = catalog();
            Pattern p = MetaResults.like(schemaPattern);
            query(MetaDataSql.schemas(dialect), r -> {
                String name = r.getString(1);
                if (MetaResults.matches(p, name)) {
                    rows.add(new Object[] {name, cat});
                }
            });
        }
        rows.sort(Comparator.comparing(r -> (String) r[0]));
        return MetaResults.of(MetaResults.schema("TABLE_SCHEM:s", "TABLE_CATALOG:s"), rows);
    }

    @Override
    public ResultSet getTableTypes() {
        List<Object[]> rows = List.of(new Object[] {"SYSTEM TABLE"}, new Object[] {"TABLE"}, new Object[] {"VIEW"});
        return MetaResults.of(MetaResults.schema("TABLE_TYPE:s"), rows);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (!catalogExcludes(catalog)) {
            String cat = catalog();
            Pattern sp = MetaResults.like(schemaPattern);
            Pattern tp = MetaResults.like(tablePattern);
            Set<String> wanted = types == null ? null : Set.of(types);
            String sql = MetaDataSql.tables(dialect, MetaResults.exact(schemaPattern), MetaResults.exact(tablePattern));
            query(sql, r -> {
                String schema = r.getString(1);
                String table = r.getString(2);
                String type = tableType(schema, r.getString(3));
                if (MetaResults.matches(sp, schema) && MetaResults.matches(tp, table)
                        && (wanted == null || wanted.contains(type))) {
                    String remarks = r.getString(4);
                    rows.add(new Object[] {cat, schema, table, type, remarks == null ? "" : remarks,
                            null, null, null, null, null});
                }
            });
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[1])
                .thenComparing(r -> (String) r[2]));
        return MetaResults.of(MetaResults.schema("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "TABLE_TYPE:s",
                "REMARKS:s", "TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "SELF_REFERENCING_COL_NAME:s",
                "REF_GENERATION:s"), rows);
    }

    /** JDBC's table type from ClickHouse's engine or information_schema's table_type. */
    static String tableType(String schema, String kind) {
        String s = schema == null ? "" : schema.toLowerCase(Locale.ROOT);
        String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
        if (s.equals("system") || s.equals("information_schema") || k.startsWith("SYSTEM")) {
            return "SYSTEM TABLE";
        }
        return k.contains("VIEW") ? "VIEW" : "TABLE";
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (!catalogExcludes(catalog)) {
            ColumnRows builder = new ColumnRows(catalog(), schemaPattern, tablePattern, columnPattern);
            query(MetaDataSql.columns(dialect, MetaResults.exact(schemaPattern), MetaResults.exact(tablePattern)),
                    builder::add);
            rows = builder.rows();
        }
        return MetaResults.of(ColumnRows.SCHEMA, rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "KEY_SEQ:h",
                "PK_NAME:s");
    }

    @Override
    public ResultSet getTypeInfo() {
        return TypeInfo.resultSet(dialect);
    }

    static int sqlType(TypeKind k) {
        return k == null ? Types.OTHER : JdbcTypes.sqlType(k);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
