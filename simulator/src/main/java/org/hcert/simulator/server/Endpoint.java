package org.hcert.simulator.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hcert.adapters.robotside.RobotSession;
import org.hcert.adapters.tcp.TcpTransport;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.wire.Transport;
import org.jspecify.annotations.Nullable;

/**
 * Where a server meets its harness: one session at a time over a serial line, or one connection at
 * a time on a TCP (or TLS) port, the next waiting in the listen backlog. Runs on its own thread
 * until the server stops.
 */
final class Endpoint implements Runnable {

    private final ServeConfig config;
    private final @Nullable ServerSocket listener;
    private final @Nullable Transport serial;
    private final Function<Transport, RobotSession> open;
    private final BooleanSupplier running;
    private final Consumer<String> say;

    /**
     * @param open starts the robot side of a session over a transport
     * @param running whether the server still runs
     */
    Endpoint(ServeConfig config, @Nullable ServerSocket listener, @Nullable Transport serial,
            Function<Transport, RobotSession> open, BooleanSupplier running, Consumer<String> say) {
        this.config = config;
        this.listener = listener;
        this.serial = serial;
        this.open = open;
        this.running = running;
        this.say = say;
    }

    @Override
    public void run() {
        Transport line = serial;
        if (line != null) {
            awaitEnd(open.apply(line));
            if (running.getAsBoolean()) {
                say.accept("serial port %s closed: %s".formatted(config.serialDevice(), "the transport failed"));
            }
            return;
        }
        ServerSocket port = listener;
        while (running.getAsBoolean() && port != null) {
            Socket socket;
            try {
                socket = port.accept();
            } catch (IOException e) {
                if (running.getAsBoolean()) {
                    say.accept("cannot accept connections: " + e.getMessage());
                }
                return;
            }
            String from = String.valueOf(socket.getRemoteSocketAddress());
            say.accept("connection from " + from);
            try {
                awaitEnd(open.apply(config.tls() == null ? TcpTransport.over(socket)
                        : TlsServer.handshake(socket, Duration.ofMillis(TlsServer.HANDSHAKE_TIMEOUT_MS))));
            } catch (IOException e) {
                say.accept("connection from %s failed: %s".formatted(from, e.getMessage()));
            }
            say.accept("connection from %s closed".formatted(from));
        }
    }

    private static void awaitEnd(RobotSession s) {
        try {
            s.join(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
