package org.hcert.adapters.tcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Read certificates and keys for TLS links from the files a lab has: PEM (as OpenSSL writes them)
 * or PKCS#12 (as keytool and most CAs' tools write them). Every problem is an
 * {@link IllegalArgumentException} naming the file and what was expected.
 */
public final class TlsFiles {

    /**
     * The environment variable from which the CLI takes the password of PKCS#12 files: {@value}.
     * Unset means the empty password. A password on the command line would show in the process list.
     */
    public static final String PASSWORD_ENV = "HCERT_TLS_PASSWORD";

    /** The password given to in-memory key stores; they never reach a disk. */
    static final char[] MEMORY_PASSWORD = new char[0];

    private static final Pattern PEM_KEY = Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----([^-]*)-----END \\1-----");

    private TlsFiles() {}

    /**
     * A trust store from {@code file}: PEM with one or more CA certificates, or a PKCS#12 store
     * opened with {@code password}.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static KeyStore trustStore(Path file, String password) {
        if (!isPem(file)) {
            KeyStore p12 = pkcs12(file, password);
            if (size(p12) == 0) {
                throw new IllegalArgumentException("%s: the PKCS#12 store holds no certificate".formatted(file));
            }
            return p12;
        }
        List<X509Certificate> certs = certificates(file);
        KeyStore store = emptyStore();
        try {
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certs.get(i));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("%s: cannot use its certificates: %s".formatted(file, e.getMessage()), e);
        }
        return store;
    }

    /**
     * An identity (private key and certificate chain) from a PEM certificate chain and a PEM
     * PKCS#8 key, or from a PKCS#12 file opened with {@code password} when {@code key} is null. In
     * the returned store the key's password is {@link #keyPassword}.
     */
    public static KeyStore identity(Path certificate, @Nullable Path key, String password) {
        if (key == null) {
            if (isPem(certificate)) {
                throw new IllegalArgumentException("%s is a PEM certificate; give its private key too (a PEM file), or a PKCS#12 file holding both"
                        .formatted(certificate));
            }
            return pkcs12(certificate, password);
        }
        List<X509Certificate> chain = certificates(certificate);
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry("identity", privateKey(key), MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("%s and %s do not make an identity: %s".formatted(certificate, key, e.getMessage()), e);
        }
        return store;
    }

    /** The password of the key in a store made by {@link #identity}. */
    static char[] keyPassword(@Nullable Path key, String password) {
        return key == null ? password.toCharArray() : MEMORY_PASSWORD;
    }

    /** The first certificate (the leaf) of an identity store. */
    public static X509Certificate leaf(KeyStore identity) {
        try {
            for (String alias : Collections.list(identity.aliases())) {
                if (identity.isKeyEntry(alias) && identity.getCertificate(alias) instanceof X509Certificate x) {
                    return x;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the identity's certificate: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("the identity holds no private key with a certificate");
    }

    /** The certificate's SHA-256 fingerprint as a link URI pins it: {@code sha256:} and 64 lower-case hex digits. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot hash a certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static boolean isPem(Path file) {
        return new String(read(file), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(read(file)))) {
                certs.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("%s: not a PEM certificate file (%s); expected -----BEGIN CERTIFICATE----- blocks"
                    .formatted(file, e.getMessage()), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("%s holds no certificate; expected -----BEGIN CERTIFICATE----- blocks".formatted(file));
        }
        return certs;
    }

    private static PrivateKey privateKey(Path file) {
        Matcher m = PEM_KEY.matcher(new String(read(file), StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IllegalArgumentException("%s holds no PEM private key; expected -----BEGIN PRIVATE KEY-----".formatted(file));
        }
        if (!m.group(1).equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("%s holds a %s; hcert reads unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----). Convert it with: openssl pkcs8 -topk8 -nocrypt -in %s -out KEY.pem"
                    .formatted(file, m.group(1), file));
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2).trim()));
        for (String algorithm : List.of("EC", "RSA", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("%s: the private key is not an EC, RSA or EdDSA key in PKCS#8".formatted(file));
    }

    private static KeyStore pkcs12(Path file, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(read(file)), password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("%s: neither PEM nor a PKCS#12 file this password opens (%s); set the password in the environment variable %s"
                    .formatted(file, e.getMessage(), PASSWORD_ENV), e);
        }
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    private static int size(KeyStore store) {
        try {
            return store.size();
        } catch (GeneralSecurityException e) {
            return 0;
        }
    }
}
