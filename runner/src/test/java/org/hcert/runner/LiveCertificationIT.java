package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.conformance.profile.SchemaCheck;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import org.hcert.testkit.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certify the virtual humanoid live over TCP on 127.0.0.1, healthy and with injected faults, and
 * re-certify the recorded session; once over TLS 1.3. Each live run takes about half a minute of real time.
 */
class LiveCertificationIT {

    private static final TlsServer ROBOT_TLS = TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key"));

    private static final Map<String, String> ALL_PASS = Map.of("SE-ESTOP-01", "PASS", "SE-ESTOP-02", "PASS",
            "LC-JNT-01", "PASS", "SE-BAL-01", "PASS");

    @TempDir
    Path out;

    private record Live(int exitCode, String stdout, String stderr, Map<String, String> verdicts) {}

    private Live certifyLive(List<String> faults, String operatorInput, String... extra) throws IOException {
        return certifyLive(ServeConfig.tcp(0).withFaults(faults), operatorInput, extra);
    }

    private Live certifyLive(ServeConfig served, String operatorInput, String... extra) throws IOException {
        try (SimulatorServer robot = SimulatorServer.start(served)) {
            List<String> args = new ArrayList<>(List.of("certify", "--robot", CertifyCommandIT.ROBOT,
                    "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
                    "--link", robot.describe(), "--out", out.toString(), "--no-html"));
            args.addAll(List.of(extra));
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new StringReader(operatorInput),
                    new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            return new Live(code, stdout.toString(), stderr.toString(), verdicts());
        }
    }

    private Map<String, String> verdicts() throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(SchemaCheck.validate("certificate.schema.json", certificate)).isEmpty();
        certificate.get("clauses").forEach(c -> verdicts.put(c.get("id").asText(), c.get("verdict").asText()));
        return verdicts;
    }

    @Test
    void healthySimulatorIsConformantLiveAndAgainFromItsSessionRecording() throws IOException {
        Live live = certifyLive(List.of(), "y\n", "--allow-motion", "--estop-actuator");
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.CONFORMANT);
        assertThat(live.verdicts()).containsExactlyInAnyOrderEntriesOf(ALL_PASS);
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(certificate.at("/evidence/mode").asText()).isEqualTo("live");
        assertThat(certificate.at("/evidence/confirmations/0/operator").asText()).isEqualTo("Demo Operator");

        Path session = out.resolve("session.mcap");
        Path replayOut = out.resolve("replay");
        CertifyCommandIT.Run replay = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT,
                "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
                "--recording", session.toString(), "--out", replayOut.toString(), "--no-html");
        assertThat(replay.exitCode()).as(replay.stdout() + replay.stderr()).isEqualTo(ExitCodes.CONFORMANT);
    }

    @Test
    void healthySimulatorIsConformantLiveOverTls() throws IOException {
        Live live = certifyLive(ServeConfig.tls(0, ROBOT_TLS), "y\n", "--allow-motion", "--estop-actuator",
                "--link-trust", TestTls.file("ca.pem").toString());
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.CONFORMANT);
        assertThat(live.verdicts()).containsExactlyInAnyOrderEntriesOf(ALL_PASS);
    }

    @Test
    void refusesARobotWhoseCertificateTheLabDoesNotTrustWithAUsageErrorNamingTheUri() throws IOException {
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.tls(0, ROBOT_TLS))) {
            CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT,
                    "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--link", robot.describe() + "?token=s3cret",
                    "--link-trust", TestTls.file("other-ca.pem").toString(), "--out", out.toString(), "--no-html", "--non-interactive");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.stderr()).startsWith("hcert: error: cannot connect to the robot: %s?token=***: cannot open the link: "
                    .formatted(robot.describe()) + "TLS handshake failed: the robot's certificate is not trusted: CN=robot on 127.0.0.1,O=hcert tests "
                    + "(issued by CN=hcert test lab CA,O=hcert tests, fingerprint sha256:")
                    .contains("does not chain to a CA certificate in the trust store " + TestTls.file("other-ca.pem"))
                    .doesNotContain("s3cret").doesNotContain("\tat ");
        }
    }

    @Test
    void refusesTlsOptionsForAPlainTcpLink() {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT,
                "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--link", "tcp://127.0.0.1:9?token=s3cret",
                "--link-trust", TestTls.file("ca.pem").toString(), "--out", out.toString(), "--no-html");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).isEqualTo("""
                hcert: error: --link-trust, --link-cert and --link-key apply to tls:// links only; the link is tcp://127.0.0.1:9?token=***
                """);
    }

    @Test
    void builtInSimulatorWithSlowEstopFailsOnlyTheEmergencyStopClause() throws IOException {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--simulator=slow-estop",
                "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
                "--out", out.toString(), "--no-html");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        assertThat(run.stdout()).startsWith("simulator:   tcp://127.0.0.1:").contains("with faults slow-estop");
        assertThat(verdicts()).containsOnly(Map.entry("SE-ESTOP-01", "FAIL"), Map.entry("SE-ESTOP-02", "PASS"),
                Map.entry("LC-JNT-01", "PASS"), Map.entry("SE-BAL-01", "PASS"));
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(certificate.at("/evidence/confirmations/0/operator").asText())
                .startsWith("hcert (simulated robot, no person at risk");
    }

    @Test
    void unknownSimulatorFaultIsAUsageError() {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--simulator=wobbly",
                "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).startsWith("hcert: error: unknown fault \"wobbly\"");
    }


    @Test
    void fallOnStopFailsTheBalanceClauseAndLeavesTheRobotUntestable() throws IOException {
        Live live = certifyLive(List.of("fall-on-stop"), "y\n", "--allow-motion", "--estop-actuator");
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        // Balance runs before the e-stop clauses; a fallen robot refuses to walk, so those cannot be judged.
        assertThat(live.verdicts()).containsOnly(Map.entry("SE-BAL-01", "FAIL"), Map.entry("LC-JNT-01", "PASS"),
                Map.entry("SE-ESTOP-01", "INCONCLUSIVE"), Map.entry("SE-ESTOP-02", "INCONCLUSIVE"));
        assertThat(live.stdout()).contains("the robot refused the walk command: HC-1 has fallen");
    }


    @ParameterizedTest(name = "{0} fails only {1}")
    @CsvSource(delimiter = '|', textBlock = """
            drive-power-not-removed | SE-ESTOP-01 | drive power at end of stop (1 = on): 1 ratio (limit ≤ 0 ratio, C) OUTSIDE LIMIT
            joint-limit-overrun     | LC-JNT-01   | joint overrun beyond soft limit (
            restart-after-reset     | SE-ESTOP-02 | largest joint speed between reset and start
            """)
    void aModelFaultFailsExactlyItsClause(String fault, String clause, String evidence) throws IOException {
        Live live = certifyLive(List.of(fault), "y\n", "--allow-motion", "--estop-actuator");
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        Map<String, String> expected = new LinkedHashMap<>(ALL_PASS);
        expected.put(clause, "FAIL");
        assertThat(live.verdicts()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(live.stdout()).contains(evidence).contains("OUTSIDE LIMIT");
    }

    @Test
    void faultsNoClauseJudgesYetChangeNoVerdict() throws IOException {
        // Speed in reduced-speed mode and contact force have no clause in the catalogue's bundled
        // features yet: injecting those faults must leave every verdict as for a healthy robot.
        Live live = certifyLive(List.of("overspeed-reduced", "excessive-contact-force"), "y\n", "--allow-motion",
                "--estop-actuator");
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.CONFORMANT);
        assertThat(live.verdicts()).containsExactlyInAnyOrderEntriesOf(ALL_PASS);
    }


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dropped-frames", "corrupted-frames", "stalled-link=5"})
    void lostOrDamagedFramesLoseTheLinkAndNothingPasses(String fault) throws IOException {
        Live live = certifyLive(List.of(fault), "y\n", "--allow-motion", "--estop-actuator");
        assertThat(live.exitCode()).as(live.stdout() + live.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(live.verdicts().values()).containsOnly("INCONCLUSIVE");
        assertThat(live.stdout()).contains("link lost: ").contains("sequence");
    }

    @Test
    void withoutAllowMotionNothingMovesAndEveryClauseIsInconclusive() throws IOException {
        Live live = certifyLive(List.of(), "", "--estop-actuator");
        assertThat(live.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(live.verdicts().values()).containsOnly("INCONCLUSIVE");
        assertThat(live.stdout()).contains("the harness may not move the robot: walk command refused: motion is not allowed");
    }
}
