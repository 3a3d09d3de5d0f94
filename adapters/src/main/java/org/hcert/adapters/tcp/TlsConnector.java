package org.hcert.adapters.tcp;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Open one TLS connection to a robot: TCP connect, TLS 1.3 handshake within the hello timeout,
 * and on failure one sentence that says why, for the link's error message.
 */
final class TlsConnector {

    /** How long to wait for a robot's refusal when it asked for a client certificate and got none, in ms: {@value}. */
    static final int NO_CERTIFICATE_WAIT_MS = 1000;

    private final String host;
    private final int port;
    private final @Nullable String pin;
    private final @Nullable X509ExtendedTrustManager trusted;
    private final String trustSource;
    private final @Nullable X509ExtendedKeyManager keys;

    private TlsConnector(String host, int port, @Nullable String pin, @Nullable X509ExtendedTrustManager trusted, String trustSource,
            @Nullable X509ExtendedKeyManager keys) {
        this.host = host;
        this.port = port;
        this.pin = pin;
        this.trusted = trusted;
        this.trustSource = trustSource;
        this.keys = keys;
    }

    /** Read the trust store (unless pinned) and the client identity now. */
    static TlsConnector prepare(String host, int port, @Nullable String pin, TlsSettings settings) {
        X509ExtendedTrustManager trusted = pin == null ? trustManager(settings.trust() == null ? null
                : TlsFiles.trustStore(settings.trust(), settings.password())) : null;
        X509ExtendedKeyManager keys = null;
        if (settings.clientCertificate() != null) {
            KeyStore identity = TlsFiles.identity(settings.clientCertificate(), settings.clientKey(), settings.password());
            for (KeyManager k : keyManagers(identity, TlsFiles.keyPassword(settings.clientKey(), settings.password()))) {
                if (k instanceof X509ExtendedKeyManager x) {
                    keys = x;
                }
            }
        }
        return new TlsConnector(host, port, pin, trusted, settings.describeTrust(), keys);
    }

    /**
     * A TLS 1.3 client context that checks the robot's certificate as {@link #connect} does (the
     * pin, or the trust store and the host name) and shows the client certificate, for clients
     * that make their own connections (the JDK's WebSocket client of {@code wss://} links).
     */
    SSLContext context() {
        ServerCheck check = pin != null ? ServerCheck.pinned(pin, host) : ServerCheck.trusting(java.util.Objects.requireNonNull(trusted, "prepare() reads a trust store unless pinned"), trustSource, host);
        try {
            SSLContext context = SSLContext.getInstance(TlsLink.PROTOCOL);
            context.init(new KeyManager[] {new ClientKeys(keys)}, new TrustManager[] {check}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Connect within {@code connectTimeout} and finish the handshake within {@code handshakeTimeout}. */
    TcpTransport connect(Duration connectTimeout, Duration handshakeTimeout) throws IOException {
        ServerCheck check = pin != null ? ServerCheck.pinned(pin, host) : ServerCheck.trusting(java.util.Objects.requireNonNull(trusted, "prepare() reads a trust store unless pinned"), trustSource, host);
        ClientKeys client = new ClientKeys(keys);
        Socket plain = TcpTransport.connectSocket(new BufferedSocket(), host, port, connectTimeout);
        SSLSocket tls;
        try {
            SSLContext context = SSLContext.getInstance(TlsLink.PROTOCOL);
            context.init(new KeyManager[] {client}, new TrustManager[] {check}, null);
            tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        } catch (GeneralSecurityException | IOException e) {
            plain.close();
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(new String[] {TlsLink.PROTOCOL});
        if (check.checksHost()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        tls.setSSLParameters(parameters);
        try {
            tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, handshakeTimeout.toMillis()));
            tls.startHandshake();
            if (client.asked() && !client.hasIdentity()) {
                awaitVerdictOnNoCertificate(tls);
            }
            return TcpTransport.over(tls);
        } catch (IOException e) {
            tls.close();
            throw new IOException("TLS handshake failed: " + why(e, check, handshakeTimeout), e);
        }
    }

    /**
     * The robot asked for a client certificate and got none: wait up to {@link #NO_CERTIFICATE_WAIT_MS}
     * for its refusal (an alert), which TLS 1.3 delivers after the client's handshake. A robot that
     * only wanted one sends nothing before the HELLO, and the wait ends with a timeout.
     */
    private static void awaitVerdictOnNoCertificate(SSLSocket tls) throws IOException {
        tls.setSoTimeout(NO_CERTIFICATE_WAIT_MS);
        int b;
        try {
            b = tls.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return;
        } catch (IOException e) {
            throw new Refusal("the robot requires a client certificate and the harness showed none (%s); give one with hcert certify --link-cert FILE --link-key FILE"
                    .formatted(e.getMessage()), e);
        }
        throw new Refusal(b < 0 ? "the robot asked for a client certificate, got none, and closed the connection; give one with hcert certify --link-cert FILE --link-key FILE"
                : "the robot sent data before the HELLO (a protocol violation)", null);
    }

    /** A failure already said in words. */
    private static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** Say in one sentence why a handshake failed. */
    static String why(IOException e, ServerCheck check, Duration timeout) {
        if (check.problem().isPresent()) {
            return check.problem().get();
        }
        if (e instanceof Refusal) {
            return String.valueOf(e.getMessage());
        }
        String m = String.valueOf(e.getMessage());
        if (has(e, SocketTimeoutException.class)) {
            return "no TLS answer from the robot within %d ms; does it serve plain TCP on this port? Then use tcp://"
                    .formatted(timeout.toMillis());
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return "the robot answered with bytes that are not TLS; does it serve plain TCP on this port? Then use tcp://";
        }
        if (m.contains("protocol_version")) {
            return "the robot does not speak TLS 1.3, the only version hcert offers";
        }
        if (m.contains("certificate_required") || m.contains("bad_certificate")) {
            return "the robot requires a client certificate, or refused the one given (%s)".formatted(m);
        }
        if (has(e, EOFException.class) || has(e, SocketException.class) || m.contains("Remote host terminated")) {
            return "the robot closed the connection during the TLS handshake; does it serve plain TCP on this port, or want a client certificate?";
        }
        return m;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static X509ExtendedTrustManager trustManager(@Nullable KeyStore store) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trust store: " + e.getMessage(), e);
        }
    }

    static KeyManager[] keyManagers(KeyStore identity, char[] password) {
        try {
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(identity, password);
            return f.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the certificate's private key: " + e.getMessage(), e);
        }
    }
}
