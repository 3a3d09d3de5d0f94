package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.run.DerivedRecordings.index;
import static org.hcert.conformance.run.DerivedRecordings.on;
import static org.hcert.conformance.run.DerivedRecordings.part;
import static org.hcert.conformance.run.DerivedRecordings.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.convert.Conversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings built from the conformant one to break the metrics the way a robot (or a recording
 * set-up) could slip through: a second stream on a topic, a joint split over two messages, a joint
 * that stops reporting, a base that only turns, a trigger seen only through a 10 Hz state, a missing
 * field. Each must get the verdict the evidence supports, never a PASS it does not.
 */
class AdversarialRecordingsIT {

    private static final Path CONFORMANT = Path.of("../samples/recordings/conformant.ndjson");
    private static final RobotProfile ROBOT = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile STANDARD = RecordedCertification.TEN_SECOND_CLAUSES;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static RecordedCertification certify(Path recording) {
        return RecordedCertification.of(ROBOT, STANDARD, recording, FeatureRun.BUNDLED_FEATURES);
    }

    /** The conformant recording with every line passed through {@code edit} (which may return none, one or more lines). */
    private Path derived(String name, Function<ObjectNode, List<ObjectNode>> edit) {
        return DerivedRecordings.write(CONFORMANT, dir.resolve(name + ".ndjson"), edit);
    }

    private static long event(String kind) throws IOException {
        for (String line : Files.readAllLines(CONFORMANT)) {
            JsonNode n = JSON.readTree(line);
            if (n.get("topic").asText().equals("/events") && n.path("msg").path("kind").asText().equals(kind)) {
                return n.get("t").asLong();
            }
        }
        throw new IllegalStateException("no " + kind + " event in " + CONFORMANT);
    }

    @Test
    void theConformantRecordingPassesEveryClause() {
        RecordedCertification r = certify(CONFORMANT);
        assertThat(r.results()).extracting(ClauseResult::verdict).containsOnly(Verdict.PASS);
    }

    @Test
    void aJointStateSplitOverTwoMessagesChangesNothing() {
        Path split = derived("split", n -> {
            if (!on(n, "/joint_states")) {
                return List.of(n);
            }
            return List.of(part(n, 0, 10, 0), part(n, 10, 20, 1));
        });
        RecordedCertification r = certify(split);
        assertThat(r.results()).extracting(ClauseResult::verdict).containsOnly(Verdict.PASS);
    }

    @Test
    void aJointThatStopsReportingWhileOthersGoOnIsAGapInItsEvidence() throws IOException {
        long cut = event("estop_pressed") + 100_000_000L;
        Path silent = derived("silent-knee", n -> {
            if (on(n, "/joint_states") && t(n) > cut) {
                int knee = index(n, "left_knee");
                ObjectNode msg = (ObjectNode) n.get("msg");
                for (String field : List.of("name", "position", "velocity", "effort")) {
                    if (msg.get(field).size() > knee) {
                        ((ArrayNode) msg.get(field)).remove(knee);
                    }
                }
            }
            return List.of(n);
        });
        RecordedCertification r = certify(silent);
        assertThat(r.verdict("SE-ESTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("SE-ESTOP-01")).contains("left_knee");
        assertThat(r.verdict("LC-JNT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("LC-JNT-01")).contains("left_knee samples have a gap of ");
    }

    @Test
    void aSecondDisagreeingJointStreamOnTheSameTopicMakesItsClausesInconclusive() {
        Path doubled = derived("two-joint-streams", n -> {
            if (!on(n, "/joint_states")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            other.put("t", t(n) + 1_000_000L);
            ArrayNode q = (ArrayNode) other.get("msg").get("position");
            int knee = index(n, "left_knee");
            q.set(knee, q.get(knee).asDouble() + 0.3);
            return List.of(n, other);
        });
        RecordedCertification r = certify(doubled);
        for (String clause : List.of("SE-ESTOP-01", "SE-ESTOP-02", "LC-JNT-01")) {
            assertThat(r.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.reason(clause)).as(clause).contains("topic /joint_states carries more than one stream: "
                    + "joint left_knee jumps away and back faster than the robot can move");
        }
        assertThat(r.verdict("SE-BAL-01")).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSecondPublisherWithItsOwnFrameOnTheOdometryTopicMakesItsClausesInconclusive() {
        Path doubled = derived("two-odometry-frames", n -> {
            if (!on(n, "/odom")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            ((ObjectNode) other.get("msg").get("header")).put("frame_id", "map");
            return List.of(n, other);
        });
        RecordedCertification r = certify(doubled);
        for (String clause : List.of("SE-ESTOP-01", "SE-ESTOP-02", "SE-BAL-01")) {
            assertThat(r.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.reason(clause)).as(clause).contains(
                    "topic /odom carries more than one stream: it has 2 publishers (frame_id \"map\", frame_id \"odom\")");
        }
        assertThat(r.verdict("LC-JNT-01")).isEqualTo(Verdict.PASS);
    }

    /** The conformant recording with a second odometry publisher (frame {@code map}) interleaved on {@code /odom}. */
    private Path twoOdometryFrames() {
        return derived("two-odometry-frames", n -> {
            if (!on(n, "/odom")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            ((ObjectNode) other.get("msg").get("header")).put("frame_id", "map");
            ((ObjectNode) other.get("msg").get("pose").get("pose").get("position")).put("x", 40.0);
            return List.of(n, other);
        });
    }

    @Test
    void aSecondOdometryPublisherInOneMcapChannelIsFoundByItsFrame() {
        Path mcap = dir.resolve("two-odometry-frames.mcap");
        Conversion.convert(Recordings.open(twoOdometryFrames()), mcap, Conversion.Options.defaults());
        RecordedCertification r = certify(mcap);
        for (String clause : List.of("SE-ESTOP-01", "SE-ESTOP-02", "SE-BAL-01")) {
            assertThat(r.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.reason(clause)).as(clause).containsPattern(
                    "topic /odom carries more than one stream: it has 2 publishers \\(channel \\d+ frame_id \"map\", channel \\d+ frame_id \"odom\"\\)");
        }
    }

    @Test
    void theRobotProfileChoosesTheOdometryPublisherByItsFrame() throws IOException {
        String profile = Files.readString(RecordedCertification.HC1).replace("odometry: [/odom]",
                "odometry: [{topic: /odom, frameId: odom}]");
        assertThat(profile).contains("frameId: odom");
        RobotProfile chooses = ProfileLoader.loadRobot(Files.writeString(dir.resolve("chooses-odom.yaml"), profile));
        Path ndjson = twoOdometryFrames();
        Path mcap = dir.resolve("two-odometry-frames.mcap");
        Conversion.convert(Recordings.open(ndjson), mcap, Conversion.Options.defaults());
        for (Path recording : List.of(ndjson, mcap)) {
            RecordedCertification r = RecordedCertification.of(chooses, STANDARD, recording, FeatureRun.BUNDLED_FEATURES);
            assertThat(r.results()).as(recording.toString()).extracting(ClauseResult::verdict).containsOnly(Verdict.PASS);
            assertThat(r.measurement("SE-ESTOP-01", "stop time").source()).as(recording.toString())
                    .containsPattern("/odom \\(frame_id \"odom\" chosen by the robot profile; [1-9]\\d* message\\(s\\) of other publishers left out\\)");
        }
    }

    @Test
    void aBaseThatOnlyTurnsAfterTheResetRestartedWithoutAStart() throws IOException {
        long reset = event("estop_reset");
        Path turning = derived("turn-after-reset", n -> {
            if (on(n, "/odom") && t(n) > reset + 200_000_000L) {
                ((ObjectNode) n.get("msg").get("twist").get("twist").get("angular")).put("z", 0.2);
            }
            return List.of(n);
        });
        RecordedCertification r = certify(turning);
        assertThat(r.verdict("SE-ESTOP-02")).isEqualTo(Verdict.FAIL);
        assertThat(r.reason("SE-ESTOP-02")).startsWith("largest base turn rate between reset and start of base: measured 0.2");
    }

    @Test
    void aTriggerSeenOnlyThroughATenHertzStateIsBracketedAndTooWideABracketIsInconclusive() throws IOException {
        long press = event("estop_pressed");
        Path sampled = derived("state-only", n -> {
            if (on(n, "/events") && n.get("msg").get("kind").asText().equals("estop_pressed")) {
                return List.of();
            }
            if (on(n, "/safety/state") && (t(n) / 1_000_000L) % 100 != 0) {
                return List.of();
            }
            return List.of(n);
        });
        RecordedCertification r = certify(sampled);
        assertThat(r.verdict("SE-ESTOP-01")).as(r.reason("SE-ESTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("SE-ESTOP-01")).contains("the trigger was seen only through the sampled safety state")
                .contains("more than maxTriggerUncertainty 20 ms");
        assertThat(press).isPositive();
    }

    @Test
    void aSafetyStateMissingAFieldIsNeverReadAsFalse() {
        Path missing = derived("missing-field", n -> {
            if (on(n, "/safety/state") && t(n) > 1_772_352_006_000_000_000L) {
                ((ObjectNode) n.get("msg")).remove("drive_enabled");
            }
            return List.of(n);
        });
        RecordedCertification r = certify(missing);
        assertThat(r.verdict("SE-ESTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("SE-ESTOP-01")).contains("hcert/msg/SafetyState field \"drive_enabled\" must be true or false, it is missing");
    }
}
