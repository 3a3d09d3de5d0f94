package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.WrenchSample;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryTest {

    @TempDir
    Path dir;

    /** Write everything the robot published as NDJSON, then read it back through hcert's reader and decoder. */
    private List<Sample> roundTrip(VirtualHumanoid robot) throws IOException {
        Path file = dir.resolve("sim.ndjson");
        List<String> lines = robot.drainTelemetry().stream().map(OutboundMessage::ndjsonLine).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
        List<Sample> out = new ArrayList<>();
        try (MessageCursor cursor = new NdjsonSource(file).open()) {
            cursor.forEachRemaining(m -> out.add(RosJsonDecoder.decode(m).orElseThrow(
                    () -> new AssertionError("%s: type %s not decodable".formatted(m.origin(), m.type())))));
        }
        return out;
    }

    @Test
    void everyTopicIsPublishedAtItsRateAndReadBackByHcert() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.step(1_000_000_000L);

        Map<String, Integer> counts = new TreeMap<>();
        roundTrip(robot).forEach(s -> counts.merge(s.topic(), 1, Integer::sum));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/joint_states", 1000, "/imu/torso", 1000,
                "/odom", 1000, "/wrist/left/ft", 500, "/wrist/right/ft", 500, "/safety/state", 100, "/battery", 1,
                "/temperatures", 10 * (20 + Thermal.SURFACES.size()), "/events", 2));
    }

    @Test
    void theModelLoadedAndTheProvenanceAreReportedAtStartUpAndWhenAsked() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.step(500_000_000L);
        robot.reportProvenance();
        robot.step(1_000_000L);

        List<EventSample> events = roundTrip(robot).stream().filter(EventSample.class::isInstance).map(EventSample.class::cast).toList();
        assertThat(events).extracting(EventSample::kind).containsExactly("model_loaded", "provenance", "model_loaded", "provenance");
        assertThat(events.get(0).tNs()).isEqualTo(SimulatorConfig.DEFAULT_EPOCH_NS);
        assertThat(events.get(2).tNs()).isEqualTo(SimulatorConfig.DEFAULT_EPOCH_NS + 500_000_000L);
        assertThat(events.get(0).detail()).isEqualTo("model_id=hc1-gait-policy; model_version=1.0.0; "
                + "sha256=749498a4188796f941117636ea9286691baf4acb7ffcdce7c3b69f22ec9a15f1; signature=verified");
        assertThat(events.get(1).detail()).isEqualTo("robot_id=HC1-DEMO-0001; model_id=hc1-gait-policy; model_version=1.0.0; "
                + "software_versions=hc1-firmware 1.0.0, hc1-gait-policy 1.0.0; "
                + "model_sha256=749498a4188796f941117636ea9286691baf4acb7ffcdce7c3b69f22ec9a15f1; dataset_id=none; "
                + "calibration_ids=hc1-sim-calibration-2026-03-01");
    }

    @Test
    void jointsAndImuCanRunAt500Hz() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withRates(TelemetryRates.halfRate()));
        robot.step(1_000_000_000L);

        List<Sample> samples = roundTrip(robot);

        assertThat(samples).filteredOn(s -> s.topic().equals("/joint_states")).hasSize(500);
    }

    @Test
    void eventsAndSafetyStateFollowAnEstop() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.accept(new Command.Walk(0.5, 0, 0));
        robot.step(2_000_000_000L);
        robot.drainTelemetry();
        robot.accept(new Command.EmergencyStop());
        robot.step(1_000_000_000L);

        List<Sample> samples = roundTrip(robot);
        List<String> kinds = samples.stream().filter(EventSample.class::isInstance)
                .map(s -> ((EventSample) s).kind()).toList();
        SafetyStateSample last = (SafetyStateSample) samples.stream().filter(SafetyStateSample.class::isInstance)
                .reduce((a, b) -> b).orElseThrow();
        long pressedNs = samples.stream().filter(s -> s instanceof EventSample e && e.kind().equals("estop_pressed"))
                .findFirst().orElseThrow().tNs();

        assertThat(kinds).containsExactly("estop_pressed", "drive_disabled");
        // Stamped when it was pressed (2.000 s), though published with the step that reaches 2.001 s.
        assertThat(pressedNs).isEqualTo(SimulatorConfig.DEFAULT_EPOCH_NS + 2_000_000_000L);
        assertThat(last).extracting(SafetyStateSample::estop, SafetyStateSample::driveEnabled, SafetyStateSample::mode)
                .containsExactly(true, false, "stopped");
    }

    @Test
    void theWristSensorReportsTheTrueContactForce() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.accept(new Command.PlaceDummy(Side.LEFT, BodyRegion.CHEST, 0.5));
        robot.accept(new Command.MoveHand(Side.LEFT, 0.58, 0, 0.3));
        robot.step(4_000_000_000L);
        robot.drainTelemetry();
        robot.step(2_000_000L);
        double truth = robot.truth().hand(Side.LEFT).contactForceN();

        WrenchSample w = roundTrip(robot).stream().filter(WrenchSample.class::isInstance).map(WrenchSample.class::cast)
                .filter(s -> s.topic().equals("/wrist/left/ft")).findFirst().orElseThrow();

        assertThat(truth).isGreaterThan(40);
        assertThat(w.forceN().norm()).isCloseTo(truth, within(0.3));
        assertThat(w.frameId()).isEqualTo("left_wrist_ft");
    }

    @Test
    void actuatorAndSurfaceTemperaturesAreNamedByFrame() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.step(100_000_000L);

        List<String> frames = roundTrip(robot).stream().filter(TemperatureSample.class::isInstance)
                .map(s -> ((TemperatureSample) s).frameId()).toList();

        assertThat(frames).hasSize(25).startsWith("left_hip_yaw", "right_hip_yaw").containsSubsequence("neck_yaw", "left_palm")
                .endsWith("left_knee_cover", "right_knee_cover", "torso_cover");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertThat(lines(7)).isEqualTo(lines(7)).isNotEqualTo(lines(8));
    }

    private static List<String> lines(long seed) {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withSeed(seed));
        robot.accept(new Command.Walk(0.5, 0, 0));
        robot.step(300_000_000L);
        return robot.drainTelemetry().stream().map(OutboundMessage::ndjsonLine).toList();
    }

    @Test
    void eventsAreStampedWhenTheyHappenNotWhenTheNextStepPublishesThem() throws IOException {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.step(1_500_000L); // the e-stop arrives half-way between two 1 ms steps
        robot.drainTelemetry();
        robot.accept(new Command.EmergencyStop());
        robot.step(5_000_000L);

        StopTruth stop = robot.stops().get(0);
        EventSample pressed = roundTrip(robot).stream().filter(s -> s instanceof EventSample e
                && e.kind().equals(EventSample.ESTOP_PRESSED)).map(EventSample.class::cast).findFirst().orElseThrow();
        assertThat(pressed.tNs()).isEqualTo(robot.config().epochNs() + stop.triggerNs());
        assertThat(stop.triggerNs()).isEqualTo(1_000_000L);
    }
}
