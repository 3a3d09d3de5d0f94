package org.hcert.adapters.tcp;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the harness side of a {@code tls://} link trusts and shows. The link URI may instead pin
 * the robot's certificate ({@code pin=sha256:…}); a pin replaces the trust store and the host
 * name check for that link.
 *
 * @param trust the lab's trust store: PEM with the CA certificates that sign robot certificates,
 *     or PKCS#12; null for the JDK's default CA certificates
 * @param clientCertificate the harness's certificate chain (PEM) for mutual TLS, or a PKCS#12
 *     file holding certificate and key; null for none
 * @param clientKey the PKCS#8 PEM private key of {@code clientCertificate}; null for none or PKCS#12
 * @param password the password of PKCS#12 files; empty for none (never printed)
 */
public record TlsSettings(@Nullable Path trust, @Nullable Path clientCertificate, @Nullable Path clientKey, String password) {

    public TlsSettings {
        Objects.requireNonNull(password, "password must not be null");
        if (clientKey != null && clientCertificate == null) {
            throw new IllegalArgumentException("a client key (%s) needs its client certificate".formatted(clientKey));
        }
    }

    /** Trust the JDK's default CA certificates; no client certificate. */
    public static TlsSettings defaults() {
        return new TlsSettings(null, null, null, "");
    }

    /** Trust the CA certificates in {@code file} (PEM or PKCS#12) instead of the JDK's. */
    public TlsSettings withTrust(Path file) {
        return new TlsSettings(file, clientCertificate, clientKey, password);
    }

    /** Show the robot this certificate (PEM chain and PEM key, or PKCS#12 with {@code key} null). */
    public TlsSettings withClientCertificate(Path certificate, @Nullable Path key) {
        return new TlsSettings(trust, certificate, key, password);
    }

    /** Open PKCS#12 files with this password. */
    public TlsSettings withPassword(String p) {
        return new TlsSettings(trust, clientCertificate, clientKey, p);
    }

    /**
     * A TLS 1.3 client context for {@code host} that trusts as these settings say, or exactly the
     * certificate pinned by {@code pin} ({@code sha256:hex}), and shows the client certificate.
     *
     * @throws IllegalArgumentException naming the file when a trust store or identity cannot be read
     */
    public javax.net.ssl.SSLContext clientContext(String host, @Nullable String pin) {
        return TlsConnector.prepare(host, 0, pin, this).context();
    }

    /** Describe the trust for messages, e.g. {@code the trust store ca.pem}. */
    String describeTrust() {
        return trust == null ? "the JDK's default CA certificates (no trust store given)" : "the trust store " + trust;
    }

    @Override
    public String toString() {
        return "TlsSettings[trust=%s, clientCertificate=%s, clientKey=%s, password=%s]"
                .formatted(trust, clientCertificate, clientKey, password.isEmpty() ? "none" : "***");
    }
}
