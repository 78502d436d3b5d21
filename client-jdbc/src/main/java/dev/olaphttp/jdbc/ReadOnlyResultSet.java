package dev.olaphttp.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** The update half of {@link ResultSet}: results are read-only, so every update method fails. */
abstract class ReadOnlyResultSet implements ResultSet {
    static SQLFeatureNotSupportedException readOnly() {
        return new SQLFeatureNotSupportedException("the result set is read-only (CONCUR_READ_ONLY)", "0A000");
    }

    @Override
    public int getConcurrency() {
        return CONCUR_READ_ONLY;
    }

    @Override
    public boolean rowUpdated() throws SQLException { throw readOnly(); }

    @Override
    public boolean rowInserted() throws SQLException { throw readOnly(); }

    @Override
    public boolean rowDeleted() throws SQLException { throw readOnly(); }

    @Override
    public void updateNull(int c) throws SQLException { throw readOnly(); }

    @Override
    public void updateBoolean(int c, boolean x) throws SQLException { throw readOnly(); }

    @Override
    public void updateByte(int c, byte x) throws SQLException { throw readOnly(); }

    @Override
    public void updateShort(int c, short x) throws SQLException { throw readOnly(); }

    @Override
    public void updateInt(int c, int x) throws SQLException { throw readOnly(); }

    @Override
    public void updateLong(int c, long x) throws SQLException { throw readOnly(); }

    @Override
    public void updateFloat(int c, float x) throws SQLException { throw readOnly(); }

    @Override
    public void updateDouble(int c, double x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBigDecimal(int c, java.math.BigDecimal x) throws SQLException { throw readOnly(); }

    @Override
    public void updateString(int c, String x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBytes(int c, byte[] x) throws SQLException { throw readOnly(); }

    @Override
    public void updateDate(int c, java.sql.Date x) throws SQLException { throw readOnly(); }

    @Override
    public void updateTime(int c, java.sql.Time x) throws SQLException { throw readOnly(); }

    @Override
    public void updateTimestamp(int c, java.sql.Timestamp x) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(int c, java.io.InputStream x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(int c, java.io.InputStream x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(int c, java.io.Reader x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(int c, Object x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(int c, Object x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNull(String c) throws SQLException { throw readOnly(); }

    @Override
    public void updateBoolean(String c, boolean x) throws SQLException { throw readOnly(); }

    @Override
    public void updateByte(String c, byte x) throws SQLException { throw readOnly(); }

    @Override
    public void updateShort(String c, short x) throws SQLException { throw readOnly(); }

    @Override
    public void updateInt(String c, int x) throws SQLException { throw readOnly(); }

    @Override
    public void updateLong(String c, long x) throws SQLException { throw readOnly(); }

    @Override
    public void updateFloat(String c, float x) throws SQLException { throw readOnly(); }

    @Override
    public void updateDouble(String c, double x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBigDecimal(String c, java.math.BigDecimal x) throws SQLException { throw readOnly(); }

    @Override
    public void updateString(String c, String x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBytes(String c, byte[] x) throws SQLException { throw readOnly(); }

    @Override
    public void updateDate(String c, java.sql.Date x) throws SQLException { throw readOnly(); }

    @Override
    public void updateTime(String c, java.sql.Time x) throws SQLException { throw readOnly(); }

    @Override
    public void updateTimestamp(String c, java.sql.Timestamp x) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(String c, java.io.InputStream x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(String c, java.io.InputStream x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(String c, java.io.Reader x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(String c, Object x, int y) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(String c, Object x) throws SQLException { throw readOnly(); }

    @Override
    public void insertRow() throws SQLException { throw readOnly(); }

    @Override
    public void updateRow() throws SQLException { throw readOnly(); }

    @Override
    public void deleteRow() throws SQLException { throw readOnly(); }

    @Override
    public void refreshRow() throws SQLException { throw readOnly(); }

    @Override
    public void cancelRowUpdates() throws SQLException { throw readOnly(); }

    @Override
    public void moveToInsertRow() throws SQLException { throw readOnly(); }

    @Override
    public void moveToCurrentRow() throws SQLException { throw readOnly(); }

    @Override
    public void updateRef(int c, java.sql.Ref x) throws SQLException { throw readOnly(); }

    @Override
    public void updateRef(String c, java.sql.Ref x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(int c, java.sql.Blob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(String c, java.sql.Blob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(int c, java.sql.Clob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(String c, java.sql.Clob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateArray(int c, java.sql.Array x) throws SQLException { throw readOnly(); }

    @Override
    public void updateArray(String c, java.sql.Array x) throws SQLException { throw readOnly(); }

    @Override
    public void updateRowId(int c, java.sql.RowId x) throws SQLException { throw readOnly(); }

    @Override
    public void updateRowId(String c, java.sql.RowId x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNString(int c, String x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNString(String c, String x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(int c, java.sql.NClob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(String c, java.sql.NClob x) throws SQLException { throw readOnly(); }

    @Override
    public void updateSQLXML(int c, java.sql.SQLXML x) throws SQLException { throw readOnly(); }

    @Override
    public void updateSQLXML(String c, java.sql.SQLXML x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNCharacterStream(int c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateNCharacterStream(String c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(int c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(int c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(int c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(String c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(String c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(String c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(int c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(String c, java.io.InputStream x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(int c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(String c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(int c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(String c, java.io.Reader x, long y) throws SQLException { throw readOnly(); }

    @Override
    public void updateNCharacterStream(int c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNCharacterStream(String c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(int c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(int c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(int c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateAsciiStream(String c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBinaryStream(String c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateCharacterStream(String c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(int c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateBlob(String c, java.io.InputStream x) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(int c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateClob(String c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(int c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateNClob(String c, java.io.Reader x) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(int c, Object x, java.sql.SQLType y, int z) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(String c, Object x, java.sql.SQLType y, int z) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(int c, Object x, java.sql.SQLType y) throws SQLException { throw readOnly(); }

    @Override
    public void updateObject(String c, Object x, java.sql.SQLType y) throws SQLException { throw readOnly(); }
}
