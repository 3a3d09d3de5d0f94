package org.hcert.adapters.tcp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * Check the robot's certificate for one connection: against a pin, or against the trust store
 * and then the host name, keeping the first problem in words for the link's error message (JSSE's
 * own exceptions say "PKIX path building failed").
 */
final class ServerCheck extends X509ExtendedTrustManager {

    private final @Nullable X509ExtendedTrustManager trusted;
    private final @Nullable String pin;
    private final String trustSource;
    private final String host;
    private volatile @Nullable String problem;

    private ServerCheck(@Nullable X509ExtendedTrustManager trusted, @Nullable String pin, String trustSource, String host) {
        this.trusted = trusted;
        this.pin = pin;
        this.trustSource = trustSource;
        this.host = host;
    }

    /** Accept exactly the certificate whose SHA-256 fingerprint is {@code pin} ({@code sha256:hex}). */
    static ServerCheck pinned(String pin, String host) {
        return new ServerCheck(null, pin, "", host);
    }

    /** Accept a certificate that chains to {@code trusted} and names {@code host}. */
    static ServerCheck trusting(X509ExtendedTrustManager trusted, String trustSource, String host) {
        return new ServerCheck(trusted, null, trustSource, host);
    }

    /** Whether the host name is checked by this trust manager (not when pinned). */
    boolean checksHost() {
        return pin == null;
    }

    /** What was wrong with the robot's certificate, if the check refused it. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable Socket socket) throws CertificateException {
        check(chain, authType, socket, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, @Nullable SSLEngine engine) throws CertificateException {
        check(chain, authType, null, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    private void check(X509Certificate[] chain, String authType, @Nullable Socket socket, @Nullable SSLEngine engine)
            throws CertificateException {
        X509Certificate leaf = chain[0];
        String fingerprint = TlsFiles.fingerprint(leaf);
        if (pin != null) {
            if (!pin.equals(fingerprint)) {
                throw refuse("the robot's certificate (%s) is not the pinned one: its fingerprint is %s, the link URI pins %s"
                        .formatted(name(leaf.getSubjectX500Principal()), fingerprint, pin), null);
            }
            return;
        }
        X509ExtendedTrustManager t = trusted;
        if (t == null) {
            throw new IllegalStateException("neither a pin nor a trust store");
        }
        try {
            t.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refuse("the robot's certificate is not trusted: %s (issued by %s, fingerprint %s) %s; trust the CA that issued it, or pin this certificate with pin=%s"
                    .formatted(name(leaf.getSubjectX500Principal()), name(leaf.getIssuerX500Principal()), fingerprint,
                            whyUntrusted(leaf), fingerprint), e);
        }
        try {
            if (socket != null) {
                t.checkServerTrusted(chain, authType, socket);
            } else if (engine != null) {
                t.checkServerTrusted(chain, authType, engine);
            }
        } catch (CertificateException e) {
            throw refuse("the robot's certificate is not for the host %s: it names %s; connect by a name it lists, or pin it with pin=%s"
                    .formatted(host, names(leaf), fingerprint), e);
        }
    }

    private CertificateException refuse(String why, @Nullable Throwable cause) {
        problem = why;
        return new CertificateException(why, cause);
    }

    private String whyUntrusted(X509Certificate leaf) {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            return "has expired (valid until %s)".formatted(leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return "is not valid before %s".formatted(leaf.getNotBefore().toInstant());
        }
        return "does not chain to a CA certificate in " + trustSource;
    }

    private static String name(X500Principal p) {
        return p.getName(X500Principal.RFC2253);
    }

    private static String names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        names.add((type == 2 ? "DNS:" : "IP:") + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the subject
        }
        return names.isEmpty() ? "no host (subject " + name(leaf.getSubjectX500Principal()) + ", no subject alternative names)"
                : String.join(", ", names);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, @Nullable Socket socket) throws CertificateException {
        throw new CertificateException("the harness side of a link accepts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, @Nullable SSLEngine engine) throws CertificateException {
        throw new CertificateException("the harness side of a link accepts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the harness side of a link accepts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trusted == null ? new X509Certificate[0] : trusted.getAcceptedIssuers();
    }
}
