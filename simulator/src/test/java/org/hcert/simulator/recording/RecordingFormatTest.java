package org.hcert.simulator.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.TreeMap;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingFormatTest {

    private static final long EPOCH_NS = 1_772_352_000_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void everyLineParsesAndDecodesAtTheCompactRates(String name) {
        Recorded r = Recorded.load(name);
        Map<String, Integer> perTopic = new TreeMap<>();
        for (Message m : r.messages) {
            perTopic.merge(m.topic(), 1, Integer::sum);
        }
        // 10 s at 200 Hz, 50 Hz and 1 Hz (20 actuators' and 5 touchable surfaces' temperatures per
        // second), from the first period on.
        assertThat(perTopic).containsEntry("/joint_states", 2000).containsEntry("/imu/torso", 2000)
                .containsEntry("/odom", 2000).containsEntry("/wrist/left/ft", 500).containsEntry("/wrist/right/ft", 500)
                .containsEntry("/battery", 10).containsEntry("/temperatures", 250);
        assertThat(perTopic.getOrDefault("/safety/state", 0)).isEqualTo(name.equals("missing-safety-topic") ? 0 : 500);
        assertThat(perTopic.keySet()).isSubsetOf("/joint_states", "/imu/torso", "/odom", "/safety/state", "/events",
                "/battery", "/wrist/left/ft", "/wrist/right/ft", "/temperatures");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "fall"})
    void runsFromTheFirstSamplePeriodAfterTheFixedEpochToTenSeconds(String name) {
        Recorded r = Recorded.load(name);

        // HC-1 reports its model and provenance at start-up, at the epoch; its samples begin one period later
        assertThat(r.messages.get(0).logTimeNs()).isEqualTo(EPOCH_NS);
        assertThat(r.messages.stream().filter(m -> !m.topic().equals("/events")).findFirst().orElseThrow().logTimeNs())
                .isEqualTo(EPOCH_NS + 5_000_000L);
        assertThat(r.messages.get(r.messages.size() - 1).logTimeNs()).isEqualTo(EPOCH_NS + 10_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "missing-safety-topic"})
    void eventsFollowTheScript(String name) {
        Recorded r = Recorded.load(name);
        long driveOffMs = (r.truthNs("drive_off_time_ns") - EPOCH_NS) / 1_000_000L;

        assertThat(r.events).extracting(e -> (e.tNs() - EPOCH_NS) / 1_000_000L, EventSample::kind)
                .containsExactly(tuple(0L, "model_loaded"),
                        tuple(0L, "provenance"),
                        tuple(200L, "start"),
                        tuple(500L, "command"),
                        tuple(1_250L, "command"),
                        tuple(2_750L, "command"),
                        tuple(5_000L, "estop_pressed"),
                        tuple(driveOffMs, "drive_disabled"),
                        tuple(8_500L, "estop_reset"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void batteryDischargesSlowly(String name) {
        Recorded r = Recorded.load(name);

        assertThat(r.battery).hasSize(10).allSatisfy(b -> assertThat(b.currentA()).isNegative());
        assertThat(r.battery.get(0).stateOfCharge()).isGreaterThan(r.battery.get(9).stateOfCharge());
        assertThat(r.battery.get(0).stateOfCharge() - r.battery.get(9).stateOfCharge()).isLessThan(0.01);
    }
}
