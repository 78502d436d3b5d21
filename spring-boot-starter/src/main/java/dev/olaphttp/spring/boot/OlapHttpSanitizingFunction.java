package dev.olaphttp.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks olaphttp credentials in {@code /actuator/configprops} and {@code /actuator/env} even when values are shown:
 * every {@code olaphttp.*} password, secret or token entirely, and the password in a DSN's userinfo or query string.
 */
public final class OlapHttpSanitizingFunction implements SanitizingFunction {
    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = Masking.normalize(data.getKey());
        if (!Masking.isOurs(key) || data.getValue() == null) {
            return data;
        }
        if (Masking.isSecret(key)) {
            return data.withValue(Masking.MASK);
        }
        if (Masking.isDsn(key)) {
            return data.withValue(Masking.maskDsn(String.valueOf(data.getValue())));
        }
        return data;
    }
}
