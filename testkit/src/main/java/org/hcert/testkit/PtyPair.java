package org.hcert.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}. */
public final class PtyPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final String harnessSide;
    private final String robotSide;

    private PtyPair(Process socat, String harnessSide, String robotSide) {
        this.socat = socat;
        this.harnessSide = harnessSide;
        this.robotSide = robotSide;
    }

    /**
     * Start socat. Without socat the test is skipped on a developer's machine and fails in CI
     * (environment variable {@code CI} set), where {@code .ci/run} installs it: CI never passes
     * by skipping the serial tests.
     */
    public static PtyPair start() throws IOException, InterruptedException {
        String missing = "socat is not installed: serial links are tested over pseudo-terminal pairs made by socat (apt-get install -y socat)";
        if (System.getenv("CI") != null && !socatInstalled()) {
            throw new IllegalStateException(missing + "; CI must install it (.ci/run does)");
        }
        assumeTrue(socatInstalled(), missing);
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
        CompletableFuture<List<String>> ptys = Blocking.call(() -> readPtys(p));
        try {
            List<String> two = ptys.get(10, TimeUnit.SECONDS);
            return new PtyPair(p, two.get(0), two.get(1));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("socat did not report two PTYs within 10 s", e);
        }
    }

    private static List<String> readPtys(Process p) {
        List<String> found = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while (found.size() < 2 && (line = err.readLine()) != null) {
                Matcher m = PTY.matcher(line);
                if (m.find()) {
                    found.add(m.group(1));
                }
            }
            Thread drain = new Thread(() -> {
                try {
                    while (err.readLine() != null) {
                        // socat logs each transfer at -d -d; keep its pipe from filling.
                    }
                } catch (IOException e) {
                    // socat exited
                }
            }, "socat-stderr");
            drain.setDaemon(true);
            drain.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            socat.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socat.destroyForcibly();
    }


    /** The device the harness opens, e.g. {@code /dev/pts/3}. */
    public String harnessSide() {
        return harnessSide;
    }

    /** The device the robot side opens. */
    public String robotSide() {
        return robotSide;
    }
}
