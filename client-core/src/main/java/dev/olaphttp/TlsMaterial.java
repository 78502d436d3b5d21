package dev.olaphttp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Reads TLS trust and key material from PEM and PKCS#12 files for {@link TlsOptions}. Errors name the file only. */
final class TlsMaterial {
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private TlsMaterial() {}

    /** A key store of the certificates in a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
    static KeyStore trustStoreFromPem(Path pem) {
        List<Certificate> certs = certificates(pem);
        try {
            KeyStore ks = emptyKeyStore();
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("cert-" + i, certs.get(i));
            }
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a trust store from " + pem, e);
        }
    }

    /** The certificates of a PEM file; at least one. */
    static List<Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }

    /** An unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}): RSA, EC or EdDSA. */
    static PrivateKey privateKey(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key file " + pem + ": " + e.getMessage(), e);
        }
        int begin = text.indexOf(BEGIN_KEY);
        int end = text.indexOf(END_KEY);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(pem + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert "
                    + "it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key in " + pem + " is not valid base64");
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the private key in " + pem + " is not an RSA, EC or EdDSA PKCS#8 key");
    }

    /** Key managers for a certificate chain and its key. */
    static KeyManager[] keyManagers(List<Certificate> chain, PrivateKey key) {
        try {
            KeyStore ks = emptyKeyStore();
            char[] none = new char[0];
            ks.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
            return keyManagers(ks, none);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the client certificate does not match its key: " + e.getMessage(), e);
        }
    }

    /** Key managers for a PKCS#12 file (its key protected by the same password, as openssl writes them). */
    static KeyManager[] keyManagersFromPkcs12(Path file, char[] password) {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return keyManagers(ks, password);
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password surfaces as an IOException; its message never holds the password
            throw new IllegalArgumentException("cannot read the PKCS#12 key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The X509 trust manager of a trust store, or of the JVM's default trust store for {@code null}. */
    static X509TrustManager trustManager(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            for (var m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalArgumentException("no X509 trust manager for the given trust store");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build TLS trust from the key store: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }
}
