package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.hcert.telemetry.SchemaInfo;
import org.junit.jupiter.api.Test;

/** ROS 1 bodies written by hand against ros1msg definitions. */
class Ros1DecodingTest {

    private final RosBodyDecoders decoders = RosBodyDecoders.standard();

    private JsonNode decode(String definition, String hex) {
        SchemaInfo schema = new SchemaInfo("pkg/T", "ros1msg", definition.getBytes(StandardCharsets.UTF_8));
        return decoders.decode(schema, "ros1", Hex.bytes(hex));
    }

    @Test
    void decodesHeaderTimeDurationAliasesArraysAndNestedTypesWithoutAlignment() {
        String definition = """
                Header header
                byte b
                char c
                time t
                duration d
                uint8[2] fixed
                string[] names
                geometry_msgs/Point p
                ================================================================================
                MSG: std_msgs/Header
                uint32 seq
                time stamp
                string frame_id
                ================================================================================
                MSG: geometry_msgs/Point
                float64 x
                """;
        JsonNode m = decode(definition, """
                07 00 00 00 | 0a 00 00 00 15 cd 5b 07 | 01 00 00 00 6d
                ff | ff
                01 00 00 00 02 00 00 00
                ff ff ff ff 05 00 00 00
                03 04
                02 00 00 00 | 01 00 00 00 61 | 00 00 00 00
                00 00 00 00 00 00 f0 3f
                """);

        assertThat(m).hasToString("""
                {"header":{"seq":7,"stamp":{"sec":10,"nanosec":123456789},"frame_id":"m"},\
                "b":-1,"c":255,"t":{"sec":1,"nanosec":2},"d":{"sec":-1,"nanosec":5},\
                "fixed":[3,4],"names":["a",""],"p":{"x":1.0}}""");
    }

    @Test
    void knowsStdMsgsHeaderWhenTheDefinitionLeavesItOut() {
        JsonNode m = decode("Header header", "01 00 00 00 | 00 00 00 00 00 00 00 00 | 00 00 00 00");

        assertThat(m).hasToString("{\"header\":{\"seq\":1,\"stamp\":{\"sec\":0,\"nanosec\":0},\"frame_id\":\"\"}}");
    }

    @Test
    void readsMessagesWithoutFieldsAsNoBytes() {
        String definition = """
                Empty[3] empties
                uint8 after
                ================================================================================
                MSG: pkg/Empty
                """;

        assertThat(decode(definition, "02")).hasToString("{\"empties\":[{},{},{}],\"after\":2}");
    }

    @Test
    void rejectsStringLongerThanTheBody() {
        assertThatThrownBy(() -> decode("uint8 a\nstring s", "01 | 09 00 00 00 | 61"))
                .hasMessage("pkg/T (ros1), field s, byte 1: string length 9 exceeds the 1 bytes left");
    }

    @Test
    void rejectsAnyByteLeftOver() {
        assertThatThrownBy(() -> decode("uint8 a", "01 00"))
                .hasMessage("pkg/T (ros1), byte 1: 1 bytes left over after the last field; "
                        + "the body does not match the definition");
    }

    @Test
    void rejectsBoundedTypesWhichRos1DoesNotHave() {
        assertThatThrownBy(() -> decode("int32[<=3] xs", "00 00 00 00"))
                .hasMessage("ros1msg definition of pkg/T, line 1 (\"int32[<=3] xs\"): "
                        + "ROS 1 definitions have no bounded strings or sequences");
    }
}
