package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor's message type read through the robot profile's field mapping: a protobuf motor-state
 * array (telemetry's test data {@code data/protobuf/lowstate.mcap}, 12 motors, 2 s at 500 Hz) as
 * the joints of a legged robot, certified for its joint limits.
 */
class VendorFieldsIT {

    private static final Path LOWSTATE = Path.of("../telemetry/src/test/resources/data/protobuf/lowstate.mcap");
    private static final List<String> MOTORS = List.of("FR_hip", "FR_thigh", "FR_calf", "FL_hip", "FL_thigh", "FL_calf",
            "RR_hip", "RR_thigh", "RR_calf", "RL_hip", "RL_thigh", "RL_calf");

    @TempDir
    Path dir;

    /** The robot's profile: its joints' soft limits ±{@code limitRad}, /lowstate's fields as its joints; the mapping as given. */
    private Path robot(double limitRad, String fields) throws IOException {
        String joints = MOTORS.stream().map(j -> "  - {name: %s, lower: %s, upper: %s}".formatted(j, -limitRad, limitRad))
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("robot-" + limitRad + ".yaml"), """
                schema: hcert/robot-profile/v1
                identity: {manufacturer: hcert tests, model: protobuf vendor robot, serial: "1", firmware: "1"}
                robotClass: compact-biped
                capabilities: [walking]
                declared: {}
                joints:
                %s
                topics:
                  joints:
                    - topic: /lowstate
                      fields: %s
                """.formatted(joints, fields));
    }

    private static final String FIELDS = "{namesFrom: \"motor_name[*]\", position: \"motor_state[*].q\", velocity: \"motor_state[*].dq\", "
            + "effort: \"motor_state[*].tau_est\"}";

    private JsonNode jointRange(Path robot, String out) throws IOException {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", robot.toString(), "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", LOWSTATE.toString(), "--out", dir.resolve(out).toString(), "--no-html");
        assertThat(run.stderr()).doesNotContain("Exception");
        for (JsonNode c : new ObjectMapper().readTree(dir.resolve(out).resolve("certificate.json").toFile()).get("clauses")) {
            if (c.get("id").asText().equals("LC-JNT-01")) {
                return c;
            }
        }
        throw new AssertionError("no LC-JNT-01");
    }

    @Test
    void theMotorsOfAProtobufStateAreJudgedAsJointsByTheirMappedFields() throws IOException {
        // the motors swing to ±0.1 rad: within ±0.2, beyond ±0.05
        JsonNode pass = jointRange(robot(0.2, FIELDS), "pass");
        assertThat(pass.get("verdict").asText()).as(pass.toString()).isEqualTo("PASS");
        assertThat(pass.get("measurements")).hasSize(12);
        assertThat(jointRange(robot(0.05, FIELDS), "fail").get("verdict").asText()).isEqualTo("FAIL");
        // a scale to SI: the same values read as degrees are 57 times smaller, so ±0.05 rad holds
        JsonNode scaled = jointRange(robot(0.05, FIELDS.replace("}", ", positionScale: 0.017453292519943295}")), "scaled");
        assertThat(scaled.get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void oneProtobufStateFeedsTheJointsAndTheBatteryWhichItReportsEveryOtherMessage() throws IOException {
        Path robot = robot(0.2, FIELDS);
        Files.writeString(robot, Files.readString(robot).replace("capabilities: [walking]", "capabilities: [walking]\n"
                + "declared: {batteryMaxVoltage: {value: 25, unit: V}, batteryMinVoltage: {value: 23, unit: V}}").replace("declared: {}\n", "")
                + "  battery:\n    - topic: /lowstate\n      fields: {voltage: battery_v}\n");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", robot.toString(), "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", LOWSTATE.toString(), "--out", dir.resolve("both").toString(), "--no-html");
        assertThat(run.stderr()).doesNotContain("Exception");
        JsonNode clauses = new ObjectMapper().readTree(dir.resolve("both").resolve("certificate.json").toFile()).get("clauses");
        int judged = 0;
        for (JsonNode c : clauses) {
            if (c.get("id").asText().equals("LC-JNT-01")) {
                assertThat(c.get("verdict").asText()).isEqualTo("PASS");
                judged++;
            }
            if (c.get("id").asText().equals("AP-BATT-01")) {
                judged++;
                // 500 of the 1000 states carry battery_v (24.5 V falling by 1 mV per state); current and temperature not mapped
                assertThat(c.toString()).contains("largest 24.5 V").contains("over 500 samples");
                assertThat(c.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
            }
        }
        assertThat(judged).isEqualTo(2);
    }

    @Test
    void aFieldPathThatSelectsNothingIsAnErrorNotAPass() throws IOException {
        JsonNode wrong = jointRange(robot(0.2, FIELDS.replace("motor_state[*].q", "motor_state[*].position")), "wrong");
        assertThat(wrong.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(wrong.toString()).contains("field motor_state[*].position (position) is missing");
    }

    @Test
    void aMalformedPathIsAProfileError() throws IOException {
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", robot(0.2, FIELDS.replace("motor_state[*].q",
                "motor_state[x].q")).toString(), "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording",
                LOWSTATE.toString(), "--out", dir.resolve("bad").toString(), "--no-html");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("robot-0.2.yaml:22: topics.joints[0].fields.position").contains("motor_state[x]");
    }
}
