package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;

/** CDR encoding against hand-written bytes and round trips through the CDR decoder. */
class CdrEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RosBodyDecoders decoders = RosBodyDecoders.standard();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static SchemaInfo schema(String definition) {
        return new SchemaInfo("pkg/msg/T", "ros2msg", definition.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private JsonNode decode(SchemaInfo schema, byte[] bytes) {
        return decoders.decode(schema, "cdr", ByteBuffer.wrap(bytes));
    }

    @Test
    void alignsEachValueToItsSizeAfterTheHeader() {
        SchemaInfo s = schema("uint8 a\nfloat64 b\nstring c\nint16[] d\n");
        byte[] bytes = CdrEncoder.of(s).encode(json("{\"a\":7,\"b\":1.5,\"c\":\"hi\",\"d\":[-1]}"));
        assertThat(hex(bytes)).isEqualTo("00010000" + "07" + "00000000000000" + "000000000000f83f"
                + "03000000" + "686900" + "00" + "01000000" + "ffff");
    }

    @Test
    void roundTripsEveryPrimitiveThroughTheDecoder() {
        SchemaInfo s = schema("""
                bool a
                byte b
                char c
                int8 d
                int16 e
                uint16 f
                int32 g
                uint32 h
                int64 i
                uint64 j
                float32 k
                float64 l
                string m
                wstring n
                string<=5 o
                int32[3] p
                float64[<=2] q
                """);
        JsonNode body = json("""
                {"a":true,"b":255,"c":65,"d":-128,"e":-32768,"f":65535,"g":-2,"h":4294967295,
                 "i":-9223372036854775808,"j":18446744073709551615,"k":1.5,"l":-1.5,"m":"hi","n":"é😀",
                 "o":"abc","p":[1,2,3],"q":[0.25]}""");
        assertThat(decode(s, CdrEncoder.of(s).encode(body))).hasToString(body.toString());
    }

    @Test
    void encodesEveryBundledTypeSoThatTheDecoderReadsItBack() {
        JsonNode joints = json("""
                {"header":{"stamp":{"sec":1772352000,"nanosec":5000000},"frame_id":""},"name":["a","b"],
                 "position":[0.1,-0.2],"velocity":[0.0,1.0],"effort":[]}""");
        SchemaInfo schema = BundledDefinitions.schema("sensor_msgs/msg/JointState").orElseThrow();
        byte[] bytes = CdrEncoder.bundled("sensor_msgs/JointState").orElseThrow().encode(joints);
        assertThat(decode(schema, bytes)).hasToString(joints.toString());
        for (String type : BundledDefinitions.TYPES) {
            SchemaInfo s = BundledDefinitions.schema(type).orElseThrow();
            assertThat(s.encoding()).isEqualTo("ros2msg");
            JsonNode empty = decode(s, CdrEncoder.of(s).encode(json("{}")));
            assertThat(decode(s, CdrEncoder.of(s).encode(empty))).as(type).hasToString(empty.toString());
        }
    }

    @Test
    void fillsMissingFieldsWithNotMeasuredValues() {
        SchemaInfo s = BundledDefinitions.schema("sensor_msgs/msg/Imu").orElseThrow();
        JsonNode imu = decode(s, CdrEncoder.bundled("sensor_msgs/msg/Imu").orElseThrow()
                .encode(json("{\"orientation\":{\"w\":1.0}}")));
        assertThat(imu.at("/orientation/w").doubleValue()).isEqualTo(1.0);
        assertThat(imu.at("/orientation/x").doubleValue()).isNaN();
        assertThat(imu.at("/angular_velocity/z").doubleValue()).isNaN();
        assertThat(imu.get("orientation_covariance")).hasSize(9).allMatch(n -> n.doubleValue() == 0.0);
        assertThat(imu.at("/header/frame_id").textValue()).isEmpty();
        assertThat(imu.at("/header/stamp/sec").intValue()).isZero();
    }

    @Test
    void encodesJsonNullAsNaN() {
        SchemaInfo s = schema("float64 a\nfloat32[] b\n");
        JsonNode decoded = decode(s, CdrEncoder.of(s).encode(json("{\"a\":null,\"b\":[null,2]}")));
        assertThat(decoded.get("a").doubleValue()).isNaN();
        assertThat(decoded.at("/b/0").floatValue()).isNaN();
        assertThat(decoded.at("/b/1").floatValue()).isEqualTo(2f);
    }

    @Test
    void encodesAMessageWithoutFieldsAsOneByte() {
        SchemaInfo s = schema("geometry_msgs/Empty e\n===\nMSG: geometry_msgs/Empty\n");
        assertThat(hex(CdrEncoder.of(s).encode(json("{}")))).isEqualTo("0001000000");
    }

    @Test
    void rejectsValuesThatDoNotFitTheirFieldNamingTypeAndPath() {
        CdrEncoder joints = CdrEncoder.bundled("sensor_msgs/msg/JointState").orElseThrow();
        assertThatThrownBy(() -> joints.encode(json("{\"position\":[0.1,\"x\"]}")))
                .isInstanceOf(TelemetryException.class)
                .hasMessage("sensor_msgs/msg/JointState (cdr), field position[1]: expected a number (float64), got \"x\"");
        assertThatThrownBy(() -> joints.encode(json("{\"header\":{\"stamp\":{\"sec\":2147483648}}}")))
                .hasMessage("sensor_msgs/msg/JointState (cdr), field header.stamp.sec: 2147483648 is outside the int32 range "
                        + "[-2147483648, 2147483647]");
        assertThatThrownBy(() -> joints.encode(json("{\"header\":{\"seq\":3}}")))
                .hasMessage("sensor_msgs/msg/JointState (cdr), field header: \"seq\" is not a field of std_msgs/Header; "
                        + "encode such messages as json instead");
        assertThatThrownBy(() -> joints.encode(json("{\"name\":\"a\"}")))
                .hasMessage("sensor_msgs/msg/JointState (cdr), field name: expected an array (string[]), got \"a\"");
        CdrEncoder imu = CdrEncoder.bundled("sensor_msgs/msg/Imu").orElseThrow();
        assertThatThrownBy(() -> imu.encode(json("{\"orientation_covariance\":[1,2]}")))
                .hasMessage("sensor_msgs/msg/Imu (cdr), field orientation_covariance: expected 9 elements (float64[9]), got 2");
        CdrEncoder safety = CdrEncoder.bundled("hcert/msg/SafetyState").orElseThrow();
        assertThatThrownBy(() -> safety.encode(json("{\"estop\":1}")))
                .hasMessage("hcert/msg/SafetyState (cdr), field estop: expected true or false (bool), got 1");
    }

    @Test
    void refusesSchemasThatAreNotRos2msg() {
        SchemaInfo ros1 = new SchemaInfo("pkg/T", "ros1msg", "int32 a\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CdrEncoder.of(ros1)).isInstanceOf(TelemetryException.class)
                .hasMessage("pkg/T: CDR is encoded from ros2msg definitions, not from schema encoding \"ros1msg\"");
        assertThat(CdrEncoder.bundled("std_msgs/msg/String")).isEmpty();
    }

    @Test
    void namesTheFieldTypeAtAPath() {
        assertThat(BundledDefinitions.primitiveAt("nav_msgs/msg/Odometry", java.util.List.of("pose", "pose", "position", "x")))
                .contains("float64");
        assertThat(BundledDefinitions.primitiveAt("sensor_msgs/BatteryState", java.util.List.of("voltage"))).contains("float32");
        assertThat(BundledDefinitions.primitiveAt("sensor_msgs/msg/JointState", java.util.List.of("header"))).isEmpty();
        assertThat(BundledDefinitions.primitiveAt("sensor_msgs/msg/JointState", java.util.List.of("nope"))).isEmpty();
    }
}
