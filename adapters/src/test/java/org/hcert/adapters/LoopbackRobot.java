package org.hcert.adapters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.testing.EchoRobot;

/** An {@link EchoRobot} listening on 127.0.0.1, accepting one connection. */
public final class LoopbackRobot implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<EchoRobot> robot;

    public LoopbackRobot(EchoRobot.Config config) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.robot = new CompletableFuture<>();
        Thread accept = new Thread(() -> {
            try {
                robot.complete(EchoRobot.acceptOne(server, config));
            } catch (IOException | RuntimeException e) {
                robot.completeExceptionally(e);
            }
        }, "loopback-robot-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The robot, once a link has connected (waits up to 10 s). */
    public EchoRobot robot() throws Exception {
        return robot.get(10, TimeUnit.SECONDS);
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
