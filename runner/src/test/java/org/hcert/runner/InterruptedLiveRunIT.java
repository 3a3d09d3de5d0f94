package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.mcap.JsonBodyDecoder;
import org.hcert.telemetry.mcap.McapSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or kill (SIGTERM) in the middle of a live certification of the simulator, sent
 * to a real hcert process: it says what was interrupted and where the evidence is, the robot is
 * told to stop, {@code session.mcap} is finished (read back strictly, with its summary) with the
 * abort and the stop in it, and an INCOMPLETE certificate marked aborted is written.
 */
class InterruptedLiveRunIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void anInterruptedLiveRunStopsTheRobotFinishesItsRecordingAndWritesAnAbortedCertificate(String signal, int exitCode)
            throws Exception {
        // a process started in the background by a non-interactive shell ignores SIGINT, and so do its children (the JVM
        // then installs no handler for it): Ctrl-C cannot reach such an hcert, and there is nothing to test
        org.junit.jupiter.api.Assumptions.assumeFalse(signal.equals("INT") && sigintIgnored(), "SIGINT is ignored by this test's process");
        Path out = dir.resolve("live");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File stderr = dir.resolve("stderr.txt").toFile();
        Process hcert = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                Main.class.getName(), "certify", "--simulator", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--out", out.toString(), "--no-html").redirectError(stderr).start();
        BufferedReader console = new BufferedReader(new InputStreamReader(hcert.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> console.lines().forEach(lines::add));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.startsWith("simulator:")) && System.nanoTime() < deadline && hcert.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(lines).as("the live run started; stderr: %s", Files.readString(stderr.toPath())).anyMatch(l -> l.startsWith("simulator:"));
        // the session is under way: the link is up and the first clause's live action has commanded the robot
        Path session = out.resolve("session.mcap");
        Path log = out.resolve("hcert.log");
        while (!(Files.exists(log) && Files.readString(log).contains(" sent to ")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).contains(" sent to ");
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(hcert.pid())).start().waitFor()).isZero();
        assertThat(hcert.waitFor(60, TimeUnit.SECONDS)).as("hcert ends after the signal").isTrue();
        reading.get(10, TimeUnit.SECONDS);
        assertThat(hcert.exitValue()).isEqualTo(exitCode);

        String said = String.join("\n", lines);
        assertThat(said).contains("hcert: interrupted: the run was interrupted (SIGINT or SIGTERM: Ctrl-C or kill) during the live session",
                "telling the robot to stop", "the evidence so far is in " + session,
                "hcert: an INCOMPLETE certificate marked aborted: " + out.resolve("certificate.json"));

        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(certificate.path("overall").asText()).isEqualTo("INCOMPLETE");
        assertThat(certificate.at("/run/aborted").asText()).startsWith("the run was interrupted");
        certificate.path("clauses").forEach(c -> assertThat(c.path("verdict").asText()).as(c.path("id").asText())
                .isIn("INCONCLUSIVE", "NOT_APPLICABLE"));
        assertThat(certificate.at("/evidence/recordings/0/path").asText()).endsWith("session.mcap");
        assertThat(out.resolve("manifest.json")).exists();

        // finished: read strictly (a summary and footer, no recovery), with the abort and then the stop in it
        List<Message> messages = new ArrayList<>();
        try (MessageCursor c = McapSource.strict(session, new JsonBodyDecoder()).open()) {
            c.forEachRemaining(messages::add);
        }
        int abort = indexOf(messages, m -> m.topic().equals("/hcert/session") && m.body().path("kind").asText().equals("run_aborted"));
        assertThat(abort).as("the abort is recorded").isNotNegative();
        int stop = indexOf(messages.subList(abort, messages.size()), m -> m.topic().equals("/hcert/link/command")
                && m.body().toString().contains("hcert watchdog: the harness aborted"));
        assertThat(stop).as("the stop sent after the abort is recorded").isNotNegative();
    }

    /** Whether this JVM ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status). */
    private static boolean sigintIgnored() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2L) != 0;
            }
        }
        return false;
    }

    private static int indexOf(List<Message> messages, java.util.function.Predicate<Message> p) {
        for (int i = 0; i < messages.size(); i++) {
            if (p.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
