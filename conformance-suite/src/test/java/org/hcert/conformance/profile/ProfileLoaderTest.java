package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.family.KinematicFrame;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.mapping.BodyFields;
import org.hcert.telemetry.mapping.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    static final Path ROBOT = Path.of("../profiles/robots/hc1-demo.yaml");
    static final Path STANDARD = Path.of("../profiles/standards/heis-2026.yaml");
    static final Path LAB = Path.of("../profiles/labs/demo-lab.yaml");

    @TempDir
    Path dir;

    /** The line of the bundled robot profile on which {@code text} first appears, 1-based. */
    private static int lineOf(String text) throws IOException {
        java.util.List<String> lines = Files.readAllLines(ROBOT);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + ROBOT);
    }

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
        Path file = robotWith("{name: neck_yaw, lower: -1.2, upper: 1.2, maxVelocity: 8,",
                "{name: neck_yaw, lower: -90, upper: 90, unit: deg,");
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
    void rejectsAKeyGivenTwiceAndASecondDocument() throws IOException {
        // upper: 2.2 then upper: 9.9 would otherwise certify an overrunning knee against 9.9
        String knee = "  - {name: left_knee, lower: 0.0, upper: 2.2,";
        Path twice = robotWith(knee, "  - {name: left_knee, lower: 0.0, upper: 2.2, upper: 9.9,");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(twice)).isInstanceOf(ProfileException.class)
                .hasMessageContaining(":" + lineOf(knee) + ":").hasMessageContaining("key upper is given twice in one mapping");
        Path blockTwice = robotWith("robotClass: full-size-biped", "robotClass: full-size-biped\nrobotClass: wheeled-humanoid");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(blockTwice)).hasMessageContaining("key robotClass is given twice");
        Path second = dir.resolve("two.yaml");
        Files.writeString(second, Files.readString(ROBOT) + "\n---\nrobotClass: wheeled-humanoid\n");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(second)).hasMessageContaining("a second YAML document (after ---)");
    }

    /** Hostile or accidental inputs: a folder, a FIFO, a huge file, bad UTF-8, deep nesting, an alias bomb. Each a profile error. */
    @Test
    void readsOnlyRegularUtf8FilesOfBoundedSizeDepthAndAliases() throws Exception {
        assertThatThrownBy(() -> ProfileLoader.loadRobot(dir)).isInstanceOf(ProfileException.class)
                .hasMessage(dir + ": not a regular file (a folder): a profile is a YAML file");
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() == 0) {
            // never opened: reading a FIFO with no writer would hang
            assertThatThrownBy(() -> ProfileLoader.loadRobot(fifo)).isInstanceOf(ProfileException.class)
                    .hasMessage(fifo + ": not a regular file (a FIFO, socket or device): a profile is a YAML file");
        }
        Path huge = dir.resolve("huge.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(5L << 20);
        }
        assertThatThrownBy(() -> ProfileLoader.loadRobot(huge)).hasMessage(huge + ": 5242880 bytes; hcert reads profiles of up to "
                + "4194304 bytes (4 MiB)");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, Files.readString(ROBOT).replace("HC-1 virtual humanoid", "HC-1 Rob\u00f6ter")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ProfileLoader.loadRobot(latin1)).hasMessageMatching(
                java.util.regex.Pattern.quote(latin1.toString()) + ":\\d+: not valid UTF-8 \\(byte \\d+ of the file\\); save the profile as UTF-8");
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "a: " + "[".repeat(40) + "]".repeat(40) + "\n");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(deep)).hasMessageContaining("nested more than 32 levels deep");
        Path bomb = dir.resolve("bomb.yaml");
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 60; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Files.writeString(bomb, b);
        assertThatThrownBy(() -> ProfileLoader.loadRobot(bomb)).isInstanceOf(ProfileException.class).hasMessageContaining(bomb + ":");
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
                .hasMessage(file + ":" + lineOf("{name: left_knee,") + ": joints[6].upper: string found, number expected");
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
                .hasMessage(file + ":" + lineOf("{name: torso_yaw,") + ": joints[12].upper: upper limit -1.0 must be greater than lower limit 1.0");
    }

    @Test
    void rejectsATopicMappedToTwoRoles() throws IOException {
        Path file = robotWith("  battery: [/battery]", "  battery: [/odom]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":" + lineOf("  battery: [/battery]")
                        + ": topics.battery[0]: topic /odom is already mapped to odometry; a topic plays several roles only when "
                        + "each of its entries gives the fields it reads");
    }

    @Test
    void aTopicFeedsSeveralRolesThroughItsFields() throws IOException {
        Path file = robotWith("  battery: [/battery]", "  battery: [/battery, {topic: /log, fields: {voltage: {path: vbat_mV, scale: 0.001}, "
                + "current: ibat}}]");
        Files.writeString(file, Files.readString(file).replace("  imu: [/imu/torso]", "  imu: [/imu/torso, {topic: /log, fields: "
                + "{angular_velocity.z: {path: gyro_z, unit: deg/s}}}]"));
        RobotProfile robot = ProfileLoader.loadRobot(file);
        assertThat(robot.topics().roles("/log")).containsExactlyInAnyOrder(Role.BATTERY, Role.IMU);
        assertThat(robot.topics().fields("/log", Role.IMU).orElseThrow()).isInstanceOfSatisfying(BodyFields.class,
                f -> assertThat(f.sources().get("angular_velocity.z").scale()).isEqualTo(Math.PI / 180));
        assertThat(robot.topics().fields("/log", Role.BATTERY).orElseThrow()).isInstanceOfSatisfying(BodyFields.class,
                f -> assertThat(f.sources().get("voltage").scale()).isEqualTo(0.001));
    }

    @Test
    void fieldMappingsAreCheckedInputUnitAndKindNamingTheLine() throws IOException {
        String entry = "  imu: [/imu/torso]";
        Path unknown = robotWith(entry, "  imu: [{topic: /log, fields: {angular_velocty.z: gz}}]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(unknown)).hasMessageContaining(":" + lineOf(entry) + ": topics.imu[0].fields")
                .hasMessageContaining("angular_velocty.z is not an input of role imu (did you mean angular_velocity.z?)");
        Path wrongUnit = robotWith(entry, "  imu: [{topic: /log, fields: {angular_velocity.z: {path: gz, unit: deg}}}]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(wrongUnit)).hasMessageContaining("deg is an angle; this input takes rad/s, deg/s");
        String safety = "  safety_state: [/safety/state]";
        Path missing = robotWith(safety, "  safety_state: [{topic: /log, fields: {estop: e}}]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(missing))
                .hasMessageContaining("role safety_state needs mode mapped: it has no value that means \"not measured\"");
        Path flagUnit = robotWith(safety, "  safety_state: [{topic: /log, fields: {mode: m, estop: {path: e, scale: 2}, "
                + "protective_stop: p, drive_enabled: d}}]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(flagUnit)).hasMessageContaining("this input is not a quantity: it takes no unit or scale");
        Path badTime = robotWith("topics:", "recordingTime: time_us:usec\ntopics:");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(badTime)).hasMessageContaining("recordingTime: time unit \"usec\" is not one of ns, us, ms, s");
    }

    @Test
    void readsTheCommandRoutesTheSimulatorServesOverFoxglove() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        assertThat(robot.commands().routes()).containsExactlyElementsOf(org.hcert.simulator.server.FoxgloveInterface.ROUTES.routes());
    }

    @Test
    void loadsTheExampleRos2HumanoidOfTheDocs() {
        RobotProfile robot = ProfileLoader.loadRobot(Path.of("../profiles/robots/ros2-humanoid-example.yaml"));
        assertThat(robot.topics().topics(Role.SAFETY_STATE)).containsExactly("/safety/status");
        assertThat(robot.commands().route("walk")).hasValueSatisfying(r -> assertThat(r.describe()).isEqualTo("topic /cmd_vel"));
        assertThat(robot.commands().route("reset")).hasValueSatisfying(r -> assertThat(r.describe()).isEqualTo("service /safety/reset"));
        assertThat(robot.commands().route("power")).isEmpty();
    }

    @Test
    void commandRoutesAreCheckedNamingTheLine() throws IOException {
        String walk = "  walk: {topic: /cmd_vel, type: geometry_msgs/msg/Twist, message: {linear: {x: $vx, y: $vy}, angular: {z: $wz}}}";
        Path typo = robotWith(walk, "  walk: {topic: /cmd_vel, type: geometry_msgs/msg/Twist, message: {linear: {x: $vz}}}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(typo)).hasMessageContaining(":" + lineOf(walk) + ": commands.walk.message")
                .hasMessageContaining("$vz is not an argument of the walk command; its arguments are vx, vy, wz");
        Path field = robotWith(walk, "  walk: {topic: /cmd_vel, type: geometry_msgs/msg/Twist, message: {linaer: {x: $vx}}}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(field))
                .hasMessageContaining("the walk command's message does not fit geometry_msgs/msg/Twist")
                .hasMessageContaining("linaer");
        Path noType = robotWith(walk, "  walk: {topic: /cmd_vel, message: {linear: {x: $vx}}}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(noType))
                .hasMessageContaining("a command published as cdr needs its message type");
        Path unknown = robotWith(walk, "  jump: {service: /jump}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(unknown)).hasMessageContaining(":" + lineOf("commands:") + ": commands: property 'jump'");
    }

    @Test
    void choosesAPublisherByItsFrameWhereTheFrameTellsPublishersApart() throws IOException {
        Path file = robotWith("  odometry: [/odom]", "  odometry: [{topic: /odom, frameId: odom}]");
        RobotProfile robot = ProfileLoader.loadRobot(file);
        assertThat(robot.topics().topics(Role.ODOMETRY)).containsExactly("/odom");
        assertThat(robot.topics().chosenFrame("/odom")).contains("odom");
        assertThat(robot.topics().chosenFrame("/imu/torso")).isEmpty();
    }

    @Test
    void refusesToChooseATemperaturePublisherByItsFrame() throws IOException {
        Path file = robotWith("  temperatures: [/temperatures]", "  temperatures: [{topic: /temperatures, frameId: left_knee}]");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file)).hasMessageStartingWith(file + ":")
                .hasMessageEndingWith("topics.temperatures[0].frameId: role temperatures: a message's frame_id does not tell "
                        + "its publisher apart (it names the sensor), so a publisher cannot be chosen by it");
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

    @Test
    void loadsTheKinematicChainsOfTheBundledRobot() {
        RobotProfile robot = ProfileLoader.loadRobot(ROBOT);
        assertThat(robot.kinematics()).extracting(KinematicFrame::name).containsExactly("left_hand", "right_hand", "left_elbow", "right_elbow");
        KinematicFrame left = robot.kinematics().get(0);
        assertThat(left.kind()).isEqualTo(KinematicFrame.HAND);
        assertThat(left.joints()).containsExactly("torso_yaw", "left_shoulder_pitch", "left_shoulder_roll", "left_elbow");
        assertThat(left.chain().get(1).xyzM()).isEqualTo(new Vector3(0, 0.2, 0.45));
        assertThat(left.chain().get(1).axis()).isEqualTo(new Vector3(0, -1, 0));
        assertThat(left.chain().get(4).joint()).isEmpty();
        assertThat(robot.kinematics().get(2).kind()).isEqualTo(KinematicFrame.POINT);
    }

    @Test
    void rejectsAChainJointThatIsNotDeclaredNamingTheClosestOne() throws IOException {
        Path file = robotWith("{joint: left_shoulder_roll, axis: [1, 0, 0]}", "{joint: left_shoulder_rol, axis: [1, 0, 0]}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":" + lineOf("{joint: left_shoulder_roll, axis: [1, 0, 0]}") + ": kinematics.frames[0].chain[2].joint: joint left_shoulder_rol is not declared under joints "
                        + "(did you mean left_shoulder_roll?)");
    }

    @Test
    void rejectsAZeroAxis() throws IOException {
        Path file = robotWith("{joint: left_elbow, xyz: [0, 0, -0.30], axis: [0, -1, 0]}", "{joint: left_elbow, xyz: [0, 0, -0.30], axis: [0, 0, 0]}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessage(file + ":" + lineOf("{joint: left_elbow, xyz: [0, 0, -0.30], axis: [0, -1, 0]}") + ": kinematics.frames[0].chain[3].axis: the axis of joint left_elbow is zero; give the direction "
                        + "it turns about, e.g. [0, 0, 1]");
    }

    @Test
    void rejectsAJointWithoutAxisAndAFixedLinkWithOne() throws IOException {
        Path noAxis = robotWith("{joint: left_shoulder_roll, axis: [1, 0, 0]}", "{joint: left_shoulder_roll}");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(noAxis))
                .hasMessage(noAxis + ":" + lineOf("{joint: left_shoulder_roll, axis: [1, 0, 0]}") + ": kinematics.frames[0].chain[2]: joint left_shoulder_roll needs its rotation axis "
                        + "(axis: [x, y, z] in the link's frame)");
        Path fixedAxis = robotWith("        - {xyz: [0, 0, -0.30]}\n    - name: right_hand", "        - {xyz: [0, 0, -0.30], axis: [1, 0, 0]}\n    - name: right_hand");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(fixedAxis))
                .hasMessage(fixedAxis + ":" + lineOf("        - {xyz: [0, 0, -0.30]}") + ": kinematics.frames[0].chain[4].axis: a fixed link has no axis; name the joint that turns "
                        + "about it (joint: …)");
    }

    @Test
    void rejectsAChainVectorWithTwoComponents() throws IOException {
        Path file = robotWith("{joint: torso_yaw, axis: [0, 0, 1]}\n        - {joint: left_shoulder_pitch", "{joint: torso_yaw, axis: [0, 1]}\n        - {joint: left_shoulder_pitch");
        assertThatThrownBy(() -> ProfileLoader.loadRobot(file))
                .hasMessageStartingWith(file + ":" + lineOf("{joint: torso_yaw, axis: [0, 0, 1]}") + ": kinematics.frames[0].chain[0].axis: ");
    }
}
