package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    private static final String SEPARATOR = "=".repeat(80);

    @Test
    void parsesArityBoundsAndAliases() {
        MessageType t = DefinitionParser.parse("pkg/msg/T", """
                string<=5[<=3] names
                byte[4] raw
                char c
                float32[] xs
                """, Dialect.ROS2);

        assertThat(t.name()).isEqualTo("pkg/T");
        assertThat(t.fields()).extracting(MessageType.Field::type).containsExactly(
                new FieldType(Primitive.STRING, FieldType.Arity.BOUNDED, 3, 5),
                new FieldType(Primitive.UINT8, FieldType.Arity.FIXED, 4, -1),
                new FieldType(Primitive.UINT8, FieldType.Arity.SINGLE, 0, -1),
                new FieldType(Primitive.FLOAT32, FieldType.Arity.UNBOUNDED, 0, -1));
    }

    @Test
    void mapsRos1ByteToInt8() {
        MessageType t = DefinitionParser.parse("pkg/T", "byte b\nchar c", Dialect.ROS1);

        assertThat(t.fields()).extracting(f -> f.type().element()).containsExactly(Primitive.INT8, Primitive.UINT8);
    }

    @Test
    void resolvesAShortNameFoundInOnlyOnePackage() {
        MessageType t = DefinitionParser.parse("a/msg/T", "Point p\n" + SEPARATOR + "\nMSG: geometry_msgs/Point\nfloat64 x",
                Dialect.ROS2);

        assertThat(((MessageType) t.fields().get(0).type().element()).name()).isEqualTo("geometry_msgs/Point");
    }

    @Test
    void sharesOneInstancePerNestedType() {
        MessageType t = DefinitionParser.parse("a/msg/T", "Point p\nPoint q\n" + SEPARATOR + "\nMSG: a/Point\nfloat64 x",
                Dialect.ROS2);

        assertThat(t.fields().get(0).type().element()).isSameAs(t.fields().get(1).type().element());
    }

    @Test
    void rejectsAMissingDependency() {
        assertThatThrownBy(() -> DefinitionParser.parse("sensor_msgs/msg/Imu", "# x\nstd_msgs/Header header", Dialect.ROS2))
                .isInstanceOf(TelemetryException.class)
                .hasMessage("ros2msg definition of sensor_msgs/msg/Imu, line 2 (\"std_msgs/Header header\"): "
                        + "unknown type std_msgs/Header: the definition must include it after a line of '=' "
                        + "and \"MSG: std_msgs/Header\"");
    }

    @Test
    void rejectsWstringInRos1() {
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/T", "wstring w", Dialect.ROS1))
                .hasMessage("ros1msg definition of pkg/T, line 1 (\"wstring w\"): unknown type wstring: "
                        + "the definition must include it after a line of '=' and \"MSG: pkg/wstring\"");
    }

    @Test
    void rejectsATypeThatIsNotOne() {
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", "int32[x] a", Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 1 (\"int32[x] a\"): \"int32[x]\" is not a type");
    }

    @Test
    void rejectsALineWithoutFieldName() {
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", "int32", Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 1 (\"int32\"): expected a type and a field name");
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", "int32 a-b", Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 1 (\"int32 a-b\"): \"a-b\" is not a field name");
    }

    @Test
    void rejectsABoundOnANonString() {
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", "int32<=3 a", Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 1 (\"int32<=3 a\"): "
                        + "only string and wstring take a length bound <=N");
    }

    @Test
    void rejectsASeparatorWithoutMsgHeader() {
        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", "int32 a\n===\nint32 b", Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 3 (\"int32 b\"): "
                        + "expected \"MSG: pkg/Type\" after a line of '='");
    }

    @Test
    void rejectsATypeDefinedTwice() {
        String text = "A a\n===\nMSG: pkg/A\nint8 x\n===\nMSG: pkg/msg/A\nint8 y";

        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", text, Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 6 (\"MSG: pkg/msg/A\"): type pkg/A is defined twice");
    }

    @Test
    void rejectsATypeThatContainsItself() {
        String text = "A a\n===\nMSG: pkg/A\nB b\n===\nMSG: pkg/B\nA[] loop";

        assertThatThrownBy(() -> DefinitionParser.parse("pkg/msg/T", text, Dialect.ROS2))
                .hasMessage("ros2msg definition of pkg/msg/T, line 7 (\"A[] loop\"): type pkg/A contains itself");
    }
}
