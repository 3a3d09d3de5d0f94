package org.hcert.telemetry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.WrenchSample;
import org.junit.jupiter.api.Test;

class BodyFieldsTest {

    private static Message message(String json) throws IOException {
        return new Message(7, "/log", "table/msg/Row", new ObjectMapper().readTree(json), "log.csv:3");
    }

    @Test
    void anImuFromVendorFieldsInDegreesPerSecondLeavesWhatIsNotMappedNotMeasured() throws IOException {
        Map<String, FieldSource> f = new LinkedHashMap<>();
        f.put("angular_velocity.x", FieldSource.path("gyro[0]", Math.PI / 180));
        f.put("angular_velocity.y", FieldSource.path("gyro[1]", Math.PI / 180));
        f.put("angular_velocity.z", FieldSource.path("gyro[2]", Math.PI / 180));
        f.put("orientation.w", FieldSource.path("quat.w"));
        ImuSample imu = (ImuSample) new BodyFields(Role.IMU, f).sampleOf(message("{\"gyro\":[180,0,-90],\"quat\":{\"w\":1}}"));
        assertThat(imu.tNs()).isEqualTo(7);
        assertThat(imu.angularVelocityRadS().x()).isEqualTo(Math.PI);
        assertThat(imu.angularVelocityRadS().z()).isEqualTo(-Math.PI / 2);
        assertThat(imu.orientation().w()).isEqualTo(1);
        // never invented: the unmapped parts are not measured, not 0
        assertThat(imu.orientation().x()).isNaN();
        assertThat(imu.linearAccelerationMs2().z()).isNaN();
    }

    @Test
    void aSafetyStateFromIntegerFlagsAndAModeCodeWithAConstant() throws IOException {
        BodyFields f = new BodyFields(Role.SAFETY_STATE, Map.of("mode", FieldSource.path("ctrl_mode"), "estop",
                FieldSource.path("estop_in"), "protective_stop", FieldSource.path("pstop"), "drive_enabled",
                FieldSource.constant(com.fasterxml.jackson.databind.node.BooleanNode.TRUE)));
        SafetyStateSample s = (SafetyStateSample) f.sampleOf(message("{\"ctrl_mode\":3,\"estop_in\":1,\"pstop\":false}"));
        assertThat(s.mode()).isEqualTo("3");
        assertThat(s.estop()).isTrue();
        assertThat(s.protectiveStop()).isFalse();
        assertThat(s.driveEnabled()).isTrue();
        // a flag is never guessed from another number, and a missing flag is never false
        assertThatThrownBy(() -> f.sampleOf(message("{\"ctrl_mode\":3,\"estop_in\":2,\"pstop\":0}")))
                .isInstanceOf(TelemetryFormatException.class)
                .hasMessage("log.csv:3: field estop_in (estop) must be true, false, 0 or 1, got 2");
        assertThatThrownBy(() -> f.sampleOf(message("{\"ctrl_mode\":3,\"pstop\":0}")))
                .hasMessage("log.csv:3: field estop_in (safety_state estop) is missing");
    }

    @Test
    void aWrenchWithItsFrameGivenAndTwoValuesWhereOneIsExpectedRefused() throws IOException {
        BodyFields f = new BodyFields(Role.WRENCHES, Map.of("header.frame_id", FieldSource.constant(new TextNode("left_wrist")),
                "wrench.force.z", FieldSource.path("fz")));
        WrenchSample w = (WrenchSample) f.sampleOf(message("{\"fz\":-12.5}"));
        assertThat(w.frameId()).isEqualTo("left_wrist");
        assertThat(w.forceN().z()).isEqualTo(-12.5);
        assertThat(w.torqueNm().x()).isNaN();
        BodyFields twice = new BodyFields(Role.WRENCHES, Map.of("wrench.force.z", new FieldSource(List.of("fz", "fz2"), 1, null)));
        assertThatThrownBy(() -> twice.sampleOf(message("{\"fz\":1,\"fz2\":2}"))).hasMessageContaining("holds 2 values, expected one");
    }

    @Test
    void aMessageWithoutAnyMappedFieldGivesNoSampleAndAMissingNumberIsNotMeasured() throws IOException {
        BodyFields f = new BodyFields(Role.BATTERY, Map.of("voltage", FieldSource.path("battery_v"), "current", FieldSource.path("ibat")));
        // a state that reports its battery every other message: no battery sample from the others
        assertThat(f.sampleOf(message("{\"tick\":1}"))).isNull();
        org.hcert.telemetry.BatterySample b = (org.hcert.telemetry.BatterySample) f.sampleOf(message("{\"battery_v\":24.5}"));
        assertThat(b.voltageV()).isEqualTo(24.5);
        assertThat(b.currentA()).isNaN();
    }

    @Test
    void inputsAreCheckedAgainstTheRole() {
        assertThatThrownBy(() -> new BodyFields(Role.IMU, Map.of("angular_velocity.w", FieldSource.path("g"))))
                .hasMessage("angular_velocity.w is not an input of role imu");
        assertThatThrownBy(() -> new BodyFields(Role.SAFETY_STATE, Map.of("estop", FieldSource.path("e"))))
                .hasMessageStartingWith("role safety_state needs mode mapped");
        assertThat(BodyFields.target(Role.WRENCHES, "wrench.torque.y").orElseThrow().siUnits()).containsExactly("N·m");
        assertThat(BodyFields.targets(Role.JOINTS)).isEmpty();
    }
}
