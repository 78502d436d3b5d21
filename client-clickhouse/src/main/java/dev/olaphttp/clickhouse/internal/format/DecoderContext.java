package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.SqlClientException;
import java.io.IOException;
import java.time.ZoneId;

/**
 * What a decoder needs besides the bytes.
 *
 * @param serverTimeZone zone of {@code DateTime} columns without an explicit zone ({@code X-ClickHouse-Timezone})
 * @param exceptionTag   the {@code X-ClickHouse-Exception-Tag} header value, or {@code null} when absent
 * @param details        dialect and query id for exceptions
 * @param readFailure    maps an I/O error after {@code rows} rows to the right exception
 *                       ({@link dev.olaphttp.spi.HttpResponse#readFailure})
 * @param maxValueBytes  the most bytes one value, or the whole header, may take; more is a ProtocolException
 */
public record DecoderContext(ZoneId serverTimeZone, String exceptionTag, ErrorDetails details, ReadFailure readFailure,
        int maxValueBytes) {
    /** The default bound of one value: 16 MiB. */
    public static final int DEFAULT_MAX_VALUE_BYTES = 16 << 20;
    /** The largest bound that may be configured: 1 GiB. */
    public static final int MAX_VALUE_BYTES_LIMIT = 1 << 30;

    /** Validates the bound. */
    public DecoderContext {
        if (maxValueBytes < 1 || maxValueBytes > MAX_VALUE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxValueBytes must be in 1.." + MAX_VALUE_BYTES_LIMIT);
        }
    }

    /** A context with the default bound of one value. */
    public DecoderContext(ZoneId serverTimeZone, String exceptionTag, ErrorDetails details, ReadFailure readFailure) {
        this(serverTimeZone, exceptionTag, details, readFailure, DEFAULT_MAX_VALUE_BYTES);
    }

    /** Maps I/O errors while reading the body. */
    @FunctionalInterface
    public interface ReadFailure {
        SqlClientException map(IOException e, long rowsDelivered);
    }
}
