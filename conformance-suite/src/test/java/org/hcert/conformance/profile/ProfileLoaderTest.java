package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.telemetry.mapping.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    static final Path ROBOT = Path.of("../profiles/robots/hc1-demo.yaml");
    static final Path STANDARD = Path.of("../profiles/standards/heis-2026.yaml");
    static final Path LAB = Path.of("../profiles/labs/demo-lab.yaml");

    @TempDir
    Path dir;

    private Path robotWith(String from, String to) throws IOException {
        String text = Files.readString(ROBOT);
        assertThat(text).contains(from);
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void loadsTheBundledRobotProfile() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        assertThat(robot.identity().model()).isEqualTo("HC-1 virtual humanoid");
        assertThat(robot.robotClass()).isEqualTo("full-size-biped");
        assertThat(robot.joints()).hasSize(20);
        assertThat(robot.declaredValue("stopTime")).hasValue(new Quantity(600, Unit.MILLISECOND));
        assertThat(robot.topics().topics(Role.SAFETY_STATE)).containsExactly("/safety/state");
        assertThat(robot.file().sha256()).hasSize(64);
    }

    @Test
    void loadsTheBundledStandardProfileWithLimitsAndEvidenceLabels() {
        StandardProfile standard = ProfileLoader.loadStandard(STANDARD);
        Clause estop = standard.clause("SE-ESTOP-01").orElseThrow();
        LimitSpec stopTime = estop.limit("stopTime", "full-size-biped").orElseThrow();
        assertThat(stopTime.declaredKey()).hasValue("stopTime");
        assertThat(stopTime.evidence()).isEqualTo("D");
        LimitSpec ratio = standard.clause("SE-BAL-01").orElseThrow().limit("pelvisHeightRatio", "x").orElseThrow();
        assertThat(ratio.comparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(ratio.value().orElseThrow().si()).isCloseTo(0.30, within(1e-12));
        assertThat(ratio.evidence()).isEqualTo("I");
    }

    @Test
    void loadsTheBundledLabProfile() {
        assertThat(ProfileLoader.loadLab(LAB).operatorName()).isEqualTo("Demo Operator");
    }

    @Test
    void convertsJointLimitsGivenInDegrees() throws IOException {
        Path file = robotWith("{name: neck_yaw, lower: -1.2, upper: 1.2, maxVelocity: 8}",
                "{name: neck_yaw, lower: -90, upper: 90, unit: deg}");
        DeclaredJoint neck = ProfileLoader.loadRobot(file).joints().get(19);
        assertThat(neck.upperRad()).isCloseTo(Math.PI / 2, within(1e-12));
    }

    @Test
    void rejectsMalformedYamlNamingFileAndLine() throws IOException {
        Path file = robotWith("robotClass: full-size-biped", "robotClass: [full-size-biped");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ":9: YAML syntax error: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts at line 8)");
    }

    @Test
    void rejectsAProfileMissingARequiredField() throws IOException {
        Path file = robotWith("  serial: HC1-DEMO-0001\n", "");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ":3: identity: required field \"serial\" is missing");
    }

    @Test
    void rejectsAFieldOfTheWrongType() throws IOException {
        Path file = robotWith("{name: left_knee, lower: 0.0, upper: 2.2", "{name: left_knee, lower: 0.0, upper: high");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":22: joints[6].upper: string found, number expected");
    }

    @Test
    void namesAMisspelledFieldBeforeTheRequiredOneItHides() throws IOException {
        Path file = robotWith("capabilities:", "capabilites:");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":9: capabilites: unknown field; check its spelling against the schema; also "
                        + file + ":2: required field \"capabilities\" is missing");
    }

    @Test
    void rejectsAJointWhoseUpperLimitIsNotAboveItsLower() throws IOException {
        Path file = robotWith("{name: torso_yaw, lower: -1.0, upper: 1.0", "{name: torso_yaw, lower: 1.0, upper: -1.0");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":28: joints[12].upper: upper limit -1.0 must be greater than lower limit 1.0");
    }

    @Test
    void rejectsATopicMappedToTwoRoles() throws IOException {
        Path file = robotWith("  battery: [/battery]", "  battery: [/odom]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":43: topics.battery[0]: topic /odom is already mapped to odometry; a topic plays one role");
    }

    @Test
    void saysWhenTheFileDoesNotExist() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ProfileLoader.loadStandard(missing)).hasMessage(missing + ": file not found");
    }

    @Test
    void rejectsAStandardLimitWithBothValueAndDeclaration() throws IOException {
        String text = Files.readString(STANDARD).replace("stopTime: {declared: stopTime,", "stopTime: {declared: stopTime, value: 1, unit: s,");
        Path file = dir.resolve("standard.yaml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ProfileLoader.loadStandard(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ":26: clauses[0].limits.stopTime: give either value and unit, or declared "
                        + "(a key of the robot profile's declared section), not both or neither");
    }
}
