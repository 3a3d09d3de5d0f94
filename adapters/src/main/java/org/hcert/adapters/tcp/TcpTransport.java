package org.hcert.adapters.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.hcert.adapters.wire.Transport;

/**
 * A TCP socket, or a TLS socket over one, as a {@link Transport}: no Nagle delay, reads polled
 * every 20 ms.
 */
public final class TcpTransport implements Transport {

    /** How long a read waits for bytes before returning 0, in milliseconds. */
    static final int POLL_MS = 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpTransport(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(POLL_MS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connect to {@code host:port} within {@code timeout}. */
    public static TcpTransport connect(String host, int port, Duration timeout) throws IOException {
        return new TcpTransport(connectSocket(host, port, timeout));
    }

    /** Open a plain TCP connection to {@code host:port} within {@code timeout}. */
    static Socket connectSocket(String host, int port, Duration timeout) throws IOException {
        return connectSocket(new Socket(), host, port, timeout);
    }

    /** Connect {@code s} to {@code host:port} within {@code timeout}; closes it on failure. */
    static Socket connectSocket(Socket s, String host, int port, Duration timeout) throws IOException {
        try {
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return s;
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to %s:%d: %s".formatted(host, port, e.getMessage()), e);
        }
    }

    /**
     * Wrap a connected socket, e.g. one accepted by a robot-side server. A TLS socket must have
     * finished its handshake (the 20 ms read poll is too short for one).
     */
    public static TcpTransport over(Socket socket) throws IOException {
        return new TcpTransport(socket);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }

    @Override
    public String describe() {
        return (socket instanceof SSLSocket ? "TLS " : "TCP ") + socket.getRemoteSocketAddress();
    }
}
