package org.hcert.adapters;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.recording.SessionRecorder;
import org.hcert.adapters.safety.Watchdog;
import org.hcert.testkit.Blocking;

/**
 * A harness in its own JVM, for tests that kill it: {@code record URI FILE} records a session;
 * {@code watchdog URI} arms a watchdog. Prints {@code READY} once connected, then waits.
 */
public final class ForkedHarness {

    private ForkedHarness() {}

    public static void main(String[] args) throws InterruptedException {
        RobotLink link = RobotLinks.of(args[1], LinkOptions.defaults());
        if (args[0].equals("record")) {
            SessionRecorder.start(Path.of(args[2]), link, Duration.ofMillis(200));
            link.connect();
        } else {
            link.connect();
            Watchdog.arm(link);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(60_000);
    }

    /** Start the forked harness and wait until it says READY. */
    public static Process start(String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, ForkedHarness.class.getName()));
        command.addAll(List.of(args));
        File stderr = File.createTempFile("forked-harness", ".err");
        stderr.deleteOnExit();
        Process p = new ProcessBuilder(command).redirectError(stderr).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = Blocking.call(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return e.toString();
            }
        });
        try {
            String line = ready.get(30, TimeUnit.SECONDS);
            if (!"READY".equals(line)) {
                throw new IOException("the forked harness said %s instead of READY; its stderr:%n%s"
                        .formatted(line, java.nio.file.Files.readString(stderr.toPath())));
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("the forked harness did not get ready within 30 s (classpath has %d entries)"
                    .formatted(classpath.split(File.pathSeparator).length), e);
        }
        return p;
    }

}
