package dev.olaphttp.jdbc;

import java.sql.DatabaseMetaData;

/**
 * The fixed answers of {@link DatabaseMetaData} shared by the three engines: what SQL they accept and what the
 * driver supports (forward-only, read-only results; no procedures, keys, savepoints or generated keys).
 */
abstract class MetaDataDefaults implements DatabaseMetaData {
    @Override
    public boolean allProceduresAreCallable() { return false; }
    @Override
    public boolean allTablesAreSelectable() { return true; }
    @Override
    public boolean nullsAreSortedHigh() { return false; }
    @Override
    public boolean nullsAreSortedLow() { return false; }
    @Override
    public boolean nullsAreSortedAtStart() { return false; }
    @Override
    public boolean nullsAreSortedAtEnd() { return true; }
    @Override
    public boolean usesLocalFiles() { return false; }
    @Override
    public boolean usesLocalFilePerTable() { return false; }
    @Override
    public boolean supportsMixedCaseIdentifiers() { return true; }
    @Override
    public boolean storesUpperCaseIdentifiers() { return false; }
    @Override
    public boolean storesLowerCaseIdentifiers() { return false; }
    @Override
    public boolean storesMixedCaseIdentifiers() { return true; }
    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
    @Override
    public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override
    public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override
    public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override
    public String getSQLKeywords() { return ""; }
    @Override
    public String getNumericFunctions() { return ""; }
    @Override
    public String getStringFunctions() { return ""; }
    @Override
    public String getSystemFunctions() { return ""; }
    @Override
    public String getTimeDateFunctions() { return ""; }
    @Override
    public String getSearchStringEscape() { return "\\"; }
    @Override
    public String getExtraNameCharacters() { return ""; }
    @Override
    public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override
    public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override
    public boolean supportsColumnAliasing() { return true; }
    @Override
    public boolean nullPlusNonNullIsNull() { return true; }
    @Override
    public boolean supportsConvert() { return false; }
    @Override
    public boolean supportsConvert(int a0, int a1) { return false; }
    @Override
    public boolean supportsTableCorrelationNames() { return true; }
    @Override
    public boolean supportsDifferentTableCorrelationNames() { return true; }
    @Override
    public boolean supportsExpressionsInOrderBy() { return true; }
    @Override
    public boolean supportsOrderByUnrelated() { return true; }
    @Override
    public boolean supportsGroupBy() { return true; }
    @Override
    public boolean supportsGroupByUnrelated() { return true; }
    @Override
    public boolean supportsGroupByBeyondSelect() { return true; }
    @Override
    public boolean supportsLikeEscapeClause() { return true; }
    @Override
    public boolean supportsMultipleResultSets() { return false; }
    @Override
    public boolean supportsMultipleTransactions() { return true; }
    @Override
    public boolean supportsNonNullableColumns() { return true; }
    @Override
    public boolean supportsMinimumSQLGrammar() { return true; }
    @Override
    public boolean supportsCoreSQLGrammar() { return false; }
    @Override
    public boolean supportsExtendedSQLGrammar() { return false; }
    @Override
    public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override
    public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override
    public boolean supportsANSI92FullSQL() { return false; }
    @Override
    public boolean supportsIntegrityEnhancementFacility() { return false; }
    @Override
    public boolean supportsOuterJoins() { return true; }
    @Override
    public boolean supportsFullOuterJoins() { return true; }
    @Override
    public boolean supportsLimitedOuterJoins() { return true; }
    @Override
    public String getSchemaTerm() { return "database"; }
    @Override
    public String getProcedureTerm() { return "procedure"; }
    @Override
    public String getCatalogTerm() { return "catalog"; }
    @Override
    public boolean isCatalogAtStart() { return true; }
    @Override
    public String getCatalogSeparator() { return "."; }
    @Override
    public boolean supportsSchemasInDataManipulation() { return true; }
    @Override
    public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override
    public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override
    public boolean supportsSchemasInIndexDefinitions() { return false; }
    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override
    public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override
    public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override
    public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override
    public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override
    public boolean supportsPositionedDelete() { return false; }
    @Override
    public boolean supportsPositionedUpdate() { return false; }
    @Override
    public boolean supportsSelectForUpdate() { return false; }
    @Override
    public boolean supportsStoredProcedures() { return false; }
    @Override
    public boolean supportsSubqueriesInComparisons() { return true; }
    @Override
    public boolean supportsSubqueriesInExists() { return true; }
    @Override
    public boolean supportsSubqueriesInIns() { return true; }
    @Override
    public boolean supportsSubqueriesInQuantifieds() { return false; }
    @Override
    public boolean supportsCorrelatedSubqueries() { return true; }
    @Override
    public boolean supportsUnion() { return true; }
    @Override
    public boolean supportsUnionAll() { return true; }
    @Override
    public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override
    public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override
    public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override
    public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override
    public int getMaxBinaryLiteralLength() { return 0; }
    @Override
    public int getMaxCharLiteralLength() { return 0; }
    @Override
    public int getMaxColumnNameLength() { return 0; }
    @Override
    public int getMaxColumnsInGroupBy() { return 0; }
    @Override
    public int getMaxColumnsInIndex() { return 0; }
    @Override
    public int getMaxColumnsInOrderBy() { return 0; }
    @Override
    public int getMaxColumnsInSelect() { return 0; }
    @Override
    public int getMaxColumnsInTable() { return 0; }
    @Override
    public int getMaxConnections() { return 0; }
    @Override
    public int getMaxCursorNameLength() { return 0; }
    @Override
    public int getMaxIndexLength() { return 0; }
    @Override
    public int getMaxSchemaNameLength() { return 0; }
    @Override
    public int getMaxProcedureNameLength() { return 0; }
    @Override
    public int getMaxCatalogNameLength() { return 0; }
    @Override
    public int getMaxRowSize() { return 0; }
    @Override
    public boolean doesMaxRowSizeIncludeBlobs() { return false; }
    @Override
    public int getMaxStatementLength() { return 0; }
    @Override
    public int getMaxStatements() { return 0; }
    @Override
    public int getMaxTableNameLength() { return 0; }
    @Override
    public int getMaxTablesInSelect() { return 0; }
    @Override
    public int getMaxUserNameLength() { return 0; }
    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
    @Override
    public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override
    public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override
    public boolean supportsResultSetType(int a0) { return a0 == java.sql.ResultSet.TYPE_FORWARD_ONLY; }
    @Override
    public boolean supportsResultSetConcurrency(int a0, int a1) {
        return a0 == java.sql.ResultSet.TYPE_FORWARD_ONLY && a1 == java.sql.ResultSet.CONCUR_READ_ONLY;
    }
    @Override
    public boolean ownUpdatesAreVisible(int a0) { return false; }
    @Override
    public boolean ownDeletesAreVisible(int a0) { return false; }
    @Override
    public boolean ownInsertsAreVisible(int a0) { return false; }
    @Override
    public boolean othersUpdatesAreVisible(int a0) { return false; }
    @Override
    public boolean othersDeletesAreVisible(int a0) { return false; }
    @Override
    public boolean othersInsertsAreVisible(int a0) { return false; }
    @Override
    public boolean updatesAreDetected(int a0) { return false; }
    @Override
    public boolean deletesAreDetected(int a0) { return false; }
    @Override
    public boolean insertsAreDetected(int a0) { return false; }
    @Override
    public boolean supportsBatchUpdates() { return true; }
    @Override
    public boolean supportsSavepoints() { return false; }
    @Override
    public boolean supportsNamedParameters() { return false; }
    @Override
    public boolean supportsMultipleOpenResults() { return false; }
    @Override
    public boolean supportsGetGeneratedKeys() { return false; }
    @Override
    public boolean supportsResultSetHoldability(int a0) { return a0 == java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override
    public int getResultSetHoldability() { return java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override
    public int getJDBCMajorVersion() { return 4; }
    @Override
    public int getJDBCMinorVersion() { return 2; }
    @Override
    public int getSQLStateType() { return sqlStateSQL; }
    @Override
    public boolean locatorsUpdateCopy() { return false; }
    @Override
    public boolean supportsStatementPooling() { return false; }
    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() { return java.sql.RowIdLifetime.ROWID_UNSUPPORTED; }
    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
    @Override
    public boolean autoCommitFailureClosesAllResultSets() { return false; }
    @Override
    public boolean generatedKeyAlwaysReturned() { return false; }
}
