package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;

/** Dispatch on (schema encoding, message encoding). */
class RosBodyDecodersTest {

    private final RosBodyDecoders decoders = RosBodyDecoders.standard();

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static SchemaInfo schema(String encoding, String text) {
        return new SchemaInfo("pkg/msg/T", encoding, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesJsonWithOrWithoutSchema() {
        assertThat(decoders.decode(null, "json", utf8("{\"a\":[1,2]}"))).hasToString("{\"a\":[1,2]}");
        assertThat(decoders.decode(schema("jsonschema", "{}"), "json", utf8("{\"b\":true}"))).hasToString("{\"b\":true}");
        assertThat(decoders.decode(schema("", ""), "json", utf8("{}"))).hasToString("{}");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> decoders.decode(null, "json", utf8("[1]")))
                .isInstanceOf(TelemetryException.class)
                .hasMessage("(no schema) (json): the body must be a JSON object");
        assertThatThrownBy(() -> decoders.decode(schema("jsonschema", "{}"), "json", utf8("{\"a\":")))
                .hasMessageStartingWith("pkg/msg/T (json), byte 5: not JSON: Unexpected end-of-input");
    }

    @Test
    void rejectsRos2Idl() {
        assertThatThrownBy(() -> decoders.decode(schema("ros2idl", "module pkg {};"), "cdr", utf8("")))
                .hasMessage("pkg/msg/T: schema encoding ros2idl is not supported; hcert decodes ros2msg definitions "
                        + "(rosbag2 writes ros2msg for every type generated from a .msg file)");
    }

    @Test
    void rejectsUnknownCombinationsNamingThem() {
        assertThatThrownBy(() -> decoders.decode(schema("ros2msg", "int8 a"), "ros1", utf8("")))
                .hasMessage("pkg/msg/T: no decoder for schema encoding \"ros2msg\" with message encoding \"ros1\"; "
                        + "hcert decodes ros2msg with cdr, ros1msg with ros1, protobuf with protobuf, flatbuffer with flatbuffer, and jsonschema (or no schema) with json");
        assertThatThrownBy(() -> decoders.decode(null, "cdr", utf8("")))
                .hasMessage("(no schema): no decoder for schema encoding \"\" with message encoding \"cdr\"; "
                        + "hcert decodes ros2msg with cdr, ros1msg with ros1, protobuf with protobuf, flatbuffer with flatbuffer, and jsonschema (or no schema) with json");
        assertThatThrownBy(() -> decoders.decode(schema("flatbuffer", ""), "flatbuffer", utf8("")))
                .hasMessageStartingWith("pkg/msg/T: not a binary flatbuffer schema (.bfbs, as flatc --binary --schema writes it)");
        assertThatThrownBy(() -> decoders.decode(schema("protobuf", ""), "protobuf", utf8("")))
                .hasMessage("pkg/msg/T (protobuf): the schema's FileDescriptorSet defines no message of that name");
    }

    @Test
    void reportsABadDefinitionEveryTimeItIsUsed() {
        SchemaInfo bad = schema("ros2msg", "Missing m");
        String expected = "ros2msg definition of pkg/msg/T, line 1 (\"Missing m\"): unknown type Missing: "
                + "the definition must include it after a line of '=' and \"MSG: pkg/Missing\"";

        assertThatThrownBy(() -> decoders.decode(bad, "cdr", utf8(""))).hasMessage(expected);
        assertThatThrownBy(() -> decoders.decode(bad, "cdr", utf8(""))).hasMessage(expected);
    }
}
