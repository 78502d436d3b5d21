package dev.olaphttp.benchmarks;

import java.io.InputStream;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * An OkHttp application interceptor that answers every request from a {@link Canned} server without touching the
 * network, so a benchmark measures decoding and the library's stack, not sockets. Unknown requests get a 404.
 */
final class CannedServer implements Interceptor {
    private final Canned canned;
    private final MediaType contentType;
    private final Headers headers;

    CannedServer(Canned canned, String contentType, Map<String, String> headers) {
        this.canned = canned;
        this.contentType = MediaType.get(contentType);
        this.headers = Headers.of(headers);
    }

    /** An OkHttpClient whose every call is answered by {@code canned}. */
    static OkHttpClient client(Canned canned, String contentType, Map<String, String> headers) {
        return new OkHttpClient.Builder().addInterceptor(new CannedServer(canned, contentType, headers)).build();
    }

    @Override
    public Response intercept(Chain chain) {
        Request request = chain.request();
        InputStream body = canned.open(request.method(), request.url().encodedPath());
        Response.Builder b = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1);
        if (body == null) {
            return b.code(404).message("Not Found")
                    .body(ResponseBody.create("no canned answer for " + request.url().encodedPath(),
                            MediaType.get("text/plain")))
                    .build();
        }
        return b.code(200).message("OK").headers(headers).body(new StreamBody(body, contentType)).build();
    }

    /** A body of unknown length read from a stream, as a chunked HTTP response would be. */
    private static final class StreamBody extends ResponseBody {
        private final BufferedSource source;
        private final MediaType type;

        StreamBody(InputStream in, MediaType type) {
            this.source = Okio.buffer(Okio.source(in));
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return -1;
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
