package org.hcert.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Foxglove WebSocket servers for the tests, run by Node on 127.0.0.1 only: the protocol authors'
 * reference server ({@code mcap-play} of npm {@code @foxglove/ws-protocol-examples}) and a player
 * built on the same package that waits for its client's subscriptions
 * ({@code play-when-subscribed.cjs}), both pinned in {@code testkit/node-foxglove-peer}. Installed
 * once per module's build under its {@code target/foxglove-peer} with {@code npm ci}.
 */
public final class FoxglovePeer implements AutoCloseable {

    private static final Path INSTALLED = Path.of("target/foxglove-peer");

    private final Process process;
    private final int port;

    private FoxglovePeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The peer's pinned sources, found from a module's folder (the tests run in one). */
    private static Path source() throws IOException {
        for (Path p : List.of(Path.of("../testkit/node-foxglove-peer"), Path.of("testkit/node-foxglove-peer"), Path.of("node-foxglove-peer"))) {
            if (Files.isRegularFile(p.resolve("package-lock.json"))) {
                return p;
            }
        }
        throw new IOException("testkit/node-foxglove-peer not found from " + Path.of("").toAbsolutePath());
    }

    /** {@code npm ci} the pinned peer into target/, unless it is there. */
    static synchronized Path install() throws IOException, InterruptedException {
        Path examples = INSTALLED.resolve("node_modules/@foxglove/ws-protocol-examples/dist/cjs/ws-protocol-examples/src/index.js");
        if (Files.isRegularFile(examples)) {
            return examples;
        }
        Files.createDirectories(INSTALLED);
        Path source = source();
        for (String f : List.of("package.json", "package-lock.json", "localhost.cjs", "play-when-subscribed.cjs")) {
            Files.copy(source.resolve(f), INSTALLED.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(INSTALLED.toFile())
                .redirectErrorStream(true).redirectOutput(INSTALLED.resolve("npm-ci.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IOException("npm ci of the Foxglove peer failed; see " + INSTALLED.resolve("npm-ci.log").toAbsolutePath());
        }
        return examples;
    }

    /** Start {@code mcap-play FILE} on a free loopback port; it plays once its first client connects, then exits. */
    public static FoxglovePeer mcapPlay(Path mcap) throws IOException, InterruptedException {
        Path examples = install();
        return start(List.of("node", "-r", INSTALLED.resolve("localhost.cjs").toAbsolutePath().toString(),
                examples.toAbsolutePath().toString(), "mcap-play", mcap.toAbsolutePath().toString()), "mcap-play");
    }

    /**
     * Start {@code play-when-subscribed.cjs FILE} on a free loopback port: it replays the file once
     * its first client has subscribed to every channel, then closes the connection and exits.
     */
    public static FoxglovePeer playWhenSubscribed(Path mcap) throws IOException, InterruptedException {
        install();
        return start(List.of("node", INSTALLED.resolve("play-when-subscribed.cjs").toAbsolutePath().toString(),
                mcap.toAbsolutePath().toString()), "play-when-subscribed");
    }

    private static FoxglovePeer start(List<String> command, String name) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(INSTALLED.toFile())
                .redirectErrorStream(true).redirectOutput(INSTALLED.resolve(name + "-" + port + ".log").toAbsolutePath().toFile());
        pb.environment().put("PORT", Integer.toString(port));
        FoxglovePeer peer = new FoxglovePeer(pb.start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return peer;
            } catch (IOException notYet) {
                if (!peer.process.isAlive()) {
                    throw new IOException(name + " exited with code " + peer.process.exitValue() + " before listening; see "
                            + INSTALLED.resolve(name + "-" + port + ".log").toAbsolutePath());
                }
                Thread.sleep(50);
            }
        }
        peer.close();
        throw new IOException(name + " did not listen on 127.0.0.1:" + port + " within 30 s");
    }

    /** The peer's URI. */
    public String uri() {
        return "ws://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
