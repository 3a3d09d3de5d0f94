package org.hcert.adapters.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The robot side of a {@code tls://} link: a TLS 1.3 server socket with the robot's certificate,
 * for bridges written in Java, the simulator and tests.
 *
 * @param certificate the robot's certificate chain (PEM), or a PKCS#12 file holding chain and key
 * @param key the PKCS#8 PEM private key of {@code certificate}; null for PKCS#12
 * @param clientCa when not null, require a client certificate signed by a CA in this file (PEM or
 *     PKCS#12): mutual TLS
 * @param password the password of PKCS#12 files; empty for none (never printed)
 */
public record TlsServer(Path certificate, @Nullable Path key, @Nullable Path clientCa, String password) {

    /** How long an accepted connection has to finish its handshake, in ms: {@value}. */
    public static final long HANDSHAKE_TIMEOUT_MS = 5000;

    public TlsServer {
        Objects.requireNonNull(certificate, "certificate must not be null");
        Objects.requireNonNull(password, "password must not be null");
    }

    /** Serve {@code certificate} with {@code key} (null for PKCS#12), no client certificates, empty password. */
    public static TlsServer of(Path certificate, @Nullable Path key) {
        return new TlsServer(certificate, key, null, "");
    }

    public TlsServer withClientCa(@Nullable Path file) {
        return new TlsServer(certificate, key, file, password);
    }

    public TlsServer withPassword(String p) {
        return new TlsServer(certificate, key, clientCa, p);
    }

    /**
     * The robot's certificate, read from the files.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public X509Certificate leaf() {
        return TlsFiles.leaf(TlsFiles.identity(certificate, key, password));
    }

    /**
     * Bind a TLS server socket to {@code address}. Accepted sockets finish their handshake in
     * {@link #handshake}.
     *
     * @throws IllegalArgumentException naming the file when the certificate, key or CA cannot be read
     */
    public ServerSocket bind(InetSocketAddress address) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context().getServerSocketFactory().createServerSocket();
        server.setEnabledProtocols(new String[] {TlsLink.PROTOCOL});
        server.setNeedClientAuth(clientCa != null);
        server.setReuseAddress(true);
        server.bind(address);
        return server;
    }

    /**
     * The server's TLS 1.3 context: its certificate and key, and the client CA when client
     * certificates are required (servers that accept their own connections, e.g. a WebSocket server).
     *
     * @throws IllegalArgumentException naming the file when the certificate, key or CA cannot be read
     */
    public SSLContext context() {
        SSLContext context;
        try {
            context = SSLContext.getInstance(TlsLink.PROTOCOL);
            TrustManagerFactory clients = null;
            if (clientCa != null) {
                clients = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                clients.init(TlsFiles.trustStore(clientCa, password));
            }
            KeyStore identity = TlsFiles.identity(certificate, key, password);
            context.init(TlsConnector.keyManagers(identity, TlsFiles.keyPassword(key, password)),
                    clients == null ? null : clients.getTrustManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot serve TLS with %s: %s".formatted(certificate, e.getMessage()), e);
        }
        return context;
    }

    /**
     * Finish the handshake of a socket accepted by a server from {@link #bind} within
     * {@code timeout}, and wrap it as a transport.
     *
     * @throws IOException saying why the handshake failed; the socket is closed
     */
    public static TcpTransport handshake(Socket accepted, Duration timeout) throws IOException {
        if (!(accepted instanceof SSLSocket tls)) {
            throw new IllegalArgumentException("not a socket accepted by a TLS server: " + accepted);
        }
        try {
            tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            tls.startHandshake();
            return TcpTransport.over(tls);
        } catch (IOException e) {
            tls.close();
            String m = String.valueOf(e.getMessage());
            String why = m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext connection")
                    ? "the peer does not speak TLS (a harness connecting with tcp:// instead of tls://?)"
                    : e instanceof SocketTimeoutException ? "no TLS handshake within %d ms".formatted(timeout.toMillis()) : m;
            throw new IOException("TLS handshake failed: " + why, e);
        }
    }

    @Override
    public String toString() {
        return "TlsServer[certificate=%s, key=%s, clientCa=%s, password=%s]"
                .formatted(certificate, key, clientCa, password.isEmpty() ? "none" : "***");
    }
}
