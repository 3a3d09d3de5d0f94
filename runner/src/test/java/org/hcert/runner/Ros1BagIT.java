package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ROS 1 bags written by the reference writer (telemetry's test data, {@code data/ros1}) through
 * every command: inspect, convert without loss, profile init, and certify with a mapped profile,
 * with a robot that passes, one that fails, and a damaged bag.
 */
class Ros1BagIT {

    private static final Path BAGS = Path.of("../telemetry/src/test/resources/data/ros1");
    private static final String STANDARD = "../profiles/standards/heis-2026.yaml";
    private static final String LAB = "../profiles/labs/demo-lab.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A reviewed profile of the bags' four-joint robot; its joints' soft limits are ±{@code limitRad}. */
    private Path robot(double limitRad) throws IOException {
        String joints = String.join("\n", java.util.stream.Stream.of("left_hip", "left_knee", "right_hip", "right_knee")
                .map(j -> "  - {name: %s, lower: %s, upper: %s}".formatted(j, -limitRad, limitRad)).toList());
        return Files.writeString(dir.resolve("robot-" + limitRad + ".yaml"), """
                schema: hcert/robot-profile/v1
                identity: {manufacturer: hcert tests, model: ros1-bag robot, serial: "1", firmware: "1"}
                robotClass: compact-biped
                capabilities: [walking]
                declared: {}
                joints:
                %s
                topics:
                  joints: [/joint_states]
                  imu: [/imu]
                  odometry: [/odom]
                """.formatted(joints));
    }

    private JsonNode certify(Path robot, Path recording, String out) throws IOException {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", robot.toString(), "--standard", STANDARD, "--lab", LAB,
                "--recording", recording.toString(), "--out", dir.resolve(out).toString(), "--no-html");
        assertThat(run.stderr()).doesNotContain("Exception");
        return JSON.readTree(dir.resolve(out).resolve("certificate.json").toFile());
    }

    private static JsonNode clause(JsonNode certificate, String id) {
        for (JsonNode c : certificate.get("clauses")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clause " + id);
    }

    @Test
    void inspectListsTheBagsTopicsWithoutDecodingThem() {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "inspect", BAGS.resolve("robot-bz2.bag").toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("messages:  494 on 4 topics")
                .containsPattern("/joint_states +sensor_msgs/msg/JointState +ros1 +200 +100.00")
                .containsPattern("/odom +nav_msgs/msg/Odometry +ros1 +92 +50.00")
                .containsPattern("/rosout +rosgraph_msgs/msg/Log +ros1 +2 ")
                .doesNotContain("DAMAGED");
    }

    @Test
    void convertsToMcapKeepingTheBagsOwnSchemasAndCertifiesTheSameEitherWay() throws IOException {
        Path mcap = dir.resolve("robot.mcap");
        CertifyCommandIT.Run convert = CertifyCommandIT.hcert("telemetry", "convert", BAGS.resolve("robot-lz4.bag").toString(), mcap.toString());
        assertThat(convert.exitCode()).as(convert.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(convert.stdout()).contains("494 messages on 4 topics (mcap, zstd chunks, ros1 bodies)");
        assertThat(CertifyCommandIT.hcert("telemetry", "inspect", mcap.toString()).stdout())
                .containsPattern("/joint_states +sensor_msgs/msg/JointState +ros1/ros1msg +200 ");

        Path robot = robot(0.2);
        JsonNode fromBag = clause(certify(robot, BAGS.resolve("robot-lz4.bag"), "bag"), "LC-JNT-01");
        JsonNode fromMcap = clause(certify(robot, mcap, "mcap"), "LC-JNT-01");
        assertThat(fromBag.get("verdict").asText()).isEqualTo("PASS");
        assertThat(fromMcap.get("verdict").asText()).isEqualTo("PASS");
        for (int i = 0; i < 4; i++) {
            assertThat(fromMcap.get("measurements").get(i).get("measured").asDouble())
                    .isEqualTo(fromBag.get("measurements").get(i).get("measured").asDouble());
        }
    }

    @Test
    void aJointBeyondItsDeclaredLimitInTheBagFails() throws IOException {
        // the bag's joints swing to ±0.1 rad; limits of ±0.05 rad are overrun
        JsonNode range = clause(certify(robot(0.05), BAGS.resolve("robot-none.bag"), "narrow"), "LC-JNT-01");
        assertThat(range.get("verdict").asText()).isEqualTo("FAIL");
    }

    @Test
    void aDamagedBagStaysDamagedThroughConversionAndNeverPasses() throws IOException {
        Path unindexed = BAGS.resolve("robot-unindexed.bag");
        assertThat(CertifyCommandIT.hcert("telemetry", "inspect", unindexed.toString()).stdout())
                .contains("DAMAGED").contains("the bag has no index");
        Path mcap = dir.resolve("copy.mcap");
        CertifyCommandIT.Run convert = CertifyCommandIT.hcert("telemetry", "convert", unindexed.toString(), mcap.toString());
        assertThat(convert.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(convert.stderr()).contains("is damaged").contains("the bag has no index");

        Path robot = robot(0.2);
        for (Path recording : new Path[] {unindexed, mcap}) {
            JsonNode range = clause(certify(robot, recording, "out-" + recording.getFileName()), "LC-JNT-01");
            assertThat(range.get("verdict").asText()).as(recording.toString()).isEqualTo("INCONCLUSIVE");
            assertThat(range.toString()).contains("the bag has no index");
        }
    }

    @Test
    void severalRecordingsAndBagFoldersAreJudgedTogetherAndEveryFileIsHashed() throws IOException, Exception {
        // the bag, and a second recorder's log of the same session (a chatter topic no role maps)
        Path log = Files.writeString(dir.resolve("second-recorder.ndjson"), """
                {"t":1767261600500000000,"topic":"/chatter","type":"std_msgs/msg/String","msg":{"data":"hello"}}
                """);
        Path bag = BAGS.resolve("robot-lz4.bag");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", robot(0.2).toString(), "--standard", STANDARD,
                "--lab", LAB, "--recording", bag.toString(), "--recording", log.toString(), "--out", dir.resolve("two").toString(),
                "--no-html");
        assertThat(run.stderr()).doesNotContain("Exception");
        JsonNode certificate = JSON.readTree(dir.resolve("two/certificate.json").toFile());
        assertThat(clause(certificate, "LC-JNT-01").get("verdict").asText()).isEqualTo("PASS");
        JsonNode recordings = certificate.get("evidence").get("recordings");
        assertThat(recordings).hasSize(2);
        assertThat(recordings.get(0).get("path").asText()).isEqualTo(bag.toString());
        assertThat(recordings.get(1).get("sha256").asText()).isEqualTo(sha256(log));

        // a split rosbag2 bag folder: its metadata and each of its five files
        Path wbag = Path.of("../telemetry/src/test/resources/data/rosbag2/rosbag2_py/test/resources/mcap/wbag");
        CertifyCommandIT.hcert("certify", "--robot", robot(0.2).toString(), "--standard", STANDARD, "--lab", LAB,
                "--recording", wbag.toString(), "--out", dir.resolve("folder").toString(), "--no-html");
        JsonNode folder = JSON.readTree(dir.resolve("folder/certificate.json").toFile()).get("evidence").get("recordings");
        assertThat(folder).hasSize(6);
        assertThat(folder.get(0).get("path").asText()).endsWith("metadata.yaml");
        assertThat(folder.get(5).get("sha256").asText()).isEqualTo(sha256(wbag.resolve("wbag_4.mcap")));
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aChannelHcertCannotDecodeIsListedByInspectCopiedToMcapAndLeftOutOfNdjson() {
        // the MCAP conformance suite's OneMessage: one message of schema encoding "c", message encoding "a"
        Path one = Path.of("../telemetry/src/test/resources/data/mcap-conformance/conformance/OneMessage/OneMessage.mcap");
        CertifyCommandIT.Run inspect = CertifyCommandIT.hcert("telemetry", "inspect", one.toString());
        assertThat(inspect.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(inspect.stdout()).contains("cannot decode").contains("example: Example: no decoder for schema encoding \"c\"");

        CertifyCommandIT.Run toMcap = CertifyCommandIT.hcert("telemetry", "convert", one.toString(), dir.resolve("one.mcap").toString());
        assertThat(toMcap.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(toMcap.stdout()).contains("1 messages on 1 topics (mcap, zstd chunks, a bodies)");

        CertifyCommandIT.Run toNdjson = CertifyCommandIT.hcert("telemetry", "convert", one.toString(), dir.resolve("one.ndjson").toString());
        assertThat(toNdjson.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(toNdjson.stdout()).contains("0 messages on 0 topics");
        assertThat(toNdjson.stderr()).contains("left out, their messages cannot be decoded").contains("example:");
    }
}
