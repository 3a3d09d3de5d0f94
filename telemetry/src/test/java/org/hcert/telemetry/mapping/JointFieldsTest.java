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
        JointFields f = new JointFields(List.of("shoulder", "elbow"), null, FieldSource.path("arm.joints[*].deg", Math.PI / 180),
                FieldSource.path("arm.joints[*].dps", Math.PI / 180), null);
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
        JointFields f = new JointFields(List.of(), FieldSource.path("names[*]"), FieldSource.path("q[1]"), null, null);
        JointStateSample j = f.sample(message("{\"names\":[\"knee\"],\"q\":[0.1,0.2,0.3]}"));
        assertThat(j.names()).containsExactly("knee");
        assertThat(j.positionRad(0)).isEqualTo(0.2);
    }

    @Test
    void countsThatDisagreeAndValuesThatAreNotNumbersAreErrorsNamingTheMessage() throws IOException {
        JointFields f = new JointFields(List.of("a", "b"), null, FieldSource.path("q[*]"), FieldSource.path("dq[*]"), null);
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1]}"))).isInstanceOf(TelemetryFormatException.class)
                .hasMessage("arm.ndjson:1: field q[*] holds 1 values for 2 joint names");
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1,2],\"dq\":[1]}"))).hasMessageContaining("field dq[*] holds 1 values for 2 joints");
        assertThatThrownBy(() -> f.sample(message("{\"q\":[1,\"x\"]}"))).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> f.sample(message("{}"))).hasMessageContaining("field q[*] (position) is missing");
    }

    @Test
    void positionsJoinedFromSeveralColumnsOfATableInTheirOrder() throws IOException {
        // a vendor table names one column per joint: q0, q1; a column with a dot is found as written
        JointFields f = new JointFields(List.of("hip", "knee", "ankle"), null,
                new FieldSource(List.of("q0", "q1", "leg.q2"), Math.PI / 180, null), null, null);
        JointStateSample j = f.sample(message("{\"q1\":90,\"q0\":0,\"leg.q2\":-90,\"q3\":7}"));
        assertThat(j.positionRad(0)).isZero();
        assertThat(j.positionRad(1)).isEqualTo(Math.PI / 2);
        assertThat(j.positionRad(2)).isEqualTo(-Math.PI / 2);
        // one column missing in a row: the count no longer fits the names, an error, never a shifted joint
        assertThatThrownBy(() -> f.sample(message("{\"q0\":0,\"leg.q2\":1}")))
                .hasMessage("arm.ndjson:1: field q0 + q1 + leg.q2 holds 2 values for 3 joint names");
    }

    @Test
    void pathsAreCheckedForForm() {
        assertThat(FieldSource.problemWith("motor_state[*].q")).isEmpty();
        assertThat(FieldSource.problemWith("a[3].b")).isEmpty();
        assertThat(FieldSource.problemWith("a[x].b")).contains("\"a[x]\"");
        assertThat(FieldSource.problemWith("a[*.b")).isNotEmpty();
        assertThat(FieldSource.problemWith("")).isNotEmpty();
        // any column name without brackets names a field exactly
        assertThat(FieldSource.problemWith("Time (s)")).isEmpty();
    }
}
