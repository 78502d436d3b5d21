package dev.olaphttp.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/** Hands every value of a row to JMH's Blackhole. */
final class BlackholeSink implements RowSink {
    private final Blackhole bh;

    BlackholeSink(Blackhole bh) {
        this.bh = bh;
    }

    @Override
    public void row(long id, String name, double price, Object ts, boolean qtyNull, int qty) {
        bh.consume(id);
        bh.consume(name);
        bh.consume(price);
        bh.consume(ts);
        bh.consume(qtyNull);
        bh.consume(qty);
    }
}
