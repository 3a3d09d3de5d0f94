package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provenance clauses three ways, each from a recording HC-1 makes on a simulated clock (HC-1
 * reports the model it loaded and its provenance at start-up): a robot that passes, one that fails
 * (a simulator fault), one whose recording lacks the evidence; and recordings derived from the
 * passing one to slip through: a second publisher of provenance, a report that comes only after the
 * robot moved, a robot profile naming another serial.
 */
class ProvenanceClausesIT {

    /** Start, walk at 0.5 m/s from 0.5 s; 2 s in all. */
    private static final Scenario WALKING = Scenario.until(2_000)
            .at(200, new Command.Start())
            .at(500, new Command.Walk(0.5, 0, 0));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path walking;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws IOException {
        walking = shared.resolve("walking.ndjson");
        WALKING.writeNdjson(walking);
    }

    private RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    /** The walking recording with every line passed through {@code edit} (none, one or more lines back), in log-time order. */
    private Path derived(String name, Function<ObjectNode, List<ObjectNode>> edit) {
        return DerivedRecordings.write(walking, dir.resolve(name + ".ndjson"), edit);
    }

    private static boolean kind(ObjectNode n, String kind) {
        return n.get("topic").asText().equals("/events") && n.path("msg").path("kind").asText().equals(kind);
    }

    @Test
    void aiData01PassesWhenHc1ReportsItsProvenanceBeforeItMoves() {
        RecordedCertification c = RecordedCertification.of(walking);
        assertThat(c.verdict("AI-DATA-01")).as(c.reason("AI-DATA-01")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("AI-DATA-01", "robot ID").detail()).isEqualTo("the provenance event at 2026-03-01T08:00:00Z on /events "
                + "gives robot_id HC1-DEMO-0001; robot profile ../profiles/robots/hc1-demo.yaml gives serial HC1-DEMO-0001");
    }

    @Test
    void aiData01FailsWhenHc1NamesAnotherRobot() throws IOException {
        RecordedCertification c = certify("wrong-id", WALKING.fault(0, Fault.WRONG_ROBOT_ID));
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("AI-DATA-01")).contains("gives robot_id HC1-DEMO-0001-B; robot profile ../profiles/robots/hc1-demo.yaml "
                + "gives serial HC1-DEMO-0001");
    }

    @Test
    void aiData01IsInconclusiveWhenTheRecordLeavesKeysOut() throws IOException {
        RecordedCertification c = certify("sparse", WALKING.fault(0, Fault.NO_PROVENANCE));
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AI-DATA-01")).contains("does not give dataset_id").contains("does not give calibration_ids");
    }

    @Test
    void aRobotProfileNamingAnotherSerialFailsAiData01() throws IOException {
        Path robot = dir.resolve("robot.yaml");
        Files.writeString(robot, Files.readString(RecordedCertification.HC1).replace("serial: HC1-DEMO-0001", "serial: HC1-DEMO-0002"));
        RecordedCertification c = RecordedCertification.of(ProfileLoader.loadRobot(robot), walking);
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aSecondPublisherOfProvenanceWithAnotherModelHashMakesTheProvenanceClausesInconclusive() throws IOException {
        Path doubled = derived("two-publishers", n -> {
            if (!kind(n, "provenance")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            other.put("t", n.get("t").asLong() + 300_000_000L);
            ObjectNode msg = (ObjectNode) other.get("msg");
            msg.put("detail", msg.get("detail").asText().replaceAll("model_sha256=[0-9a-f]+", "model_sha256=" + "0".repeat(64)));
            return List.of(n, other);
        });
        RecordedCertification c = RecordedCertification.of(doubled);
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AI-DATA-01")).contains("with no model_loaded between: two publishers on /events, or a robot that contradicts "
                + "itself; hcert does not choose which report is the robot's");
    }

    @Test
    void aProvenanceRecordThatComesOnlyAfterTheRobotMovedLeavesAiData01Inconclusive() throws IOException {
        Path late = derived("late", n -> {
            if (kind(n, "provenance")) {
                n.put("t", n.get("t").asLong() + 1_500_000_000L);
            }
            return List.of(n);
        });
        RecordedCertification c = RecordedCertification.of(late);
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AI-DATA-01")).contains("before the first provenance record (the provenance event at 2026-03-01T08:00:01.500Z "
                + "on /events): what produced that motion is not reported");
    }

    @Test
    void aiOta01PassesWhenHc1LoadsItsSignedApprovedPolicy() {
        RecordedCertification c = RecordedCertification.of(walking);
        assertThat(c.verdict("AI-OTA-01")).as(c.reason("AI-OTA-01")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("AI-OTA-01").measurements()).hasSize(3);
    }

    @Test
    void aiOta01FailsWhenAModifiedModelLoadsWithoutAVerifiedSignature() throws IOException {
        RecordedCertification c = certify("unsigned", WALKING.fault(0, Fault.UNSIGNED_MODEL));
        assertThat(c.verdict("AI-OTA-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.clause("AI-OTA-01").measurements()).extracting(m -> m.verdict()).containsOnly(Verdict.FAIL).hasSize(3);
        assertThat(c.reason("AI-OTA-01")).contains("signature of the loaded model verified (1 = verified) of model loaded at "
                + "2026-03-01T08:00:00Z: measured 0 ratio, limit ≥ 1 ratio");
    }

    @Test
    void aiOta01IsInconclusiveWhenTheSignatureAndTheRunningHashAreNotReported() throws IOException {
        RecordedCertification c = certify("sparse", WALKING.fault(0, Fault.NO_PROVENANCE));
        assertThat(c.verdict("AI-OTA-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AI-OTA-01")).contains("does not give signature").contains("does not give model_sha256");
    }

    @Test
    void aSecondPublisherOfProvenanceWithAnotherModelHashLeavesAiOta01Inconclusive() throws IOException {
        Path doubled = derived("two-publishers-ota", n -> {
            if (!kind(n, "provenance")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            other.put("t", n.get("t").asLong() + 300_000_000L);
            ObjectNode msg = (ObjectNode) other.get("msg");
            msg.put("detail", msg.get("detail").asText().replaceAll("model_sha256=[0-9a-f]+", "model_sha256=" + "0".repeat(64)));
            return List.of(n, other);
        });
        RecordedCertification c = RecordedCertification.of(doubled);
        assertThat(c.verdict("AI-OTA-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AI-OTA-01")).contains("hcert does not choose which report is the robot's");
    }

    @Test
    void aRobotThatLoadsAModelWithoutDeclaringAiModelsIsContradictedAndNotConformant() throws IOException {
        Path robot = dir.resolve("robot.yaml");
        Files.writeString(robot, Files.readString(RecordedCertification.HC1).replace(", arms, ai-models]", ", arms]"));
        RecordedCertification c = RecordedCertification.of(ProfileLoader.loadRobot(robot), walking);
        assertThat(c.verdict("AI-DATA-01")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(c.context().contradictions()).anySatisfy(s -> assertThat(s).startsWith(
                "the telemetry shows the capability ai-models (a model_loaded event at 2026-03-01T08:00:00Z)"));
        assertThat(ClauseVerdicts.overall(c.plan(), c.results(), c.context().contradictions())).isNotEqualTo(ClauseVerdicts.Overall.CONFORMANT);
    }
}
