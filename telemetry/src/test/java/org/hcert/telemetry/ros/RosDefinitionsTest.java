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
}
