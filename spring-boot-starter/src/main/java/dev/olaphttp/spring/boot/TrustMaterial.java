package dev.olaphttp.spring.boot;

import dev.olaphttp.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import org.springframework.core.io.Resource;

/** Turns {@code olaphttp.tls.*} into {@link TlsOptions}. */
final class TrustMaterial {
    private TrustMaterial() {}

    static TlsOptions from(String client, ClientProperties.Tls tls) {
        if (tls.getTrustStore() != null && tls.getTrustCertificates() != null) {
            throw new IllegalStateException(
                    "olaphttp client '" + client + "': set tls.trust-store or tls.trust-certificates, not both");
        }
        try {
            if (tls.getTrustStore() != null) {
                KeyStore ks = KeyStore.getInstance(tls.getTrustStoreType());
                char[] pw = tls.getTrustStorePassword() == null ? null : tls.getTrustStorePassword().toCharArray();
                try (InputStream in = tls.getTrustStore().getInputStream()) {
                    ks.load(in, pw);
                }
                return TlsOptions.trusting(ks);
            }
            if (tls.getTrustCertificates() != null) {
                return TlsOptions.trusting(pem(tls.getTrustCertificates()));
            }
            return TlsOptions.defaults();
        } catch (IOException | GeneralSecurityException e) {
            // never the password; the resource description names the file
            throw new IllegalStateException("olaphttp client '" + client + "': cannot load TLS trust material from "
                    + describe(tls) + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyStore pem(Resource resource) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = resource.getInputStream()) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + resource.getDescription());
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }

    private static String describe(ClientProperties.Tls tls) {
        Resource r = tls.getTrustStore() != null ? tls.getTrustStore() : tls.getTrustCertificates();
        return r.getDescription();
    }
}
