package dev.olaphttp.jdbc;

import java.sql.ResultSet;

/** The {@code DatabaseMetaData} results these engines have nothing for: empty, in JDBC's column shape. */
abstract class EmptyMetaData extends MetaDataDefaults {
    private static final String[] KEYS = {"PKTABLE_CAT:s", "PKTABLE_SCHEM:s", "PKTABLE_NAME:s", "PKCOLUMN_NAME:s",
        "FKTABLE_CAT:s", "FKTABLE_SCHEM:s", "FKTABLE_NAME:s", "FKCOLUMN_NAME:s", "KEY_SEQ:h", "UPDATE_RULE:h",
        "DELETE_RULE:h", "FK_NAME:s", "PK_NAME:s", "DEFERRABILITY:h"};

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedurePattern) {
        return MetaResults.empty("PROCEDURE_CAT:s", "PROCEDURE_SCHEM:s", "PROCEDURE_NAME:s", "RESERVED1:s",
                "RESERVED2:s", "RESERVED3:s", "REMARKS:s", "PROCEDURE_TYPE:h", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedurePattern,
            String columnPattern) {
        return MetaResults.empty("PROCEDURE_CAT:s", "PROCEDURE_SCHEM:s", "PROCEDURE_NAME:s", "COLUMN_NAME:s",
                "COLUMN_TYPE:h", "DATA_TYPE:i", "TYPE_NAME:s", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h",
                "NULLABLE:h", "REMARKS:s", "COLUMN_DEF:s", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i",
                "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE:s", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnPattern) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "GRANTOR:s",
                "GRANTEE:s", "PRIVILEGE:s", "IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tablePattern) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "GRANTOR:s", "GRANTEE:s",
                "PRIVILEGE:s", "IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) {
        return MetaResults.empty("SCOPE:h", "COLUMN_NAME:s", "DATA_TYPE:i", "TYPE_NAME:s", "COLUMN_SIZE:i",
                "BUFFER_LENGTH:i", "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) {
        return MetaResults.empty("SCOPE:h", "COLUMN_NAME:s", "DATA_TYPE:i", "TYPE_NAME:s", "COLUMN_SIZE:i",
                "BUFFER_LENGTH:i", "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h");
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) {
        return MetaResults.empty(KEYS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) {
        return MetaResults.empty(KEYS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) {
        return MetaResults.empty(KEYS);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "NON_UNIQUE:b", "INDEX_QUALIFIER:s",
                "INDEX_NAME:s", "TYPE:h", "ORDINAL_POSITION:h", "COLUMN_NAME:s", "ASC_OR_DESC:s", "CARDINALITY:i",
                "PAGES:i", "FILTER_CONDITION:s");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return MetaResults.empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "CLASS_NAME:s", "DATA_TYPE:i",
                "REMARKS:s", "BASE_TYPE:h");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return MetaResults.empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "SUPERTYPE_CAT:s", "SUPERTYPE_SCHEM:s",
                "SUPERTYPE_NAME:s");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "SUPERTABLE_NAME:s");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) {
        return MetaResults.empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "ATTR_NAME:s", "DATA_TYPE:i",
                "ATTR_TYPE_NAME:s", "ATTR_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "NULLABLE:i", "REMARKS:s",
                "ATTR_DEF:s", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i",
                "IS_NULLABLE:s", "SCOPE_CATALOG:s", "SCOPE_SCHEMA:s", "SCOPE_TABLE:s", "SOURCE_DATA_TYPE:h");
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return MetaResults.empty("NAME:s", "MAX_LEN:i", "DEFAULT_VALUE:s", "DESCRIPTION:s");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return MetaResults.empty("FUNCTION_CAT:s", "FUNCTION_SCHEM:s", "FUNCTION_NAME:s", "REMARKS:s",
                "FUNCTION_TYPE:h", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) {
        return MetaResults.empty("FUNCTION_CAT:s", "FUNCTION_SCHEM:s", "FUNCTION_NAME:s", "COLUMN_NAME:s",
                "COLUMN_TYPE:h", "DATA_TYPE:i", "TYPE_NAME:s", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h",
                "NULLABLE:h", "REMARKS:s", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE:s",
                "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) {
        return MetaResults.empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "DATA_TYPE:i",
                "COLUMN_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "COLUMN_USAGE:s", "REMARKS:s",
                "CHAR_OCTET_LENGTH:i", "IS_NULLABLE:s");
    }
}
