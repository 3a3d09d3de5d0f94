package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.testkit.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandIT {

    @TempDir
    Path dir;

    @Test
    void rejectsAnUnknownFaultWithTheListOfValidOnes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate", "--tcp", "0", "--fault", "teleport"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                hcert: error: unknown fault "teleport"; valid faults: slow-estop, drive-power-not-removed, restart-after-reset, \
                overspeed-reduced, excessive-contact-force, fall-on-stop, joint-limit-overrun, dropped-frames, corrupted-frames, \
                stalled-link, clock-jump, unsigned-model, no-provenance, wrong-robot-id, overheating-actuator, joint-overspeed, \
                battery-overheat, walk-speed-cap-off, hot-surface, stream-below-rate, stream-clock-offset, slow-walk, \
                fault-on-normal-stop, safety-fault-ignored, estop-not-latched, restart-after-power, \
                no-brakes-on-power-loss, no-self-test, self-test-fails-but-moves
                """);
    }

    @Test
    void rejectsNeitherTcpNorSerial() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("hcert: error: give exactly one of --tcp PORT, --tls PORT, --foxglove PORT and --serial DEVICE\n");
    }

    @Test
    void rejectsTlsWithoutACertificate() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"simulate", "--tls", "0"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("hcert: error: --tls needs --cert FILE (and --key FILE for PEM)\n");
    }

    @Test
    void namesAKeyFileThatIsNotAPemPrivateKey() {
        StringWriter err = new StringWriter();
        String cert = TestTls.file("robot.pem").toString();
        int code = Main.run(new String[] {"simulate", "--tls", "0", "--cert", cert, "--key", cert, "--seconds", "1"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("hcert: error: %s holds no PEM private key; expected -----BEGIN PRIVATE KEY-----\n".formatted(cert));
    }

    @Test
    void servesTlsAndPrintsTheCertificatesFingerprint() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread cli = new Thread(() -> Main.run(new String[] {"simulate", "--tls", String.valueOf(port), "--cert",
                TestTls.file("self-signed.pem").toString(), "--key", TestTls.file("self-signed.key").toString(), "--seconds", "3",
                "--log", dir.resolve("simulate.log").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true)));
        cli.start();
        Matcher fp = Pattern.compile("fingerprint (sha256:[0-9a-f]{64})").matcher("");
        for (int i = 0; i < 100 && !fp.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertThat(fp.reset(out.toString()).find()).as("the fingerprint line in: %s; stderr: %s", out, err).isTrue();
        // hcert certify's default timeouts: a cold JVM decrypting 3,400 frames/s on a busy machine may lag at first.
        LinkOptions tolerant = LinkOptions.defaults().withLinkTimeout(Duration.ofSeconds(3)).withAnswerTimeout(Duration.ofSeconds(2));
        try (RobotLink link = RobotLinks.of("tls://127.0.0.1:%d?pin=%s".formatted(port, fp.group(1)), tolerant)) {
            link.connect();
            assertThat(link.send(new Command.SoftwareStop("tls test")).accepted()).isTrue();
        }
        cli.join(Duration.ofSeconds(10).toMillis());
        assertThat(out.toString()).contains("hcert simulate: serving hcert simulator ", " on tls://127.0.0.1:" + port,
                "hcert simulate: TLS 1.3 certificate CN=robot-7 self-signed, valid until ", "hcert simulate: session opened");
    }

    @Test
    void servesForTheGivenSecondsPrintingConnectionsAndCommands() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StringWriter out = new StringWriter();
        Thread cli = new Thread(() -> Main.run(new String[] {"simulate", "--tcp", String.valueOf(port), "--seconds", "3",
                "--log", dir.resolve("simulate.log").toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter())));
        cli.start();
        Thread.sleep(700);
        try (RobotLink link = RobotLinks.of("tcp://127.0.0.1:" + port, LinkOptions.defaults())) {
            link.connect();
            assertThat(link.send(new Command.Walk(0.2, 0, 0)).accepted()).isTrue();
        }
        cli.join(Duration.ofSeconds(10).toMillis());
        assertThat(cli.isAlive()).isFalse();
        assertThat(out.toString()).contains("hcert simulate: serving hcert simulator ", "hcert simulate: connection from /127.0.0.1:",
                "hcert simulate: command {\"cmd\":\"walk\",\"vx\":0.2,\"vy\":0.0,\"wz\":0.0} -> ACK",
                "hcert simulate: software stop: the session ended: ", "hcert simulate: stopped");
        // The harness says BYE and closes at once; the robot side still reads the BYE before the end of stream.
        assertThat(out.toString()).contains("software stop: the session ended: the harness said BYE");
        assertThat(out.toString()).startsWith("hcert simulate: log " + dir.resolve("simulate.log") + "\n");
        assertThat(Files.readString(dir.resolve("simulate.log"))).contains(
                "INFO  [", "o.h.simulator.server.SimulatorServer - connection from /127.0.0.1:",
                "command {\"cmd\":\"walk\",\"vx\":0.2,\"vy\":0.0,\"wz\":0.0} -> ACK",
                "software stop: the session ended: the harness said BYE");
    }
}
