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
 */
public record DecoderContext(ZoneId serverTimeZone, String exceptionTag, ErrorDetails details, ReadFailure readFailure) {
    /** Maps I/O errors while reading the body. */
    @FunctionalInterface
    public interface ReadFailure {
        SqlClientException map(IOException e, long rowsDelivered);
    }
}
