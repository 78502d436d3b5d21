package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.clickhouse.internal.format.DecoderContext;
import dev.olaphttp.clickhouse.internal.format.ResultDecoder;
import dev.olaphttp.clickhouse.internal.format.ResultFormat;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Creates the format package's decoder for a body. */
final class DecoderBridge {
    private DecoderBridge() {}

    static ResultDecoder create(ResultFormat format, InputStream body, DecoderContext ctx) {
        try {
            Class<?> c = Class.forName("dev.olaphttp.clickhouse.internal.format.ResultDecoders");
            Method m = c.getMethod("create", ResultFormat.class, InputStream.class, DecoderContext.class);
            return (ResultDecoder) m.invoke(null, format, body, ctx);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ProtocolException("decoder failed: " + e.getCause(), e.getCause(), ctx.details());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("result decoders are not available", e);
        }
    }
}
