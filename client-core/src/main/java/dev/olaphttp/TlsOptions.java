package dev.olaphttp;

import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings. By default the JVM's trust store verifies the server and the host name is checked; there is no
 * trust-all option. Custom trust material is a {@link KeyStore} of trusted certificates, or a caller's
 * {@link SSLContext} with the trust manager it was built from.
 */
public final class TlsOptions {
    private static final TlsOptions DEFAULTS = new TlsOptions(null, null);

    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private TlsOptions(SSLContext sslContext, X509TrustManager trustManager) {
        this.sslContext = sslContext;
        this.trustManager = trustManager;
    }

    /** The JVM's default trust store. */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /** Trust exactly the certificates in this key store (e.g. a private CA). */
    public static TlsOptions trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            X509TrustManager tm = null;
            for (var m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            if (tm == null) {
                throw new IllegalArgumentException("no X509 trust manager for the given trust store");
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            return new TlsOptions(ctx, tm);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build TLS trust from the key store: " + e.getMessage(), e);
        }
    }

    /** Use a caller's SSL context; {@code trustManager} must be the one it was initialised with. */
    public static TlsOptions using(SSLContext sslContext, X509TrustManager trustManager) {
        return new TlsOptions(Objects.requireNonNull(sslContext), Objects.requireNonNull(trustManager));
    }

    /** True when custom trust material is set. */
    public boolean isCustom() {
        return sslContext != null;
    }

    /** The custom context, or {@code null} for the JVM default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The custom trust manager, or {@code null} for the JVM default. */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    @Override
    public String toString() {
        return isCustom() ? "TlsOptions{custom trust}" : "TlsOptions{jvm default trust}";
    }
}
