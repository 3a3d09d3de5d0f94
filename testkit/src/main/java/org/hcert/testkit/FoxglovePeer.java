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
    /** What the echo robot printed, one JSON object per line, not yet taken by {@link #awaitEvent}. */
    private final List<String> events = new java.util.ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong instructions = new java.util.concurrent.atomic.AtomicLong();
    /** Everything the echo robot printed, in order. */
    private final List<String> all = new java.util.ArrayList<>();

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
        Path source = source();
        Files.createDirectories(INSTALLED);
        for (String f : List.of("localhost.cjs", "play-when-subscribed.cjs", "echo-robot.cjs")) {
            Files.copy(source.resolve(f), INSTALLED.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path lock = INSTALLED.resolve("package-lock.json");
        if (Files.isRegularFile(examples) && Files.isRegularFile(lock) && Files.mismatch(lock, source.resolve("package-lock.json")) < 0) {
            return examples;
        }
        for (String f : List.of("package.json", "package-lock.json")) {
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

    /**
     * Start {@code echo-robot.cjs} on a free loopback port: a robot behind a Foxglove server built on
     * {@code @foxglove/ws-protocol} that takes client channels and service calls, decodes them with
     * {@code @foxglove/rosmsg2-serialization} and reports them ({@link #awaitEvent}), and does what
     * it is told ({@link #instruct}); see the script's header for both.
     */
    public static FoxglovePeer echoRobot() throws IOException, InterruptedException {
        install();
        return start(List.of("node", INSTALLED.resolve("echo-robot.cjs").toAbsolutePath().toString()), "echo-robot", true);
    }

    private static FoxglovePeer start(List<String> command, String name) throws IOException, InterruptedException {
        return start(command, name, false);
    }

    private static FoxglovePeer start(List<String> command, String name, boolean controlled) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        java.io.File log = INSTALLED.resolve(name + "-" + port + ".log").toAbsolutePath().toFile();
        ProcessBuilder pb = new ProcessBuilder(command).directory(INSTALLED.toFile());
        if (controlled) {
            pb.redirectError(log);
        } else {
            pb.redirectErrorStream(true).redirectOutput(log);
        }
        pb.environment().put("PORT", Integer.toString(port));
        FoxglovePeer peer = new FoxglovePeer(pb.start(), port);
        if (controlled) {
            peer.readEvents();
        }
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

    private void readEvents() {
        Thread t = new Thread(() -> {
            try (java.io.BufferedReader r = process.inputReader(java.nio.charset.StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (events) {
                        events.add(line);
                        all.add(line);
                        events.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "foxglove-echo-robot-events");
        t.setDaemon(true);
        t.start();
    }

    /** Send the echo robot one instruction (a JSON object on one line) without waiting for it. */
    public void tell(String json) throws IOException {
        java.io.OutputStream in = process.getOutputStream();
        synchronized (in) {
            in.write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            in.flush();
        }
    }

    /** Send the echo robot one instruction (a JSON object on one line) and wait until it has done it. */
    public void instruct(String json) throws IOException, InterruptedException {
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("an instruction is one JSON object: " + json);
        }
        long id = instructions.incrementAndGet();
        tell(trimmed.substring(0, trimmed.length() - 1) + ", \"id\": " + id + "}");
        String done = "\"event\":\"done\"";
        String mine = "\"id\":" + id + "}";
        if (awaitEvent(e -> e.contains(done) && e.endsWith(mine), java.time.Duration.ofSeconds(10)).isEmpty()) {
            throw new IOException("the echo robot did not do " + json + " within 10 s");
        }
    }

    /** Every event the echo robot printed so far, in order, taken by {@link #awaitEvent} or not. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(all);
        }
    }

    /** The first event the echo robot printed that matches, taken from those not yet taken; empty after {@code timeout}. */
    public java.util.Optional<String> awaitEvent(java.util.function.Predicate<String> matches, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (int i = 0; i < events.size(); i++) {
                    if (matches.test(events.get(i))) {
                        return java.util.Optional.of(events.remove(i));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return java.util.Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    /** Freeze the server's process (SIGSTOP): it answers nothing, not even pings, until {@link #resume}. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Let a paused server run again (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill %s %d failed".formatted(which, process.pid()));
        }
    }

    /** The peer's URI. */
    public String uri() {
        return "ws://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            resume();
        } catch (IOException e) {
            // not paused, or gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
