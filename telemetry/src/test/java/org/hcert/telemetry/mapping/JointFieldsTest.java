package org.hcert.telemetry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;

class JointFieldsTest {

    private static Message message(String json) throws IOException {
        return new Message(5, "/arm", "acme/msg/ArmState", new ObjectMapper().readTree(json), "arm.ndjson:1");
    }

    @Test
    void readsNamedJointsFromArraysWithScaleAndLeavesAnAbsentSignalAbsent() throws IOException {
        // positions in degrees in a nested array; no velocity field in this message
        JointFields f = new JointFields(List.of("shoulder", "elbow"), "", "arm.joints[*].deg", "arm.joints[*].dps", "",
                Math.PI / 180, Math.PI / 180, 1);
        JointStateSample j = f.sample(message("{\"arm\":{\"joints\":[{\"deg\":90},{\"deg\":-45}]}}"));
        assertThat(j.names()).containsExactly("shoulder", "elbow");
        assertThat(j.positionRad(0)).isEqualTo(Math.PI / 2);
        assertThat(j.positionRad(1)).isEqualTo(-Math.PI / 4);
        assertThat(j.hasVelocity()).isFalse();
        assertThat(j.hasEffort()).isFalse();
        assertThat(j.tNs()).isEqualTo(5);
    }

    @Test
    void oneElementByIndexAndNamesFromAField() throws IOException {
        JointFields f = new JointFields(List.of(), "names[*]", "q[1]", "", "", 1, 1, 1);
        JointStateSample j = f.sample(message("{\"names\":[\"knee\"],\"q\":[0.1,0.2,0.3]}"));
        assertThat(j.names()).containsExactly("knee");
        assertThat(j.positionRad(0)).isEqualTo(0.2);
    }

    @Test
    void countsThatDisagreeAndValuesThatAreNotNumbersAreErrorsNamingTheMessage() throws IOException {
        JointFields f = new JointFields(List.of("a", "b"), "", "q[*]", "dq[*]", "", 1, 1, 1);
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1]}"))).isInstanceOf(TelemetryFormatException.class)
                .hasMessage("arm.ndjson:1: field q[*] holds 1 values for 2 joint names");
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1,2],\"dq\":[1]}"))).hasMessageContaining("field dq[*] holds 1 values for 2 joints");
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1,\"x\"]}"))).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> f.sample(message("{}"))).hasMessageContaining("field q[*] (position) is missing");
    }

    @Test
    void pathsAreCheckedForForm() {
        assertThat(JointFields.problemWith("motor_state[*].q")).isEmpty();
        assertThat(JointFields.problemWith("a[3].b")).isEmpty();
        assertThat(JointFields.problemWith("a[x].b")).contains("\"a[x]\"");
        assertThat(JointFields.problemWith("a..b")).isNotEmpty();
    }
}
