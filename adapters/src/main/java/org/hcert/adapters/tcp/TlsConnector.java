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
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Open one TLS connection to a robot: TCP connect, TLS 1.3 handshake within the hello timeout,
 * and on failure one sentence that says why, for the link's error message.
 */
final class TlsConnector {

    private final String host;
    private final int port;
    private final @Nullable String pin;
    private final @Nullable X509ExtendedTrustManager trusted;
    private final String trustSource;
    private final KeyManager @Nullable [] keys;

    private TlsConnector(String host, int port, @Nullable String pin, @Nullable X509ExtendedTrustManager trusted, String trustSource,
            KeyManager @Nullable [] keys) {
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
        KeyManager[] keys = null;
        if (settings.clientCertificate() != null) {
            KeyStore identity = TlsFiles.identity(settings.clientCertificate(), settings.clientKey(), settings.password());
            keys = keyManagers(identity, TlsFiles.keyPassword(settings.clientKey(), settings.password()));
        }
        return new TlsConnector(host, port, pin, trusted, settings.describeTrust(), keys);
    }

    /** Connect within {@code connectTimeout} and finish the handshake within {@code handshakeTimeout}. */
    TcpTransport connect(Duration connectTimeout, Duration handshakeTimeout) throws IOException {
        ServerCheck check = pin != null ? ServerCheck.pinned(pin, host) : ServerCheck.trusting(trusted, trustSource, host);
        Socket plain = TcpTransport.connectSocket(host, port, connectTimeout);
        SSLSocket tls;
        try {
            SSLContext context = SSLContext.getInstance(TlsLink.PROTOCOL);
            context.init(keys, new TrustManager[] {check}, null);
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
            return TcpTransport.over(tls);
        } catch (IOException e) {
            tls.close();
            throw new IOException("TLS handshake failed: " + why(e, check, handshakeTimeout), e);
        }
    }

    /** Say in one sentence why a handshake failed. */
    static String why(IOException e, ServerCheck check, Duration timeout) {
        if (check.problem().isPresent()) {
            return check.problem().get();
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
