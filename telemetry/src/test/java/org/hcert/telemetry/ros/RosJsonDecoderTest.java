package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;

class RosJsonDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Message message(String type, String body) throws Exception {
        return new Message(7, "/t", type, JSON.readTree(body), "rec.ndjson:3");
    }

    @Test
    void decodesJointStateWithNullAsNaN() throws Exception {
        JointStateSample j = (JointStateSample) RosJsonDecoder.decode(message(RosJsonDecoder.JOINT_STATE,
                "{\"name\":[\"a\",\"b\"],\"position\":[0.5,null],\"velocity\":[1,-2],\"effort\":[]}")).orElseThrow();
        assertThat(j.names()).containsExactly("a", "b");
        assertThat(j.positionRad(1)).isNaN();
        assertThat(j.maxAbsVelocityRadS()).isEqualTo(2);
        assertThat(j.hasEffort()).isFalse();
    }

    @Test
    void decodesImuOrientationIntoTilt() throws Exception {
        double s = Math.sin(Math.toRadians(15));
        double c = Math.cos(Math.toRadians(15));
        ImuSample imu = (ImuSample) RosJsonDecoder.decode(message("sensor_msgs/Imu",
                "{\"orientation\":{\"x\":0,\"y\":%s,\"z\":0,\"w\":%s},\"angular_velocity\":{\"x\":0,\"y\":0,\"z\":0},"
                        .formatted(s, c) + "\"linear_acceleration\":{\"x\":0,\"y\":0,\"z\":9.81}}")).orElseThrow();
        assertThat(Math.toDegrees(imu.orientation().tiltFromVerticalRad())).isCloseTo(30, within(1e-9));
    }

    @Test
    void decodesNestedOdometryFields() throws Exception {
        OdometrySample o = (OdometrySample) RosJsonDecoder.decode(message(RosJsonDecoder.ODOMETRY,
                "{\"pose\":{\"pose\":{\"position\":{\"x\":1,\"y\":2,\"z\":0.9},\"orientation\":{\"x\":0,\"y\":0,\"z\":0,\"w\":1}}},"
                        + "\"twist\":{\"twist\":{\"linear\":{\"x\":0.3,\"y\":0.4,\"z\":0},\"angular\":{\"x\":0,\"y\":0,\"z\":0}}}}"))
                .orElseThrow();
        assertThat(o.positionM().z()).isEqualTo(0.9);
        assertThat(o.linearVelocityMs().norm()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void namesOriginTypeAndFieldOfAWrongField() throws Exception {
        assertThatThrownBy(() -> RosJsonDecoder.decode(message(RosJsonDecoder.SAFETY_STATE,
                "{\"mode\":\"auto\",\"estop\":\"yes\",\"protective_stop\":false,\"drive_enabled\":true}")))
                .isInstanceOf(TelemetryFormatException.class)
                .hasMessage("rec.ndjson:3: hcert/msg/SafetyState field \"estop\" must be true or false, got \"yes\"");
        assertThatThrownBy(() -> RosJsonDecoder.decode(message(RosJsonDecoder.JOINT_STATE, "{\"name\":[\"a\"]}")))
                .hasMessage("rec.ndjson:3: sensor_msgs/msg/JointState field \"position\" must be an array of numbers, it is missing");
    }

    @Test
    void decodesSafetyStateAndIgnoresUnknownTypes() throws Exception {
        SafetyStateSample s = (SafetyStateSample) RosJsonDecoder.decode(message(RosJsonDecoder.SAFETY_STATE,
                "{\"mode\":\"walking\",\"estop\":true,\"protective_stop\":false,\"drive_enabled\":false}")).orElseThrow();
        assertThat(s.estop()).isTrue();
        assertThat(s.driveEnabled()).isFalse();
        assertThat(RosJsonDecoder.decode(message("std_msgs/msg/String", "{\"data\":\"x\"}"))).isEmpty();
    }
}
