package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user meets at the command line when things are not as they should be: every error is
 * one sentence and exit 2 (a defect alone is exit 1), {@code --version} and examples everywhere,
 * help that never breaks a URI or a path.
 */
class CliRobustnessIT {

    private static final List<List<String>> COMMANDS = List.of(List.of("certify"), List.of("verify"), List.of("replay"),
            List.of("diff"), List.of("keys"), List.of("keys", "generate"), List.of("keys", "sign"), List.of("telemetry"),
            List.of("telemetry", "inspect"), List.of("telemetry", "convert"), List.of("profile"), List.of("profile", "init"),
            List.of("simulate"));

    @TempDir
    Path dir;

    @Test
    void everyCommandAnswersVersionAndItsHelpShowsAnExampleWithoutBreakingAUriOrAPath() {
        for (List<String> command : COMMANDS) {
            String[] version = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--version")).toArray(String[]::new);
            CertifyCommandIT.Run v = CertifyCommandIT.hcert(version);
            assertThat(v.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(v.stdout()).as(String.join(" ", command)).startsWith("hcert ");
            String[] help = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            CertifyCommandIT.Run h = CertifyCommandIT.hcert(help);
            assertThat(h.exitCode()).isZero();
            assertThat(h.stdout()).as("an example in the help of hcert %s", String.join(" ", command)).containsPattern("(?i)example");
            for (String line : h.stdout().lines().toList()) {
                assertThat(line.length()).as("hcert %s --help: %s", String.join(" ", command), line).isLessThanOrEqualTo(Main.HELP_WIDTH);
                // a URI or a path cut at the line's end would continue on the next line: none ends mid-token after a slash or ://
                assertThat(line).as("hcert %s --help", String.join(" ", command)).doesNotMatch(".*(://|/[A-Za-z0-9_.-]*-)$");
            }
        }
    }

    @Test
    void anUnknownOptionIsNamed() {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/conformant.ndjson",
                "--out", dir.resolve("o").toString(), "--alow-motion");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("Unknown option: '--alow-motion'").contains("--allow-motion");
    }

    @Test
    void aFullStandardOutputIsAnErrorNotASuccess() throws Exception {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) {
            return;
        }
        StringWriter err = new StringWriter();
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(full), StandardCharsets.UTF_8), true)) {
            int code = Main.run(new String[] {"--version"}, out, new PrintWriter(err, true));
            assertThat(code).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(err.toString()).contains("cannot write to standard output");
    }

    @Test
    void environmentErrorsAreExitTwoWithThePathOrPortNeverAnInternalError() throws Exception {
        CertifyCommandIT.Run missing = CertifyCommandIT.hcert("telemetry", "convert", "../samples/recordings/conformant.ndjson",
                dir.resolve("no/such/folder/out.mcap").toString());
        assertThat(missing.exitCode()).as(missing.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.stderr()).startsWith("hcert: error: ").contains(dir.resolve("no/such/folder").toString())
                .doesNotContain("internal error");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CertifyCommandIT.Run inUse = CertifyCommandIT.hcert("simulate", "--tcp", Integer.toString(taken.getLocalPort()),
                    "--seconds", "1");
            assertThat(inUse.exitCode()).as(inUse.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(inUse.stderr()).startsWith("hcert: error: ").contains(Integer.toString(taken.getLocalPort()))
                    .doesNotContain("internal error");
        }
        CertifyCommandIT.Run outOfRange = CertifyCommandIT.hcert("simulate", "--tcp", "70000");
        assertThat(outOfRange.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outOfRange.stderr()).startsWith("hcert: error: ").contains("70000").doesNotContain("internal error");

        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        readOnly.toFile().setWritable(false);
        CertifyCommandIT.Run notWritable = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/conformant.ndjson",
                "--out", readOnly.resolve("out").toString(), "--no-html");
        readOnly.toFile().setWritable(true);
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(notWritable.exitCode()).as(notWritable.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(notWritable.stderr()).contains(readOnly.toString()).doesNotContain("internal error");
        }
    }

    @Test
    void aFifoOrADeviceIsNeitherAProfileNorARecording() throws Exception {
        CertifyCommandIT.Run zero = CertifyCommandIT.hcert("certify", "--robot", "/dev/zero", "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/conformant.ndjson", "--out", dir.resolve("o").toString());
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.stderr()).contains("/dev/zero: not a regular file (a FIFO, socket or device)");
        Path fifo = dir.resolve("rec.ndjson");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                    CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", fifo.toString(), "--out",
                    dir.resolve("p").toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.stderr()).contains(fifo + ": not a regular file (a FIFO, socket or device)");
            CertifyCommandIT.Run inspect = CertifyCommandIT.hcert("telemetry", "inspect", fifo.toString());
            assertThat(inspect.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(inspect.stderr()).contains("not a regular file");
        }
    }
}
