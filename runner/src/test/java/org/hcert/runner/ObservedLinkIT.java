package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hcert.testkit.FoxglovePeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certify --link ws://… --observe}: a bundled recording replayed over the Foxglove
 * WebSocket protocol (by a player built on the reference package {@code @foxglove/ws-protocol},
 * which starts once the link has subscribed to every channel) is certified to the same verdicts,
 * clause for clause, as the file itself.
 */
@Timeout(120)
class ObservedLinkIT {

    private static final Path CONFORMANT = CertifyCommandIT.RECORDINGS.resolve("conformant.mcap");

    @TempDir
    Path dir;

    private static Map<String, String> verdicts(Path certificate) throws IOException {
        return Verdicts.of(certificate);
    }

    /** Certify {@code recording} from the file and replayed over the protocol; the two certificates' verdicts, file first. */
    private List<Map<String, String>> fileAndReplay(Path recording, String name) throws Exception {
        CertifyCommandIT.Run direct = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", recording.toString(), "--out",
                dir.resolve(name + "-direct").toString(), "--no-html");
        CertifyCommandIT.Run observed;
        try (FoxglovePeer peer = FoxglovePeer.playWhenSubscribed(recording)) {
            observed = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                    "--lab", CertifyCommandIT.LAB, "--link", peer.uri(), "--observe", "60", "--out", dir.resolve(name + "-observed").toString(),
                    "--no-html");
        }
        assertThat(observed.exitCode()).as(observed.stdout() + observed.stderr()).isEqualTo(direct.exitCode());
        JsonNode evidence = new ObjectMapper().readTree(dir.resolve(name + "-observed/certificate.json").toFile()).get("evidence");
        assertThat(evidence.get("mode").asText()).isEqualTo("observed");
        assertThat(evidence.get("recordings").get(0).get("path").asText()).endsWith("session.mcap");
        return List.of(verdicts(dir.resolve(name + "-direct/certificate.json")), verdicts(dir.resolve(name + "-observed/certificate.json")));
    }

    @Test
    void aRecordingReplayedOverTheFoxgloveProtocolIsJudgedAsTheFileIs() throws Exception {
        List<Map<String, String>> conformant = fileAndReplay(CONFORMANT, "conformant");
        assertThat(conformant.get(0).values()).contains("PASS").doesNotContain("FAIL");
        assertThat(conformant.get(1)).isEqualTo(conformant.get(0));
    }

    @Test
    void aNonConformantRecordingReplayedOverTheFoxgloveProtocolFailsAsTheFileDoes() throws Exception {
        Path slow = dir.resolve("slow-estop.mcap");
        CertifyCommandIT.Run convert = CertifyCommandIT.hcert("telemetry", "convert",
                CertifyCommandIT.RECORDINGS.resolve("slow-estop.ndjson").toString(), slow.toString());
        assertThat(convert.exitCode()).as(convert.stderr()).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> slowEstop = fileAndReplay(slow, "slow-estop");
        assertThat(slowEstop.get(0)).containsEntry("SE-ESTOP-01", "FAIL");
        assertThat(slowEstop.get(1)).isEqualTo(slowEstop.get(0));
    }

    @Test
    void profileInitDraftsFromWhatALiveServerSends() throws Exception {
        Path draft = dir.resolve("draft.yaml");
        CertifyCommandIT.Run run;
        try (FoxglovePeer peer = FoxglovePeer.playWhenSubscribed(CONFORMANT)) {
            // a few seconds of the replay show every topic and joint
            run = CertifyCommandIT.hcert("profile", "init", "--from-link", peer.uri(), "--observe", "3", "--out", draft.toString());
        }
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        String yaml = java.nio.file.Files.readString(draft);
        assertThat(yaml).contains("from the link ws://127.0.0.1:").contains("draft: true").contains("robotClass: full-size-biped")
                .contains("joints: [/joint_states]").contains("  - {name: left_knee, lower: ");
        org.hcert.conformance.profile.RobotProfile profile = org.hcert.conformance.profile.ProfileLoader.loadRobot(draft);
        assertThat(profile.joints()).hasSize(20);
    }

    @Test
    void profileInitTrustsAWssServerByTheLabsCa() throws Exception {
        Path draft = dir.resolve("wss-draft.yaml");
        org.hcert.adapters.tcp.TlsServer tls = org.hcert.adapters.tcp.TlsServer.of(org.hcert.testkit.TestTls.file("robot.pem"),
                org.hcert.testkit.TestTls.file("robot.key"));
        try (org.hcert.simulator.server.SimulatorServer robot = org.hcert.simulator.server.SimulatorServer.start(
                org.hcert.simulator.server.ServeConfig.foxglove(0).withTls(tls))) {
            // without the lab's CA the JDK's CA certificates do not trust the test robot: refused, naming the cause
            CertifyCommandIT.Run untrusted = CertifyCommandIT.hcert("profile", "init", "--from-link", robot.describe(), "--observe", "1",
                    "--out", draft.toString());
            assertThat(untrusted.exitCode()).as(untrusted.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(untrusted.stderr()).contains("not trusted");
            assertThat(draft).doesNotExist();
            CertifyCommandIT.Run run = CertifyCommandIT.hcert("profile", "init", "--from-link", robot.describe(), "--observe", "2",
                    "--link-trust", org.hcert.testkit.TestTls.file("ca.pem").toString(), "--out", draft.toString());
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        }
        assertThat(java.nio.file.Files.readString(draft)).contains("from the link wss://127.0.0.1:").contains("draft: true")
                .contains("joints: [/joint_states]");
    }

    @Test
    void observingNeedsALink() {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", CONFORMANT.toString(), "--observe", "5",
                "--out", dir.resolve("x").toString(), "--no-html");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("--observe watches a robot over --link");
    }
}
