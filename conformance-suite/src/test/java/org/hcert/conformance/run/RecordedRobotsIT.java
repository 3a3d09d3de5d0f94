package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapWriter;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run the bundled features end to end against the bundled recordings of the virtual humanoid HC-1,
 * and check each verdict and each measurement against the model's truth.
 */
class RecordedRobotsIT {

    private static final Path RECORDINGS = Path.of("../samples/recordings");
    private static final RobotProfile ROBOT = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile STANDARD = RecordedCertification.TEN_SECOND_CLAUSES;
    /** Joints and odometry are recorded at 200 Hz: the harness sees a standstill to within this, ms. */
    private static final double SAMPLE_PERIOD_MS = 5;
    /** The recorded joint velocities carry noise clipped at 2e-3 rad/s; a robot at rest reads no more, rad/s. */
    private static final double JOINT_SPEED_NOISE_RAD_S = 0.002;

    @TempDir
    Path dir;

    private static RecordedCertification certify(Path recording, String features) {
        return RecordedCertification.of(ROBOT, STANDARD, recording, features);
    }

    private static RecordedCertification certify(String name) {
        return certify(RECORDINGS.resolve(name + ".ndjson"), FeatureRun.BUNDLED_FEATURES);
    }

    private static JsonNode truth(String name) throws IOException {
        return new ObjectMapper().readTree(RECORDINGS.resolve(name + ".truth.json").toFile());
    }

    @Test
    void conformantRobotPassesEveryClause() throws IOException {
        RecordedCertification c = certify("conformant");
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SE-ESTOP-01", Verdict.PASS, "SE-ESTOP-02", Verdict.PASS, "LC-JNT-01", Verdict.PASS, "SE-BAL-01", Verdict.PASS));
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.CONFORMANT);
        Measurement stop = c.measurement("SE-ESTOP-01", "stop time");
        assertThat(stop.measured()).isCloseTo(truth("conformant").get("stop_time_ms").asDouble(), within(SAMPLE_PERIOD_MS));
        assertThat(stop.limit().value()).isEqualTo(600);
        assertThat(stop.limit().evidence()).isEqualTo("D");
        Measurement afterReset = c.measurement("SE-ESTOP-02", "largest joint speed between reset and start");
        assertThat(afterReset.measured()).isLessThanOrEqualTo(
                truth("conformant").get("max_joint_speed_after_reset_rad_s").asDouble() + JOINT_SPEED_NOISE_RAD_S);
    }

    @Test
    void theCatalogueRecordingPassesEveryMandatoryClauseOfTheBundledCatalogue() {
        RecordedCertification c = RecordedCertification.of(RECORDINGS.resolve("catalogue.mcap"));
        Map<String, Verdict> expected = new java.util.HashMap<>();
        RecordedCertification.HEIS_PROFILE.clauses().forEach(clause -> expected.put(clause.id(), Verdict.PASS));
        // Recommended clauses the script cannot show: HC-1's safety state has no header stamp, and
        // the script stops only once at the rated speed after a stop command (CM-LOC-02 asks five).
        expected.put("BC-TIME-01", Verdict.INCONCLUSIVE);
        expected.put("CM-LOC-02", Verdict.INCONCLUSIVE);
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.CONFORMANT);
        assertThat(c.clause("SE-STOP-07").measurements()).filteredOn(m -> m.quantity().startsWith("stop time")).hasSize(2);
        assertThat(c.clause("SE-FS-03").measurements()).hasSize(2);
    }

    @Test
    void theTenSecondConformantRecordingLeavesTheClausesItCannotShowInconclusive() {
        // What a user gets certifying conformant.ndjson against the whole catalogue: the clauses
        // whose evidence the short script does not hold are INCONCLUSIVE, never PASS, and the run is
        // INCOMPLETE.
        RecordedCertification c = RecordedCertification.of(RECORDINGS.resolve("conformant.ndjson"));
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.INCOMPLETE);
        assertThat(c.verdicts()).doesNotContainValue(Verdict.FAIL);
        for (String id : List.of("SE-PSTOP-01", "SE-NSTOP-01", "SE-STOP-07", "SE-STOP-08", "SE-FS-03", "SE-ESTOP-03", "SE-BAL-02",
                "SE-SPD-01", "SE-SPD-02", "CM-LOC-02")) {
            assertThat(c.verdict(id)).as(id + ": " + c.reason(id)).isEqualTo(Verdict.INCONCLUSIVE);
        }
        for (String id : List.of("SE-ESTOP-01", "SE-ESTOP-02", "LC-JNT-01", "SE-BAL-01", "AI-DATA-01", "AI-OTA-01", "LC-JNT-02",
                "AP-HOT-01", "LC-SENS-01")) {
            assertThat(c.verdict(id)).as(id + ": " + c.reason(id)).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void slowEstopFailsOnlyTheEmergencyStopClause() throws IOException {
        RecordedCertification c = certify("slow-estop");
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SE-ESTOP-01", Verdict.FAIL, "SE-ESTOP-02", Verdict.PASS, "LC-JNT-01", Verdict.PASS, "SE-BAL-01", Verdict.PASS));
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.NON_CONFORMANT);
        Measurement stop = c.measurement("SE-ESTOP-01", "stop time");
        assertThat(stop.measured()).isCloseTo(truth("slow-estop").get("stop_time_ms").asDouble(), within(SAMPLE_PERIOD_MS));
        assertThat(c.clause("SE-ESTOP-01").reason()).startsWith("stop time: measured ").contains("limit ≤ 600 ms");
    }

    @Test
    void jointOverrunFailsOnlyTheJointLimitClauseNamingTheJoint() throws IOException {
        RecordedCertification c = certify("joint-overrun");
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SE-ESTOP-01", Verdict.PASS, "SE-ESTOP-02", Verdict.PASS, "LC-JNT-01", Verdict.FAIL, "SE-BAL-01", Verdict.PASS));
        Measurement overrun = c.measurement("LC-JNT-01", "joint overrun");
        JsonNode truth = truth("joint-overrun").get("max_joint_overrun");
        assertThat(overrun.measured()).isCloseTo(truth.get("overrun_rad").asDouble(), within(1e-3));
        assertThat(overrun.subject()).isEqualTo(truth.get("joint").asText());
        assertThat(overrun.detail()).startsWith(truth.get("joint").asText() + ": max ");
        assertThat(c.clause("LC-JNT-01").measurements()).hasSize(ROBOT.joints().size())
                .filteredOn(m -> m.verdict() == Verdict.FAIL).hasSize(1);
    }

    @Test
    void fallingRobotFailsTheBalanceClauseAndLiesStillOnlyAfterTheDeclaredStoppingTime() throws IOException {
        // fall-on-stop cuts the drives at the e-stop and the ankles go limp: HC-1 topples about its
        // ankle as a rigid body and lies still about a second later, beyond the declared 600 ms.
        RecordedCertification c = certify("fall");
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SE-ESTOP-01", Verdict.FAIL, "SE-ESTOP-02", Verdict.PASS, "LC-JNT-01", Verdict.PASS, "SE-BAL-01", Verdict.FAIL));
        Measurement tilt = c.measurement("SE-BAL-01", "maximum trunk tilt");
        assertThat(tilt.measured()).isCloseTo(truth("fall").get("max_trunk_tilt_after_stop_deg").asDouble(), within(0.5));
        assertThat(tilt.limit().evidence()).isEqualTo("I");
        Measurement stop = c.measurement("SE-ESTOP-01", "stop time");
        assertThat(stop.measured()).isCloseTo(truth("fall").get("stop_time_ms").asDouble(), within(SAMPLE_PERIOD_MS));
        assertThat(c.clause("SE-ESTOP-01").reason()).startsWith("stop time: measured ").contains("limit ≤ 600 ms");
    }

    @Test
    void missingSafetyTopicMakesTheEmergencyStopInconclusiveAndTheRunIncomplete() {
        RecordedCertification c = certify("missing-safety-topic");
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SE-ESTOP-01", Verdict.INCONCLUSIVE, "SE-ESTOP-02", Verdict.PASS, "LC-JNT-01", Verdict.PASS, "SE-BAL-01", Verdict.PASS));
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.INCOMPLETE);
        assertThat(c.clause("SE-ESTOP-01").reason()).startsWith("recording " + RECORDINGS.resolve("missing-safety-topic.ndjson")
                + " has no message on /safety/state (role safety_state)");
    }

    @Test
    void aRobotThatMovesAfterTheResetWithoutStartFailsOnlyTheResetClause() throws IOException {
        // The conformant recording, except that from 300 ms after the e-stop reset (no start follows)
        // the first joint creeps at 0.05 rad/s: a restart without a start command.
        ObjectMapper json = new ObjectMapper();
        long creepFromNs = truth("conformant").get("reset_time_ns").asLong() + 300_000_000L;
        List<String> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(RECORDINGS.resolve("conformant.ndjson"))) {
            JsonNode node = json.readTree(line);
            if (node.get("topic").asText().equals("/joint_states") && node.get("t").asLong() >= creepFromNs) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node.path("msg").path("velocity")).set(0, 0.05);
                line = json.writeValueAsString(node);
            }
            lines.add(line);
        }
        Path creeping = Files.write(dir.resolve("restart-after-reset.ndjson"), lines);
        RecordedCertification c = certify(creeping, FeatureRun.BUNDLED_FEATURES);
        assertThat(c.verdicts()).containsExactlyInAnyOrderEntriesOf(Map.of("SE-ESTOP-01", Verdict.PASS,
                "SE-ESTOP-02", Verdict.FAIL, "LC-JNT-01", Verdict.PASS, "SE-BAL-01", Verdict.PASS));
        Measurement speed = c.measurement("SE-ESTOP-02", "largest joint speed between reset and start");
        assertThat(speed.measured()).isCloseTo(0.05, within(1e-9));
        assertThat(speed.detail()).startsWith("reset: estop_reset event; window ended by end of the telemetry; fastest joint ");
    }

    @Test
    void truncatedRecordingIsInconclusiveNamingFileAndLine() throws IOException {
        List<String> lines = Files.readAllLines(RECORDINGS.resolve("conformant.ndjson"));
        Path cut = dir.resolve("truncated.ndjson");
        String broken = lines.get(1000).substring(0, 40);
        Files.write(cut, List.copyOf(lines.subList(0, 1000)));
        Files.writeString(cut, broken + "\n", java.nio.file.StandardOpenOption.APPEND);
        RecordedCertification c = certify(cut, FeatureRun.BUNDLED_FEATURES);
        assertThat(c.results()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
        assertThat(c.clause("LC-JNT-01").reason()).startsWith("telemetry unreadable: " + cut + ":1001: not a JSON object");
        assertThat(c.overall()).isEqualTo(ClauseVerdicts.Overall.INCOMPLETE);
    }

    /** Write the NDJSON recording as MCAP with JSON bodies, zstd chunks, as a live session would. */
    private static Path toMcap(Path ndjson, Path mcap) {
        Map<String, Integer> channels = new java.util.HashMap<>();
        try (McapWriter w = McapWriter.builder().compression(Compression.ZSTD).chunkSize(64 * 1024).open(mcap);
                org.hcert.telemetry.MessageCursor c = new NdjsonSource(ndjson).open()) {
            long seq = 0;
            while (c.hasNext()) {
                org.hcert.telemetry.Message m = c.next();
                int channel = channels.computeIfAbsent(m.topic(), t -> w.registerChannel(t, "json",
                        w.registerSchema(m.type(), "jsonschema", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        Map.of()));
                w.write(channel, seq++, m.logTimeNs(), m.logTimeNs(),
                        m.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return mcap;
    }

    @Test
    void mcapRecordingGivesTheSameVerdictsAndValuesAsNdjson() {
        Path mcap = toMcap(RECORDINGS.resolve("slow-estop.ndjson"), dir.resolve("slow-estop.mcap"));
        RecordedCertification fromMcap = certify(mcap, FeatureRun.BUNDLED_FEATURES);
        RecordedCertification fromNdjson = certify("slow-estop");
        assertThat(fromMcap.verdicts()).isEqualTo(fromNdjson.verdicts());
        assertThat(fromMcap.measurement("SE-ESTOP-01", "stop time").measured())
                .isEqualTo(fromNdjson.measurement("SE-ESTOP-01", "stop time").measured());
    }

    @Test
    void mcapWithACutTailIsInconclusiveNeverPass() throws IOException {
        Path mcap = toMcap(RECORDINGS.resolve("conformant.ndjson"), dir.resolve("cut.mcap"));
        byte[] bytes = Files.readAllBytes(mcap);
        Files.write(mcap, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 5));
        RecordedCertification c = certify(mcap, FeatureRun.BUNDLED_FEATURES);
        assertThat(c.results()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
        assertThat(c.clause("LC-JNT-01").reason()).startsWith("recording " + mcap + " is damaged and was read only in part: ");
    }

    @Test
    void undefinedStepIsInconclusiveNeverPass() {
        RecordedCertification c = certify(RECORDINGS.resolve("conformant.ndjson"), "src/test/resources/fixtures/undefined-step.feature");
        assertThat(c.clause("SE-ESTOP-01").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.clause("SE-ESTOP-01").reason()).startsWith("a step has no definition in hcert's glue");
        assertThat(c.clause("LC-JNT-01").reason()).isEqualTo("no scenario in the features is tagged @LC-JNT-01");
    }
}
