package dev.olaphttp;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings. By default the JVM's trust store verifies the server and the host name is checked; there is no
 * trust-all option. Custom trust material is a {@link KeyStore} or PEM file of trusted certificates, or a caller's
 * {@link SSLContext} with the trust manager it was built from; {@link #builder()} adds a client certificate (mTLS)
 * from a PKCS#12 file or PEM files.
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
        return builder().trustStore(Objects.requireNonNull(trustStore, "trustStore")).build();
    }

    /** Trust exactly the certificates of a PEM file (e.g. a private CA's {@code ca.pem}). */
    public static TlsOptions trustingPem(Path pemFile) {
        return builder().trustPem(pemFile).build();
    }

    /** A builder for trust from a key store or PEM file plus a client certificate (mTLS) from PKCS#12 or PEM. */
    public static Builder builder() {
        return new Builder();
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
        return isCustom() ? "TlsOptions{custom trust or client certificate}" : "TlsOptions{jvm default trust}";
    }

    /**
     * Builds TLS material. Trust: a key store or a PEM file (default: the JVM's trust store). Client certificate:
     * a PKCS#12 file, or a PEM certificate chain with an unencrypted PKCS#8 PEM key. Files are read by
     * {@link #build()}; an unreadable or mismatched file fails there with {@link IllegalArgumentException}.
     */
    public static final class Builder {
        private KeyStore trustStore;
        private Path trustPem;
        private Path pkcs12;
        private char[] pkcs12Password;
        private Path certPem;
        private Path keyPem;

        private Builder() {}

        /** Trust exactly the certificates of this key store. */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            this.trustPem = null;
            return this;
        }

        /** Trust exactly the certificates of this PEM file. */
        public Builder trustPem(Path pemFile) {
            this.trustPem = Objects.requireNonNull(pemFile, "pemFile");
            this.trustStore = null;
            return this;
        }

        /** The client certificate and key from a PKCS#12 file ({@code .p12}/{@code .pfx}). */
        public Builder clientCertificatePkcs12(Path file, char[] password) {
            this.pkcs12 = Objects.requireNonNull(file, "file");
            this.pkcs12Password = Objects.requireNonNull(password, "password").clone();
            this.certPem = null;
            this.keyPem = null;
            return this;
        }

        /** The client certificate chain (PEM) and its unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}). */
        public Builder clientCertificatePem(Path certificateChain, Path privateKey) {
            this.certPem = Objects.requireNonNull(certificateChain, "certificateChain");
            this.keyPem = Objects.requireNonNull(privateKey, "privateKey");
            this.pkcs12 = null;
            this.pkcs12Password = null;
            return this;
        }

        /** Reads the files and builds the options. */
        public TlsOptions build() {
            KeyStore trust = trustPem != null ? TlsMaterial.trustStoreFromPem(trustPem) : trustStore;
            X509TrustManager tm = TlsMaterial.trustManager(trust);
            javax.net.ssl.KeyManager[] keys = null;
            if (pkcs12 != null) {
                keys = TlsMaterial.keyManagersFromPkcs12(pkcs12, pkcs12Password);
            } else if (certPem != null) {
                keys = TlsMaterial.keyManagers(TlsMaterial.certificates(certPem), TlsMaterial.privateKey(keyPem));
            }
            if (trust == null && keys == null) {
                return DEFAULTS;
            }
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(keys, new javax.net.ssl.TrustManager[] {tm}, null);
                return new TlsOptions(ctx, tm);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
            }
        }
    }
}
