package org.hcert.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.hcert.telemetry.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void everyLineParsesAndDecodesAtTheStatedRates(String name) {
        Recorded r = Recorded.load(name);
        Map<String, Integer> perTopic = new TreeMap<>();
        for (Message m : r.messages) {
            perTopic.merge(m.topic(), 1, Integer::sum);
        }
        int safety = name.equals("missing-safety-topic") ? 0 : 501;
        assertThat(perTopic).containsEntry("/joint_states", 2001).containsEntry("/imu/torso", 2001)
                .containsEntry("/odom", 1001).containsEntry("/wrist/left/ft", 501).containsEntry("/wrist/right/ft", 501)
                .containsEntry("/battery", 11).containsEntry("/events", name.equals("fall") ? 4 : 3);
        assertThat(perTopic.getOrDefault("/safety/state", 0)).isEqualTo(safety);
        assertThat(r.messages).allSatisfy(m -> assertThat(m.topic()).isIn(
                "/joint_states", "/imu/torso", "/odom", "/safety/state", "/events", "/battery", "/wrist/left/ft",
                "/wrist/right/ft"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "fall"})
    void startsAtTheFixedEpochAndLastsTenSeconds(String name) {
        Recorded r = Recorded.load(name);

        assertThat(r.messages.get(0).logTimeNs()).isEqualTo(1_772_352_000_000_000_000L);
        assertThat(r.messages.get(r.messages.size() - 1).logTimeNs()).isEqualTo(1_772_352_010_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void batteryDischargesSlowly(String name) {
        Recorded r = Recorded.load(name);

        assertThat(r.battery).allSatisfy(b -> assertThat(b.currentA()).isNegative());
        assertThat(r.battery.get(0).stateOfCharge()).isGreaterThan(r.battery.get(10).stateOfCharge());
        assertThat(r.battery.get(0).stateOfCharge() - r.battery.get(10).stateOfCharge()).isLessThan(0.01);
    }
}
