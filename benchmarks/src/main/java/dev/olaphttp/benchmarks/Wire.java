package dev.olaphttp.benchmarks;

/**
 * The wire encodings of {@link Dataset} rows, as each server sends them: a header, a block of rows, a trailer.
 * Databend's JSON pages are built by {@link DatabendPages}.
 */
enum Wire {
    /** ClickHouse {@code RowBinaryWithNamesAndTypes}. */
    CH_ROWBINARY {
        @Override
        byte[] header() {
            Bytes b = new Bytes().varUInt(Dataset.NAMES.length);
            for (String n : Dataset.NAMES) {
                b.binString(n);
            }
            for (String t : CH_TYPES) {
                b.binString(t);
            }
            return b.toArray();
        }

        @Override
        byte[] rows(long from, long to) {
            Bytes b = new Bytes();
            for (long i = from; i < to; i++) {
                b.le(Dataset.id(i), 8).binString(Dataset.name(i)).le(Double.doubleToRawLongBits(Dataset.price(i)), 8)
                        .le(Dataset.epochSecond(i), 4);
                if (Dataset.qtyNull(i)) {
                    b.u8(1);
                } else {
                    b.u8(0).le(Dataset.qty(i), 4);
                }
            }
            return b.toArray();
        }
    },
    /** ClickHouse {@code TabSeparatedWithNamesAndTypes}. */
    CH_TSV {
        @Override
        byte[] header() {
            return new Bytes().ascii(String.join("\t", Dataset.NAMES) + "\n" + String.join("\t", CH_TYPES) + "\n")
                    .toArray();
        }

        @Override
        byte[] rows(long from, long to) {
            Bytes b = new Bytes();
            StringBuilder s = new StringBuilder(64);
            for (long i = from; i < to; i++) {
                s.setLength(0);
                s.append(Dataset.id(i)).append('\t').append(Dataset.name(i)).append('\t').append(Dataset.price(i))
                        .append('\t').append(Dataset.timeText(i)).append('\t')
                        .append(Dataset.qtyNull(i) ? "\\N" : Integer.toString(Dataset.qty(i))).append('\n');
                b.ascii(s.toString());
            }
            return b.toArray();
        }
    },
    /** ClickHouse {@code JSONCompactEachRowWithNamesAndTypes} (64-bit integers quoted, the server's default). */
    CH_JSONCOMPACT {
        @Override
        byte[] header() {
            return new Bytes().ascii("[\"" + String.join("\", \"", Dataset.NAMES) + "\"]\n[\""
                    + String.join("\", \"", CH_TYPES) + "\"]\n").toArray();
        }

        @Override
        byte[] rows(long from, long to) {
            Bytes b = new Bytes();
            StringBuilder s = new StringBuilder(80);
            for (long i = from; i < to; i++) {
                s.setLength(0);
                s.append("[\"").append(Dataset.id(i)).append("\", \"").append(Dataset.name(i)).append("\", ")
                        .append(Dataset.price(i)).append(", \"").append(Dataset.timeText(i)).append("\", ")
                        .append(Dataset.qtyNull(i) ? "null" : Integer.toString(Dataset.qty(i))).append("]\n");
                b.ascii(s.toString());
            }
            return b.toArray();
        }
    },
    /** StarRocks' NDJSON ({@code connectionId}, {@code meta}, one {@code data} line per row, {@code statistics}). */
    STARROCKS {
        @Override
        byte[] header() {
            StringBuilder s = new StringBuilder("{\"connectionId\":7}\n{\"meta\":[");
            for (int c = 0; c < Dataset.NAMES.length; c++) {
                s.append(c == 0 ? "" : ",").append("{\"name\":\"").append(Dataset.NAMES[c]).append("\",\"type\":\"")
                        .append(SR_TYPES[c]).append("\"}");
            }
            return new Bytes().ascii(s.append("]}\n").toString()).toArray();
        }

        @Override
        byte[] rows(long from, long to) {
            Bytes b = new Bytes();
            StringBuilder s = new StringBuilder(80);
            for (long i = from; i < to; i++) {
                s.setLength(0);
                s.append("{\"data\":[").append(Dataset.id(i)).append(",\"").append(Dataset.name(i)).append("\",")
                        .append(Dataset.price(i)).append(",\"").append(Dataset.timeText(i)).append("\",")
                        .append(Dataset.qtyNull(i) ? "null" : Integer.toString(Dataset.qty(i))).append("]}\n");
                b.ascii(s.toString());
            }
            return b.toArray();
        }

        @Override
        byte[] trailer(long rows) {
            return new Bytes().ascii("{\"statistics\":{\"scanRows\":" + rows + ",\"scanBytes\":" + rows * 40
                    + ",\"returnRows\":" + rows + "}}\n").toArray();
        }
    };

    static final String[] CH_TYPES = {"Int64", "String", "Float64", "DateTime", "Nullable(Int32)"};
    static final String[] SR_TYPES = {"bigint(20)", "varchar(64)", "double", "datetime", "int(11)"};

    /** What precedes the rows. */
    abstract byte[] header();

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    abstract byte[] rows(long from, long to);

    /** What follows {@code rows} rows. */
    byte[] trailer(long rows) {
        return new byte[0];
    }
}
