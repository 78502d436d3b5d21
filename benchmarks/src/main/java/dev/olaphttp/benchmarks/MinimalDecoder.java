package dev.olaphttp.benchmarks;

import java.io.IOException;

/** A minimal hand-written decoder of one wire format: the baseline the library is measured against. */
@FunctionalInterface
interface MinimalDecoder {
    /** Decodes the whole result served by {@code server} into {@code sink}; returns the number of rows. */
    long decode(Canned server, RowSink sink) throws IOException;
}
