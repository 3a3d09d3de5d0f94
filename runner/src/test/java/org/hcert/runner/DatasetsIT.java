package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sets of embodied-AI teams certified through the robot profile's field mapping: a LeRobot
 * dataset (telemetry's test data {@code data/lerobot/so100_pick}, two episodes of an SO-100 arm
 * whose state is in degrees) and HDF5 episode files in the ALOHA and robomimic layouts
 * ({@code data/hdf5}), each judged for its joint limits (LC-JNT-01), where a breach lies in the
 * last episode only, so a PASS would mean an episode went unread.
 */
class DatasetsIT {

    private static final Path DATA = Path.of("../telemetry/src/test/resources/data");
    private static final List<String> SO100 = List.of("main_shoulder_pan", "main_shoulder_lift", "main_elbow_flex", "main_wrist_flex",
            "main_wrist_roll", "main_gripper");

    @TempDir
    Path dir;

    private Path robot(String name, List<String> joints, double limitRad, String recordingTime, String topic, String fields)
            throws IOException {
        String declared = joints.stream().map(j -> "  - {name: %s, lower: %s, upper: %s}".formatted(j, -limitRad, limitRad))
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve(name + ".yaml"), """
                schema: hcert/robot-profile/v1
                identity: {manufacturer: hcert tests, model: dataset robot, serial: "1", firmware: "1"}
                robotClass: compact-biped
                capabilities: [walking]
                declared: {}
                joints:
                %s
                %s
                topics:
                  joints:
                    - topic: %s
                      fields: %s
                """.formatted(declared, recordingTime, topic, fields));
    }

    private JsonNode jointRange(Path robot, Path recording, String out, String... extra) throws IOException {
        String[] base = {"certify", "--robot", robot.toString(), "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
            "--recording", recording.toString(), "--out", dir.resolve(out).toString(), "--no-html"};
        CertifyCommandIT.Run run = CertifyCommandIT.hcert(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
        assertThat(run.stderr()).doesNotContain("Exception");
        JsonNode certificate = new ObjectMapper().readTree(dir.resolve(out).resolve("certificate.json").toFile());
        for (JsonNode c : certificate.get("clauses")) {
            if (c.get("id").asText().equals("LC-JNT-01")) {
                return c;
            }
        }
        throw new AssertionError("no LC-JNT-01 in " + out);
    }

    private static double largest(JsonNode clause) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode m : clause.get("measurements")) {
            max = Math.max(max, m.get("measured").asDouble());
        }
        return max;
    }

    private static final String SO100_FIELDS = "{names: [" + String.join(", ", SO100) + "], position: {path: \"observation.state[*]\", unit: deg}}";

    @Test
    void aLeRobotDatasetIsJudgedOverAllItsEpisodesAndConvertsWithoutLoss() throws IOException {
        Path dataset = DATA.resolve("lerobot/so100_pick");
        // ±40° swings, the shoulder lift 10° further in the second episode: 50° = 0.873 rad
        JsonNode pass = jointRange(robot("so100-1.0", SO100, 1.0, "", "/so100_pick", SO100_FIELDS), dataset, "pass");
        assertThat(pass.get("verdict").asText()).as(pass.toString()).isEqualTo("PASS");
        assertThat(pass.get("measurements")).hasSize(6);
        JsonNode fail = jointRange(robot("so100-0.8", SO100, 0.8, "", "/so100_pick", SO100_FIELDS), dataset, "fail");
        assertThat(fail.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(fail.toString()).contains("main_shoulder_lift");
        // converted to MCAP, the same frames give the same verdict and values
        Path mcap = dir.resolve("so100.mcap");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", dataset.toString(), mcap.toString()).exitCode()).isZero();
        JsonNode converted = jointRange(robot("so100-0.8b", SO100, 0.8, "", "/so100_pick", SO100_FIELDS), mcap, "converted");
        assertThat(converted.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(largest(converted)).isEqualTo(largest(fail));
    }

    @Test
    void anAlohaEpisodeIsJudgedAtTheRateTheProfileGives() throws IOException {
        Path episode = DATA.resolve("hdf5/aloha_episode_0.hdf5");
        List<String> joints = new java.util.ArrayList<>();
        new ObjectMapper().readTree(DATA.resolve("hdf5/expected.json").toFile()).get("aloha_joints").forEach(j -> joints.add(j.asText()));
        String fields = "{names: [" + String.join(", ", joints) + "], position: \"observations.qpos[*]\", velocity: \"observations.qvel[*]\"}";
        // qpos swings ±0.3 rad
        JsonNode pass = jointRange(robot("aloha-0.5", joints, 0.5, "recordingTime: 50Hz", "/aloha_episode_0", fields), episode, "pass");
        assertThat(pass.get("verdict").asText()).as(pass.toString()).isEqualTo("PASS");
        // the same file without a rate cannot be timed: nothing is judged, and the reason says what to give
        JsonNode untimed = jointRange(robot("aloha-0.2b", joints, 0.2, "", "/aloha_episode_0", fields), episode, "untimed");
        assertThat(untimed.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(untimed.toString()).contains("has no time of its own");
    }

    @Test
    void robomimicDemosAreAllJudgedTheBreachLyingInTheLastOne() throws IOException {
        Path file = DATA.resolve("hdf5/robomimic_low_dim.hdf5");
        List<String> joints = List.of("j1", "j2", "j3", "j4", "j5", "j6", "j7");
        String fields = "{names: [j1, j2, j3, j4, j5, j6, j7], position: \"obs.robot0_joint_pos[*]\"}";
        // demo_0 swings ±0.5 rad, demo_1 0.1 rad higher: only the second demo passes 0.55
        JsonNode fail = jointRange(robot("rm-0.55", joints, 0.55, "recordingTime: 20Hz", "/robomimic_low_dim", fields), file, "fail");
        assertThat(fail.get("verdict").asText()).as(fail.toString()).isEqualTo("FAIL");
        // demo_0 never leaves ±0.5 rad, so the overrun (up to 0.6 - 0.55 rad) is demo_1's, laid after demo_0's 40 frames (2 s)
        assertThat(largest(fail)).isCloseTo(0.0498, org.assertj.core.data.Offset.offset(0.001));
        assertThat(fail.get("reason").asText()).contains("at [1970-01-01T00:00:02.800Z");
        // converted to MCAP at the same rate, the frames give the same verdict and values
        Path mcap = dir.resolve("robomimic.mcap");
        assertThat(CertifyCommandIT.hcert("telemetry", "convert", file.toString(), mcap.toString(), "--time-from", "20Hz").exitCode()).isZero();
        JsonNode converted = jointRange(robot("rm-0.55b", joints, 0.55, "", "/robomimic_low_dim", fields), mcap, "converted");
        assertThat(converted.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(largest(converted)).isEqualTo(largest(fail));
    }
}
