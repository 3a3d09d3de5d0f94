package org.hcert.adapters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hcert.adapters.tcp.TcpTransport;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.adapters.wire.Transport;
import org.jspecify.annotations.Nullable;

/** An {@link EchoRobot} listening on 127.0.0.1, over TCP or TLS, accepting one connection. */
public final class LoopbackRobot implements RobotLinkContractTest.Peer {

    private final ServerSocket server;
    private final CompletableFuture<EchoRobot> robot;
    private final String scheme;

    public LoopbackRobot(EchoRobot.Config config) throws IOException {
        this(config, null, UnaryOperator.identity());
    }

    /** Serve TLS with {@code tls} when it is not null, plain TCP otherwise. */
    public LoopbackRobot(EchoRobot.Config config, @Nullable TlsServer tls) throws IOException {
        this(config, tls, UnaryOperator.identity());
    }

    /** Serve plain TCP, the robot's side of the connection seen through {@code transport} (a fault of the test's). */
    public LoopbackRobot(EchoRobot.Config config, UnaryOperator<Transport> transport) throws IOException {
        this(config, null, transport);
    }

    private LoopbackRobot(EchoRobot.Config config, @Nullable TlsServer tls, UnaryOperator<Transport> transport) throws IOException {
        this.server = tls == null ? new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
                : tls.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.scheme = tls == null ? "tcp" : "tls";
        this.robot = new CompletableFuture<>();
        Thread accept = new Thread(() -> {
            try {
                robot.complete(EchoRobot.serve(transport.apply(tls == null ? TcpTransport.over(server.accept())
                        : TlsServer.handshake(server.accept(), Duration.ofSeconds(10))), config));
            } catch (IOException | RuntimeException e) {
                robot.completeExceptionally(e);
            }
        }, "loopback-robot-accept");
        accept.setDaemon(true);
        accept.start();
    }

    @Override
    public String uri() {
        return scheme + "://127.0.0.1:" + server.getLocalPort();
    }

    /** The robot, once a link has connected (waits up to 10 s). */
    @Override
    public EchoRobot robot() throws Exception {
        return robot.get(10, TimeUnit.SECONDS);
    }

    @Override
    public Capabilities capabilities() {
        return WireLinkContractTest.ECHO_CAPABILITIES;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        robot.thenAccept(EchoRobot::close);
    }
}
