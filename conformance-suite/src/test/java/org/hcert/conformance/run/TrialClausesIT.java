package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trials clauses (CM-LOC-01, CM-LOC-02) three ways, each from recordings HC-1 makes on a
 * simulated clock, and a trial cut by the end of the recording for each.
 */
class TrialClausesIT {

    /** 2026-03-01T08:00:00Z: the recordings' clock starts here. */
    private static final long T0 = 1_772_352_000_000_000_000L;

    /** Three walks from standstill at 0.5 m/s, each 4.2 s long and ended by walking at 0 m/s (no stop command). */
    static final Scenario THREE_WALKS = walks(3);

    /**
     * Five walks from standstill at the declared rated speed, 0.45 m/s, for 2.0 to 2.4 s (so that
     * each stop comes at another phase of the step), each ended by a stop command.
     */
    static final Scenario FIVE_STOPS = stops(5, 900);

    @TempDir
    static Path dir;

    private static Path walking;
    private static Path stopping;
    private static RecordedCertification walks;
    private static RecordedCertification stops;

    @BeforeAll
    static void record() throws IOException {
        walking = dir.resolve("walks.ndjson");
        THREE_WALKS.writeNdjson(walking);
        walks = RecordedCertification.of(walking);
        stopping = dir.resolve("stops.ndjson");
        FIVE_STOPS.writeNdjson(stopping);
        stops = RecordedCertification.of(stopping);
    }

    private static Scenario walks(int n) {
        Scenario s = Scenario.until(500 + n * 5_500L).at(200, new Command.Start());
        for (int i = 0; i < n; i++) {
            long start = 500 + i * 5_500L;
            s = s.at(start, new Command.Walk(0.5, 0, 0)).at(start + 4_200, new Command.Walk(0, 0, 0));
        }
        return s;
    }

    private static Scenario stops(int n, long waitMs) {
        long end = 500;
        for (int i = 0; i < n; i++) {
            end += 2_000 + 100 * i + waitMs;
        }
        Scenario s = Scenario.until(end).at(200, new Command.Start());
        long at = 500;
        for (int i = 0; i < n; i++) {
            s = s.at(at, new Command.Walk(0.45, 0, 0)).at(at + 2_000 + 100 * i, new Command.Stop());
            at += 2_000 + 100 * i + waitMs;
        }
        return s;
    }

    // ---- CM-LOC-01 ----

    @Test
    void cmLoc01PassesWhenHc1WalksItsRatedSpeed() {
        assertThat(walks.verdict("CM-LOC-01")).as(walks.reason("CM-LOC-01")).isEqualTo(Verdict.PASS);
        Measurement m = walks.measurement("CM-LOC-01", "walking speed");
        assertThat(m.subject()).isEqualTo("mean of 3 trials");
        assertThat(m.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(m.measured()).isBetween(0.49, 0.5);
        assertThat(m.detail()).startsWith("n = 3, mean 0.49").contains("coefficient of variation")
                .contains("one-sided 95 % confidence bounds of the mean (Student t, 2 degrees of freedom)");
    }

    @Test
    void cmLoc01FailsWhenHc1WalksSlowerThanCommanded() throws IOException {
        Path file = dir.resolve("slow-walk.ndjson");
        THREE_WALKS.fault(0, Fault.SLOW_WALK).writeNdjson(file);
        RecordedCertification c = RecordedCertification.of(file);
        assertThat(c.verdict("CM-LOC-01")).as(c.reason("CM-LOC-01")).isEqualTo(Verdict.FAIL);
        Measurement m = c.measurement("CM-LOC-01", "walking speed");
        assertThat(m.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(m.measured()).isBetween(0.39, 0.41);
    }

    @Test
    void cmLoc01IsInconclusiveWithoutWalksLongEnough() {
        // The stops' walks end 0.9 to 1.1 m from their start, before the segment's end at 1.5 m.
        assertThat(stops.verdict("CM-LOC-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(stops.reason("CM-LOC-01")).contains("only 0 trials with complete evidence, at least 3 needed; not trials: "
                + "the walk from 2026-03-01T08:00:00.500Z ended (by a stop, reset or start event at 2026-03-01T08:00:02.500Z) 0.7069 m "
                + "from its start, before its segment's end at 1.5 m");
    }

    @Test
    void cmLoc01NamesAndExcludesAWalkCutByTheEndOfTheRecording() {
        long cut = T0 + (500 + 2 * 5_500L + 2_500) * 1_000_000L;
        Path cutShort = DerivedRecordings.write(walking, dir.resolve("walks-cut.ndjson"),
                n -> n.get("t").asLong() > cut ? List.of() : List.of(n));
        RecordedCertification c = RecordedCertification.of(cutShort);
        assertThat(c.verdict("CM-LOC-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("CM-LOC-01")).contains("only 2 trials with complete evidence, at least 3 needed")
                .contains("trial 3 (walk from ").contains("excluded: cut by the end of the telemetry");
    }

    // ---- CM-LOC-02 ----

    @Test
    void cmLoc02PassesWhenHc1StopsWithinItsDeclaredDistanceAndTime() {
        assertThat(stops.verdict("CM-LOC-02")).as(stops.reason("CM-LOC-02")).isEqualTo(Verdict.PASS);
        List<Measurement> all = stops.clause("CM-LOC-02").measurements();
        // Every stop is judged on its own (5 each for distance and time), and the 90th percentile's bound.
        assertThat(all).hasSize(12);
        Measurement time = all.stream().filter(m -> m.quantity().startsWith("stopping time")
                && m.subject().equals("90th percentile of 5 trials")).findFirst().orElseThrow();
        assertThat(time.bound()).isEqualTo(Bound.AT_MOST);
        // Stops from 0.45 m/s take 325-450 ms with the step's phase: mean 360 ms, standard deviation 53 ms,
        // and 360 + 2.742 × 53 ms is the 90/90 bound (k = 2.742 for 5 trials).
        assertThat(time.measured()).isBetween(450.0, 550.0);
        assertThat(time.detail()).startsWith("n = 5, mean 0.3").contains("one-sided 90 % confidence bounds of the 90th percentile");
        assertThat(all.stream().filter(m -> m.subject().startsWith("trial ")).map(Measurement::measured))
                .allSatisfy(v -> assertThat(v).isLessThan(600.0));
    }

    @Test
    void cmLoc02FailsWhenTheStopsAreTooSlow() throws IOException {
        Path file = dir.resolve("slow-stops.ndjson");
        stops(2, 2_300).fault(0, Fault.SLOW_ESTOP).writeNdjson(file);
        RecordedCertification c = RecordedCertification.of(file);
        assertThat(c.verdict("CM-LOC-02")).as(c.reason("CM-LOC-02")).isEqualTo(Verdict.FAIL);
        Measurement first = c.clause("CM-LOC-02").measurements().stream()
                .filter(m -> m.quantity().startsWith("stopping time") && m.subject().startsWith("trial 1")).findFirst().orElseThrow();
        assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(first.measured()).isGreaterThan(1_200.0);
    }

    @Test
    void cmLoc02IsInconclusiveWithoutStopCommands() {
        assertThat(walks.verdict("CM-LOC-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(walks.reason("CM-LOC-02")).contains("no normal stop (stop_requested event) in the telemetry");
    }

    @Test
    void cmLoc02NamesAndExcludesAStopCutByTheEndOfTheRecording() {
        // The fifth stop command: 500 ms + (2.0 + 2.1 + 2.2 + 2.3) s of walks + 4 × 0.9 s of standing + 2.4 s.
        long lastStop = T0 + (500 + 8_600 + 3_600 + 2_400) * 1_000_000L;
        Path cutShort = DerivedRecordings.write(stopping, dir.resolve("stops-cut.ndjson"),
                n -> n.get("t").asLong() > lastStop + 150_000_000L ? List.of() : List.of(n));
        RecordedCertification c = RecordedCertification.of(cutShort);
        assertThat(c.verdict("CM-LOC-02")).as(c.reason("CM-LOC-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("CM-LOC-02")).contains("only 4 trials with complete evidence, at least 5 needed")
                .contains("trial 5 (stop at ").contains("excluded: ")
                .contains("the base was still moving when the trial ended (by the end of the telemetry)");
    }

    @Test
    void aSecondOdometryPublisherMakesBothClausesInconclusiveNamingTheTopic() {
        Path doubled = DerivedRecordings.write(stopping, dir.resolve("stops-two-odometry-frames.ndjson"), n -> {
            if (!n.get("topic").asText().equals("/odom")) {
                return List.of(n);
            }
            ObjectNode other = n.deepCopy();
            ((ObjectNode) other.get("msg").get("header")).put("frame_id", "map");
            return List.of(n, other);
        });
        RecordedCertification c = RecordedCertification.of(doubled);
        for (String clause : List.of("CM-LOC-01", "CM-LOC-02")) {
            assertThat(c.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.reason(clause)).as(clause).contains(
                    "topic /odom carries more than one stream: it has 2 publishers (frame_id \"map\", frame_id \"odom\")");
        }
    }
}
