package dev.olaphttp;

/** A file or stream format that bulk loading passes through to the server as is. */
public enum DataFormat {
    /** Comma-separated values. */
    CSV("text/csv"),
    /** Tab-separated values. */
    TSV("text/tab-separated-values"),
    /** Newline-delimited JSON: one object per line. */
    NDJSON("application/x-ndjson"),
    /** Apache Parquet. */
    PARQUET("application/vnd.apache.parquet");

    private final String contentType;

    DataFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The MIME type sent with the data. */
    public String contentType() {
        return contentType;
    }
}
