package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(certificate.toFile()).get("clauses")) {
            out.put(c.get("id").asText(), c.get("verdict").asText());
        }
        return out;
    }

    @Test
    void aRecordingReplayedOverTheFoxgloveProtocolIsJudgedAsTheFileIs() throws Exception {
        CertifyCommandIT.Run direct = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", CONFORMANT.toString(), "--out",
                dir.resolve("direct").toString(), "--no-html");
        CertifyCommandIT.Run observed;
        try (FoxglovePeer peer = FoxglovePeer.playWhenSubscribed(CONFORMANT)) {
            observed = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                    "--lab", CertifyCommandIT.LAB, "--link", peer.uri(), "--observe", "60", "--out", dir.resolve("observed").toString(),
                    "--no-html");
        }
        assertThat(observed.exitCode()).as(observed.stdout() + observed.stderr()).isEqualTo(direct.exitCode());
        Map<String, String> fromFile = verdicts(dir.resolve("direct/certificate.json"));
        assertThat(fromFile.values()).contains("PASS");
        assertThat(verdicts(dir.resolve("observed/certificate.json"))).isEqualTo(fromFile);
        JsonNode evidence = new ObjectMapper().readTree(dir.resolve("observed/certificate.json").toFile()).get("evidence");
        assertThat(evidence.get("mode").asText()).isEqualTo("observed");
        assertThat(evidence.get("recordings").get(0).get("path").asText()).endsWith("session.mcap");
    }

    @Test
    void profileInitDraftsFromWhatALiveServerSends() throws Exception {
        Path draft = dir.resolve("draft.yaml");
        CertifyCommandIT.Run run;
        try (FoxglovePeer peer = FoxglovePeer.playWhenSubscribed(CONFORMANT)) {
            run = CertifyCommandIT.hcert("profile", "init", "--from-link", peer.uri(), "--observe", "60", "--out", draft.toString());
        }
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        String yaml = java.nio.file.Files.readString(draft);
        assertThat(yaml).contains("from the link ws://127.0.0.1:").contains("draft: true").contains("robotClass: full-size-biped")
                .contains("joints: [/joint_states]").contains("  - {name: left_knee, lower: ");
        org.hcert.conformance.profile.RobotProfile profile = org.hcert.conformance.profile.ProfileLoader.loadRobot(draft);
        assertThat(profile.joints()).hasSize(20);
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
