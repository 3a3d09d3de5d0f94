package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosDefinitionsTest {

    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void assemblesATypeWithItsDependenciesOnce() throws IOException {
        write("nav/msg/Path.msg", "std_msgs/Header header\nPose[] poses\nPose last");
        write("nav/msg/Pose.msg", "builtin_interfaces/Time stamp\nfloat64 x\n");
        write("std_msgs/msg/Header.msg", "builtin_interfaces/Time stamp\nstring frame_id\n");

        SchemaInfo schema = RosDefinitions.fromDirectory(root).schema("nav/Path").orElseThrow();

        String separator = "=".repeat(80);
        assertThat(schema.name()).isEqualTo("nav/msg/Path");
        assertThat(schema.encoding()).isEqualTo("ros2msg");
        assertThat(new String(schema.data(), StandardCharsets.UTF_8)).isEqualTo("""
                std_msgs/Header header
                Pose[] poses
                Pose last
                %1$s
                MSG: std_msgs/msg/Header
                builtin_interfaces/Time stamp
                string frame_id
                %1$s
                MSG: nav/msg/Pose
                builtin_interfaces/Time stamp
                float64 x
                """.formatted(separator));
    }

    @Test
    void assembledSchemaDecodes() throws IOException {
        write("nav/msg/Pose.msg", "Point p\n");
        write("nav/msg/Point.msg", "int8 x\n");
        SchemaInfo schema = RosDefinitions.fromDirectory(root).schema("nav/msg/Pose").orElseThrow();

        assertThat(RosBodyDecoders.standard().decode(schema, "cdr", Hex.bytes("00 01 00 00 05"))).hasToString("{\"p\":{\"x\":5}}");
    }

    @Test
    void isEmptyForTypesItDoesNotDefine() throws IOException {
        write("nav/msg/Pose.msg", "float64 x\n");

        assertThat(RosDefinitions.fromDirectory(root).schema("nav/msg/Twist")).isEmpty();
        assertThat(RosDefinitions.none().schema("nav/msg/Pose")).isEmpty();
    }

    @Test
    void refusesAMissingDirectory() {
        Path missing = root.resolve("absent");

        assertThatThrownBy(() -> RosDefinitions.fromDirectory(missing))
                .isInstanceOf(TelemetryException.class)
                .hasMessage(missing + ": not a directory of ROS message definitions (<package>/msg/<Type>.msg)");
    }

    @Test
    void findsDefinitionsInAWorkspacesInstallTreeAndPrefersTheShallowestCopy() throws IOException {
        // an isolated install: install/<pkg>/share/<pkg>/msg; a stale copy of one type deeper in a build folder
        write("install/acme_msgs/share/acme_msgs/msg/MotorState.msg", "float32 q\nfloat32 dq\n");
        write("install/acme_msgs/share/acme_msgs/msg/LowState.msg", "acme_msgs/MotorState[12] motor_state\n");
        write("build/acme_msgs/rosidl_adapter/x/acme_msgs/msg/MotorState.msg", "float32 stale\n");

        SchemaInfo low = RosDefinitions.fromDirectory(root).schema("acme_msgs/msg/LowState").orElseThrow();
        assertThat(new String(low.data(), java.nio.charset.StandardCharsets.UTF_8)).contains("MSG: acme_msgs/msg/MotorState\nfloat32 q\n")
                .doesNotContain("stale");
    }

    @Test
    void refusesADirectoryWithoutDefinitions() throws IOException {
        write("notes/readme.txt", "nothing here\n");

        assertThatThrownBy(() -> RosDefinitions.fromDirectory(root)).isInstanceOf(TelemetryException.class)
                .hasMessageContaining("no message definitions in it");
    }

    @Test
    void bundlesTheCommonInterfacesAndYieldsToGivenDefinitions() throws IOException {
        RosDefinitions bundled = RosDefinitions.bundledInterfaces();
        java.util.List<String> types = new java.util.ArrayList<>(new String(RosDefinitions.class.getResourceAsStream(
                "/ros-interfaces/INDEX").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
        assertThat(types).hasSizeGreaterThan(120).contains("sensor_msgs/JointState", "tf2_msgs/TFMessage", "control_msgs/DynamicJointState",
                "trajectory_msgs/JointTrajectory", "diagnostic_msgs/DiagnosticArray", "rcl_interfaces/Log");
        types.add("hcert/SafetyState");
        for (String type : types) {
            SchemaInfo schema = bundled.schema(type).orElseThrow();
            // every dependency is bundled too: the definition parses (a missing one throws)
            assertThat(DefinitionParser.parse(schema.name(), new String(schema.data(), java.nio.charset.StandardCharsets.UTF_8),
                    Dialect.ROS2)).as(type).isNotNull();
        }
        write("sensor_msgs/msg/JointState.msg", "string[] name\n");
        SchemaInfo mine = RosDefinitions.fromDirectory(root).and(bundled).schema("sensor_msgs/msg/JointState").orElseThrow();
        assertThat(new String(mine.data(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("string[] name\n");
    }
}
