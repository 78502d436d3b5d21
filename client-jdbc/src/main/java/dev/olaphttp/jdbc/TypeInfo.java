package dev.olaphttp.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code getTypeInfo}: each engine's main type names with their {@link Types} code, ordered as JDBC asks. */
final class TypeInfo {
    private TypeInfo() {}

    private record T(String name, int type, int precision, String quote, String params, boolean unsigned) {}

    private static List<T> types(DialectSupport d) {
        if (d.isClickHouse()) {
            return List.of(new T("Bool", Types.BOOLEAN, 1, null, null, true),
                    new T("Int8", Types.TINYINT, 3, null, null, false),
                    new T("Int16", Types.SMALLINT, 5, null, null, false),
                    new T("UInt8", Types.SMALLINT, 3, null, null, true),
                    new T("Int32", Types.INTEGER, 10, null, null, false),
                    new T("UInt16", Types.INTEGER, 5, null, null, true),
                    new T("Int64", Types.BIGINT, 19, null, null, false),
                    new T("UInt32", Types.BIGINT, 10, null, null, true),
                    new T("Float32", Types.REAL, 7, null, null, false),
                    new T("Float64", Types.DOUBLE, 15, null, null, false),
                    new T("Decimal", Types.DECIMAL, 76, null, "precision,scale", false),
                    new T("UInt64", Types.DECIMAL, 20, null, null, true),
                    new T("String", Types.VARCHAR, 0, "'", null, true),
                    new T("FixedString", Types.CHAR, 0, "'", "length", true),
                    new T("Date", Types.DATE, 10, "'", null, true),
                    new T("DateTime", Types.TIMESTAMP, 19, "'", "timezone", true),
                    new T("DateTime64", Types.TIMESTAMP, 29, "'", "precision,timezone", true),
                    new T("Array", Types.ARRAY, 0, null, "element type", true));
        }
        if (d.isDatabend()) {
            return List.of(new T("BOOLEAN", Types.BOOLEAN, 1, null, null, true),
                    new T("TINYINT", Types.TINYINT, 3, null, null, false),
                    new T("SMALLINT", Types.SMALLINT, 5, null, null, false),
                    new T("INT", Types.INTEGER, 10, null, null, false),
                    new T("BIGINT", Types.BIGINT, 19, null, null, false),
                    new T("FLOAT", Types.REAL, 7, null, null, false),
                    new T("DOUBLE", Types.DOUBLE, 15, null, null, false),
                    new T("DECIMAL", Types.DECIMAL, 76, null, "precision,scale", false),
                    new T("VARCHAR", Types.VARCHAR, 0, "'", null, true),
                    new T("BINARY", Types.VARBINARY, 0, null, null, true),
                    new T("DATE", Types.DATE, 10, "'", null, true),
                    new T("TIMESTAMP", Types.TIMESTAMP, 26, "'", null, true),
                    new T("ARRAY", Types.ARRAY, 0, null, "element type", true));
        }
        return List.of(new T("BOOLEAN", Types.BOOLEAN, 1, null, null, true),
                new T("TINYINT", Types.TINYINT, 3, null, null, false),
                new T("SMALLINT", Types.SMALLINT, 5, null, null, false),
                new T("INT", Types.INTEGER, 10, null, null, false),
                new T("BIGINT", Types.BIGINT, 19, null, null, false),
                new T("FLOAT", Types.REAL, 7, null, null, false),
                new T("DOUBLE", Types.DOUBLE, 15, null, null, false),
                new T("DECIMAL", Types.DECIMAL, 38, null, "precision,scale", false),
                new T("LARGEINT", Types.DECIMAL, 39, null, null, false),
                new T("CHAR", Types.CHAR, 255, "'", "length", true),
                new T("VARCHAR", Types.VARCHAR, 1048576, "'", "length", true),
                new T("VARBINARY", Types.VARBINARY, 1048576, null, "length", true),
                new T("DATE", Types.DATE, 10, "'", null, true),
                new T("DATETIME", Types.TIMESTAMP, 26, "'", null, true),
                new T("ARRAY", Types.ARRAY, 0, null, "element type", true));
    }

    static ResultSet resultSet(DialectSupport d) {
        List<T> types = new ArrayList<>(types(d));
        types.sort(Comparator.comparingInt(T::type));
        List<Object[]> rows = new ArrayList<>();
        for (T t : types) {
            boolean text = t.type() == Types.VARCHAR || t.type() == Types.CHAR;
            int maxScale = t.type() == Types.DECIMAL ? t.precision() : 0;
            rows.add(new Object[] {t.name(), t.type(), t.precision(), t.quote(), t.quote(), t.params(),
                (short) DatabaseMetaData.typeNullable, text, (short) DatabaseMetaData.typeSearchable, t.unsigned(),
                false, false, t.name(), (short) 0, (short) maxScale, null, null, 10});
        }
        return MetaResults.of(MetaResults.schema("TYPE_NAME:s", "DATA_TYPE:i", "PRECISION:i", "LITERAL_PREFIX:s",
                "LITERAL_SUFFIX:s", "CREATE_PARAMS:s", "NULLABLE:h", "CASE_SENSITIVE:b", "SEARCHABLE:h",
                "UNSIGNED_ATTRIBUTE:b", "FIXED_PREC_SCALE:b", "AUTO_INCREMENT:b", "LOCAL_TYPE_NAME:s",
                "MINIMUM_SCALE:h", "MAXIMUM_SCALE:h", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "NUM_PREC_RADIX:i"),
                rows);
    }
}
