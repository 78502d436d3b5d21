package dev.olaphttp.starrocks.internal.load;

/**
 * One column's encoder, chosen once per load from the column's type: writes a non-null value's Stream Load text
 * into a reused buffer and says how a JSON line carries it. Throws {@link IllegalArgumentException} with a short
 * reason (never the value) when the value does not fit the column.
 */
interface ValueEncoder {
    /** How the text is placed in a JSON line. */
    enum Shape {
        /** A JSON number, written as is. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A JSON string (quoted and escaped by the writer). */
        STRING,
        /** JSON text (arrays, maps, structs, JSON columns), written as is. */
        JSON
    }

    /** Writes {@code value} (never null) into {@code out} (empty on entry) and returns its shape. */
    Shape encode(Object value, StringBuilder out);
}
