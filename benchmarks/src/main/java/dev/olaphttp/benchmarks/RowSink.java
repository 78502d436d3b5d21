package dev.olaphttp.benchmarks;

/**
 * Receives the decoded values of one row. Both paths (olaphttp and the minimal decoders) hand every value to the same
 * sink, so they do the same amount of work per row: JMH's Blackhole in benchmarks, a checker in tests.
 */
interface RowSink {
    /**
     * One row.
     *
     * @param ts the timestamp as the dialect's natural Java value ({@code getObject}), e.g. a ZonedDateTime
     * @param qtyNull whether the nullable int is NULL ({@code qty} is then 0)
     */
    void row(long id, String name, double price, Object ts, boolean qtyNull, int qty);
}
