package org.hcert.adapters.foxglove;

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
 * The reference Foxglove WebSocket server of the protocol's authors (npm
 * {@code @foxglove/ws-protocol-examples}, pinned in {@code src/test/node/foxglove-peer}), run by
 * Node on 127.0.0.1 only. Installed once per build under {@code target/foxglove-peer} with
 * {@code npm ci}.
 */
final class FoxglovePeer implements AutoCloseable {

    private static final Path SOURCE = Path.of("src/test/node/foxglove-peer");
    private static final Path INSTALLED = Path.of("target/foxglove-peer");

    private final Process process;
    private final int port;

    private FoxglovePeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code npm ci} the pinned peer into target/, unless it is there. */
    static synchronized Path install() throws IOException, InterruptedException {
        Path examples = INSTALLED.resolve("node_modules/@foxglove/ws-protocol-examples/dist/cjs/ws-protocol-examples/src/index.js");
        if (Files.isRegularFile(examples)) {
            return examples;
        }
        Files.createDirectories(INSTALLED);
        for (String f : List.of("package.json", "package-lock.json", "localhost.cjs")) {
            Files.copy(SOURCE.resolve(f), INSTALLED.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(INSTALLED.toFile())
                .redirectErrorStream(true).redirectOutput(INSTALLED.resolve("npm-ci.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IOException("npm ci of the Foxglove peer failed; see " + INSTALLED.resolve("npm-ci.log").toAbsolutePath());
        }
        return examples;
    }

    /** Start {@code mcap-play FILE} on a free loopback port; it plays once its first client connects, then exits. */
    static FoxglovePeer mcapPlay(Path mcap) throws IOException, InterruptedException {
        Path examples = install();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("node", "-r", INSTALLED.resolve("localhost.cjs").toAbsolutePath().toString(),
                examples.toAbsolutePath().toString(), "mcap-play", mcap.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(INSTALLED.resolve("mcap-play-" + port + ".log").toFile());
        pb.environment().put("PORT", Integer.toString(port));
        FoxglovePeer peer = new FoxglovePeer(pb.start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return peer;
            } catch (IOException notYet) {
                if (!peer.process.isAlive()) {
                    throw new IOException("mcap-play exited with code " + peer.process.exitValue() + " before listening; see "
                            + INSTALLED.resolve("mcap-play-" + port + ".log").toAbsolutePath());
                }
                Thread.sleep(50);
            }
        }
        peer.close();
        throw new IOException("mcap-play did not listen on 127.0.0.1:" + port + " within 30 s");
    }

    /** The peer's URI. */
    String uri() {
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
