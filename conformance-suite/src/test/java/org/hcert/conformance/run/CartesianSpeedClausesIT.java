package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.run.DerivedRecordings.index;
import static org.hcert.conformance.run.DerivedRecordings.on;
import static org.hcert.conformance.run.DerivedRecordings.part;
import static org.hcert.conformance.run.DerivedRecordings.remove;
import static org.hcert.conformance.run.DerivedRecordings.t;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.OperatingMode;
import org.hcert.simulator.Side;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cartesian-speed clauses (SE-SPD-01, SE-SPD-02) three ways, each from a recording HC-1 makes on a
 * simulated clock, and recordings derived from the passing one to break the metric: a joint state
 * split over two messages, a hand joint that stops reporting, the mode seen only through a 10 Hz
 * safety state, a second joint-state publisher.
 */
class CartesianSpeedClausesIT {

    /**
     * Manual reduced-speed mode from 0.5 s; the left hand commanded forward at 0.5 m/s (twice the
     * limit: HC-1 caps its arm joints and logs speed_limited) at 1.0 s and back at 3.0 s; automatic
     * mode again at 4.6 s with, at once, a fast hand move (1 m/s), which must not count.
     */
    static final Scenario REDUCED_HAND_MOVES = Scenario.until(5_200)
            .at(200, new Command.Start())
            .at(500, new Command.SetMode(OperatingMode.MANUAL_REDUCED))
            .at(1_000, new Command.MoveHand(Side.LEFT, 0.25, -0.53, 0.5))
            .at(3_000, new Command.MoveHand(Side.LEFT, 0.10, -0.58, 0.5))
            .at(4_600, new Command.SetMode(OperatingMode.AUTO))
            .at(4_600, new Command.MoveHand(Side.LEFT, 0.25, -0.53, 1.0));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path healthy;
    private static RecordedCertification passing;
    private static RecordedCertification overspeed;

    @BeforeAll
    static void record() throws IOException {
        healthy = dir.resolve("reduced.ndjson");
        REDUCED_HAND_MOVES.writeNdjson(healthy);
        passing = RecordedCertification.of(healthy);
        Path fault = dir.resolve("overspeed.ndjson");
        REDUCED_HAND_MOVES.fault(0, Fault.OVERSPEED_REDUCED).writeNdjson(fault);
        overspeed = RecordedCertification.of(fault);
    }

    private static RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    @Test
    void seSpd01PassesWhenHc1CapsItsHandsInReducedMode() {
        assertThat(passing.verdict("SE-SPD-01")).as(passing.reason("SE-SPD-01")).isEqualTo(Verdict.PASS);
        Measurement left = measurement(passing, "SE-SPD-01", "left_hand");
        // HC-1 caps each arm joint at 0.25 m/s / 2.3 m = 0.109 rad/s: the hand moves at about 0.12 m/s.
        assertThat(left.measured()).isBetween(60.0, 150.0);
        assertThat(left.unit()).isEqualTo("mm/s");
        assertThat(measurement(passing, "SE-SPD-01", "right_hand").measured()).isLessThan(10.0);
        assertThat(passing.clause("SE-SPD-01").measurements()).extracting(Measurement::subject)
                .containsOnly("left_hand", "right_hand");
    }

    @Test
    void seSpd01FailsWhenReducedModeDoesNotCapTheHands() {
        assertThat(overspeed.verdict("SE-SPD-01")).isEqualTo(Verdict.FAIL);
        assertThat(measurement(overspeed, "SE-SPD-01", "left_hand").measured()).isGreaterThan(300.0);
    }

    @Test
    void seSpd01IsInconclusiveWithoutManualReducedMode() throws IOException {
        RecordedCertification c = certify("auto-only", Scenario.until(3_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.MoveHand(Side.LEFT, 0.25, -0.53, 0.5)));
        assertThat(c.verdict("SE-SPD-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-SPD-01")).contains("the safety state never shows mode manual_reduced");
        assertThat(c.verdict("SE-SPD-02")).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void seSpd02PassesWhenHc1LimitsTheDemandAndLogsIt() {
        assertThat(passing.verdict("SE-SPD-02")).as(passing.reason("SE-SPD-02")).isEqualTo(Verdict.PASS);
        Measurement over = measurement(passing, "SE-SPD-02", "left_hand");
        assertThat(over.quantity()).isEqualTo("frame speed above the declared safe speed limit");
        assertThat(over.measured()).isBetween(-190.0, -100.0);
        assertThat(passing.measurement("SE-SPD-02", "limiting event logged").measured()).isEqualTo(1.0);
        assertThat(passing.measurement("SE-SPD-02", "limiting event logged").detail()).contains("speed_limited event at");
    }

    @Test
    void seSpd02FailsWhenTheDemandIsNotLimitedNorLogged() {
        assertThat(overspeed.verdict("SE-SPD-02")).isEqualTo(Verdict.FAIL);
        assertThat(measurement(overspeed, "SE-SPD-02", "left_hand").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(overspeed.measurement("SE-SPD-02", "limiting event logged").measured()).isEqualTo(0.0);
        assertThat(overspeed.measurement("SE-SPD-02", "limiting event logged").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void seSpd02IsInconclusiveWithoutADemandAboveTheLimit() throws IOException {
        // 0.03 m/s asks the arm joints for 0.05 rad/s, below HC-1's cap: nothing to limit, no event.
        RecordedCertification c = certify("slow-reduced", Scenario.until(3_000)
                .at(200, new Command.Start())
                .at(500, new Command.SetMode(OperatingMode.MANUAL_REDUCED))
                .at(1_000, new Command.MoveHand(Side.LEFT, 0.12, -0.56, 0.03)));
        assertThat(c.verdict("SE-SPD-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-SPD-02")).contains("no demand above the safe speed limit was seen in mode manual_reduced");
        assertThat(c.verdict("SE-SPD-01")).isEqualTo(Verdict.PASS);
    }

    // ---- adversarial: recordings derived from the passing one ----

    @Test
    void aJointStateSplitOverTwoMessagesChangesNothing() {
        RecordedCertification r = RecordedCertification.of(derived("split", n -> !on(n, "/joint_states") ? List.of(n)
                : List.of(part(n, 0, 10, 0), part(n, 10, 20, 1))));
        assertThat(r.verdict("SE-SPD-01")).isEqualTo(Verdict.PASS);
        assertThat(r.verdict("SE-SPD-02")).isEqualTo(Verdict.PASS);
        assertThat(measurement(r, "SE-SPD-01", "left_hand").measured())
                .isCloseTo(measurement(passing, "SE-SPD-01", "left_hand").measured(), org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void aHandJointThatStopsReportingMidWindowIsAGapInThatHandsEvidence() {
        long cut = T0 + 2_000_000_000L;
        RecordedCertification r = RecordedCertification.of(derived("silent-elbow", n -> {
            if (on(n, "/joint_states") && t(n) > cut) {
                remove(n, "left_elbow");
            }
            return List.of(n);
        }));
        assertThat(r.verdict("SE-SPD-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("SE-SPD-01")).contains("left_hand").contains("joint left_elbow has not reported for");
        assertThat(measurement(r, "SE-SPD-01", "right_hand").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theModeSeenOnlyThroughATenHertzSafetyStateLeavesAFastMoveAtItsEndUnjudgedAndTheSpanInconclusive() {
        RecordedCertification r = RecordedCertification.of(derived("state-10hz", n -> on(n, "/safety/state")
                && (t(n) / 1_000_000L) % 100 != 0 ? List.of() : List.of(n)));
        // At 50 Hz the fast move after the switch to auto falls in a 20 ms bracket (not judged);
        // at 10 Hz the bracket is 100 ms wide and the hand moved faster in it than in the span.
        assertThat(r.verdict("SE-SPD-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason("SE-SPD-01")).contains("around the mode's end the safety states are 100 ms apart "
                + "(more than maxModeUncertainty 20 ms), so the mode there is unknown, and left_hand moved faster there");
    }

    @Test
    void aSecondJointStatePublisherMakesTheClausesInconclusiveNamingTheTopic() {
        RecordedCertification r = RecordedCertification.of(derived("two-joint-streams", n -> {
            if (!on(n, "/joint_states")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            other.put("t", t(n) + 1_000_000L);
            ArrayNode q = (ArrayNode) other.get("msg").get("position");
            int elbow = index(n, "left_elbow");
            q.set(elbow, q.get(elbow).asDouble() + 0.3);
            return List.of(n, other);
        }));
        for (String clause : List.of("SE-SPD-01", "SE-SPD-02")) {
            assertThat(r.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.reason(clause)).as(clause).contains("topic /joint_states carries more than one stream");
        }
    }

    // ---- helpers ----

    /** 2026-03-01T08:00:00Z: the recordings' clock starts here. */
    private static final long T0 = 1_772_352_000_000_000_000L;

    private static Measurement measurement(RecordedCertification c, String clause, String subject) {
        return c.clause(clause).measurements().stream().filter(m -> m.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("%s has no measurement of %s: %s".formatted(clause, subject,
                        c.clause(clause).measurements())));
    }

    private static Path derived(String name, Function<ObjectNode, List<ObjectNode>> edit) {
        return DerivedRecordings.write(healthy, dir.resolve(name + ".ndjson"), edit);
    }
}
