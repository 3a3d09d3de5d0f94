package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;

/** CDR bodies written by hand, byte by byte, against ros2msg definitions. */
class CdrDecodingTest {

    private static final String EVERY_PRIMITIVE = """
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
            """;

    private final RosBodyDecoders decoders = RosBodyDecoders.standard();

    private JsonNode decode(String definition, String hex) {
        return decoders.decode(schema("pkg/msg/T", definition), "cdr", Hex.bytes(hex));
    }

    private static SchemaInfo schema(String name, String definition) {
        return new SchemaInfo(name, "ros2msg", definition.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertEveryPrimitive(JsonNode m) {
        assertThat(m.get("a").booleanValue()).isTrue();
        assertThat(m.get("b").intValue()).isEqualTo(255);
        assertThat(m.get("c").intValue()).isEqualTo(65);
        assertThat(m.get("d").intValue()).isEqualTo(-128);
        assertThat(m.get("e").intValue()).isEqualTo(-32768);
        assertThat(m.get("f").intValue()).isEqualTo(65535);
        assertThat(m.get("g").intValue()).isEqualTo(-2);
        assertThat(m.get("h").longValue()).isEqualTo(4294967295L);
        assertThat(m.get("i").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(m.get("j").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(m.get("k").floatValue()).isEqualTo(1.5f);
        assertThat(m.get("l").doubleValue()).isEqualTo(-1.5);
        assertThat(m.get("m").textValue()).isEqualTo("hi");
        assertThat(m.get("n").textValue()).isEqualTo("é😀");
        assertThat(m.size()).isEqualTo(14);
    }

    @Test
    void decodesEveryPrimitiveLittleEndian() {
        JsonNode m = decode(EVERY_PRIMITIVE, """
                00 01 00 00
                01 | ff | 41 | 80 | 00 80 | ff ff | fe ff ff ff | ff ff ff ff
                00 00 00 00 00 00 00 80 | ff ff ff ff ff ff ff ff
                00 00 c0 3f | 00 00 00 00 | 00 00 00 00 00 00 f8 bf
                03 00 00 00 68 69 00 | 00
                02 00 00 00 e9 00 00 00 00 f6 01 00
                """);

        assertEveryPrimitive(m);
    }

    @Test
    void decodesEveryPrimitiveBigEndian() {
        JsonNode m = decode(EVERY_PRIMITIVE, """
                00 00 00 00
                01 | ff | 41 | 80 | 80 00 | ff ff | ff ff ff fe | ff ff ff ff
                80 00 00 00 00 00 00 00 | ff ff ff ff ff ff ff ff
                3f c0 00 00 | 00 00 00 00 | bf f8 00 00 00 00 00 00
                00 00 00 03 68 69 00 | 00
                00 00 00 02 00 00 00 e9 00 01 f6 00
                """);

        assertEveryPrimitive(m);
    }

    @Test
    void keepsUint64BelowTwoToThe63AsLong() {
        JsonNode m = decode("uint64 x", "00 01 00 00 | ff ff ff ff ff ff ff 7f");

        assertThat(m.get("x").isLong()).isTrue();
        assertThat(m.get("x").longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void alignsEightByteValuesToEightRelativeToTheEndOfTheHeader() {
        // a at offset 4; b at offset 4 + 8, not at 8 (which would be aligned from the buffer start).
        JsonNode m = decode("uint8 a\nfloat64 b", "00 01 00 00 | 07 | 00 00 00 00 00 00 00 | 00 00 00 00 00 00 f0 3f");

        assertThat(m.get("a").intValue()).isEqualTo(7);
        assertThat(m.get("b").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void alignsAfterStringsAndInsideNestedMessages() {
        String definition = """
                string s
                Inner inner
                int16 after
                ================================================================================
                MSG: pkg/Inner
                uint8 x
                int64 y
                """;
        JsonNode m = decode(definition, """
                00 01 00 00
                03 00 00 00 61 62 00 | 09
                2a 00 00 00 00 00 00 00
                05 00
                """);

        assertThat(m.get("s").textValue()).isEqualTo("ab");
        assertThat(m.get("inner").get("x").intValue()).isEqualTo(9);
        assertThat(m.get("inner").get("y").longValue()).isEqualTo(42);
        assertThat(m.get("after").intValue()).isEqualTo(5);
    }

    @Test
    void toleratesPaddingBytesThatAreNotZero() {
        JsonNode m = decode("uint8 a\nuint32 b", "00 01 00 00 | 01 | 73 26 99 | 02 00 00 00");

        assertThat(m.get("b").intValue()).isEqualTo(2);
    }

    @Test
    void decodesFixedBoundedAndUnboundedArrays() {
        String definition = """
                int16[2] fixed
                float64[<=3] bounded
                string[] names
                uint8[] raw
                int32 alignment_check
                """;
        JsonNode m = decode(definition, """
                00 01 00 00
                01 00 02 00
                02 00 00 00 | 00 00 00 00 00 00 e0 3f | 00 00 00 00 00 00 04 40
                02 00 00 00 | 02 00 00 00 61 00 | 00 00 | 01 00 00 00 00 | 00 00 00
                03 00 00 00 0a 0b ff | 00
                07 00 00 00
                """);

        assertThat(m.get("fixed")).hasToString("[1,2]");
        assertThat(m.get("bounded")).hasToString("[0.5,2.5]");
        assertThat(m.get("names")).hasToString("[\"a\",\"\"]");
        assertThat(m.get("raw")).hasToString("[10,11,255]");
        assertThat(m.get("alignment_check").intValue()).isEqualTo(7);
    }

    @Test
    void resolvesShortNamesHeaderAndBuiltinTime() {
        String definition = """
                Header header
                Point[] points
                builtin_interfaces/Duration timeout
                ================================================================================
                MSG: std_msgs/Header
                builtin_interfaces/Time stamp
                string frame_id
                ================================================================================
                MSG: geometry_msgs/msg/Point
                float32 x
                """;
        JsonNode m = decoders.decode(schema("geometry_msgs/msg/Polygon", definition), "cdr", Hex.bytes("""
                00 01 00 00
                0a 00 00 00 | 15 cd 5b 07 | 02 00 00 00 6d 00 | 00 00
                01 00 00 00 | 00 00 80 3f
                ff ff ff ff | 00 00 00 00
                """));

        assertThat(m).hasToString("""
                {"header":{"stamp":{"sec":10,"nanosec":123456789},"frame_id":"m"},\
                "points":[{"x":1.0}],"timeout":{"sec":-1,"nanosec":0}}""");
    }

    @Test
    void skipsConstantsAndIgnoresDefaultValuesAndComments() {
        String definition = """
                # comment line
                uint8 DEBUG=10
                string GREETING = "a = b # not a comment"
                int32 x 5   # default value
                string s "x=1"
                uint8 REQUEST_SENT = 0
                int32[3] xs [1, 2, 3]
                """;
        JsonNode m = decode(definition, "00 01 00 00 | 02 00 00 00 | 01 00 00 00 00 | 00 00 00 | 01 00 00 00 02 00 00 00 03 00 00 00");

        assertThat(m).hasToString("{\"x\":2,\"s\":\"\",\"xs\":[1,2,3]}");
    }

    @Test
    void readsOneByteForMessagesWithoutFields() {
        String definition = """
                Empty[2] empties
                uint8 after
                ================================================================================
                MSG: pkg/Empty
                uint8 ONLY_A_CONSTANT=1
                """;
        JsonNode m = decode(definition, "00 01 00 00 | 00 00 | 09");

        assertThat(m).hasToString("{\"empties\":[{},{}],\"after\":9}");
        assertThat(decode("", "00 01 00 00 00")).hasToString("{}");
    }

    @Test
    void decodesTheSameNameWithTheDefinitionItCameWith() {
        JsonNode first = decoders.decode(schema("pkg/msg/T", "int32 a"), "cdr", Hex.bytes("00 01 00 00 01 00 00 00"));
        JsonNode second = decoders.decode(schema("pkg/msg/T", "int16 b\nint16 c"), "cdr", Hex.bytes("00 01 00 00 01 00 02 00"));

        assertThat(first).hasToString("{\"a\":1}");
        assertThat(second).hasToString("{\"b\":1,\"c\":2}");
    }

    @Test
    void leavesTheCallersBufferPositionAlone() {
        ByteBuffer data = Hex.bytes("ff ff 00 01 00 00 01 00 00 00");
        data.position(2);

        assertThat(decoders.decode(schema("pkg/msg/T", "int32 a"), "cdr", data)).hasToString("{\"a\":1}");
        assertThat(data.position()).isEqualTo(2);
    }

    @Test
    void rejectsStringLongerThanTheBody() {
        assertThatThrownBy(() -> decode("uint8 a\nstring s", "00 01 00 00 | 07 | 00 00 00 | 10 00 00 00 | 61 62"))
                .isInstanceOf(TelemetryException.class)
                .hasMessage("pkg/msg/T (cdr), field s, byte 8: string length 16 exceeds the 2 bytes left");
    }

    @Test
    void namesTheArrayElementAndNestedFieldThatFailed() {
        String definition = """
                Inner[] items
                ================================================================================
                MSG: pkg/Inner
                bool ok
                """;

        assertThatThrownBy(() -> decode(definition, "00 01 00 00 | 03 00 00 00 | 01 00 05"))
                .hasMessage("pkg/msg/T (cdr), field items[2].ok, byte 10: bool must be 0 or 1, got 5");
    }

    @Test
    void rejectsSequenceLongerThanTheBytesLeft() {
        assertThatThrownBy(() -> decode("float64[] xs", "00 01 00 00 | ff ff ff 7f | 00 00 00 00"))
                .hasMessage("pkg/msg/T (cdr), field xs, byte 4: 2147483647 elements of float64 need at least "
                        + "17179869176 bytes, only 4 left");
    }

    @Test
    void rejectsBoundedSequenceOverItsBound() {
        assertThatThrownBy(() -> decode("uint8[<=2] xs", "00 01 00 00 | 03 00 00 00 | 01 02 03"))
                .hasMessage("pkg/msg/T (cdr), field xs, byte 4: sequence length 3 exceeds its bound <=2");
    }

    @Test
    void rejectsBoundedStringOverItsBound() {
        assertThatThrownBy(() -> decode("string<=2 s", "00 01 00 00 | 04 00 00 00 | 61 62 63 00"))
                .hasMessage("pkg/msg/T (cdr), field s, byte 4: string of 3 bytes exceeds its bound <=2");
    }

    @Test
    void rejectsStringWithoutTerminator() {
        assertThatThrownBy(() -> decode("string s", "00 01 00 00 | 02 00 00 00 | 61 62"))
                .hasMessage("pkg/msg/T (cdr), field s, byte 4: string of length 2 does not end in NUL");
    }

    @Test
    void rejectsTruncatedNumberAfterPadding() {
        assertThatThrownBy(() -> decode("uint8 a\nfloat64 b", "00 01 00 00 | 01 | 00 00 00 00 00 00 00 | 00 00"))
                .hasMessage("pkg/msg/T (cdr), field b, byte 12: needs 8 bytes, only 2 left");
    }

    @Test
    void rejectsBytesLeftOverAfterTheLastField() {
        assertThatThrownBy(() -> decode("uint8 level", "00 01 00 00 | 14 | 00 00 00 | 12 00 00 00"))
                .hasMessage("pkg/msg/T (cdr), byte 5: 7 bytes left over after the last field; "
                        + "the body does not match the definition");
    }

    @Test
    void acceptsUpToThreeBytesOfFinalPadding() {
        assertThat(decode("uint8 level", "00 01 00 00 | 14 | 00 00 00")).hasToString("{\"level\":20}");
    }

    @Test
    void rejectsBodyShorterThanTheHeader() {
        assertThatThrownBy(() -> decode("uint8 a", "00 01"))
                .hasMessage("pkg/msg/T (cdr), byte 0: a CDR message starts with a 4-byte encapsulation header, "
                        + "but the body has 2 bytes");
    }

    @Test
    void rejectsUnknownEncapsulation() {
        assertThatThrownBy(() -> decode("uint8 a", "7b 22 61 22 00"))
                .hasMessage("pkg/msg/T (cdr), byte 0: unknown CDR encapsulation 0x7b 0x22; "
                        + "ROS 2 writes 0x00 0x01 (CDR_LE) or 0x00 0x00 (CDR_BE)");
    }

    @Test
    void rejectsParameterListCdr() {
        assertThatThrownBy(() -> decode("uint8 a", "00 03 00 00 01"))
                .hasMessage("pkg/msg/T (cdr), byte 0: parameter-list CDR (PL_CDR_LE) is not supported; "
                        + "hcert reads plain CDR (XCDR1) as ROS 2 writes it");
        assertThatThrownBy(() -> decode("uint8 a", "00 02 00 00 01"))
                .hasMessageContaining("parameter-list CDR (PL_CDR_BE) is not supported");
    }

    @Test
    void rejectsXcdr2() {
        assertThatThrownBy(() -> decode("uint8 a", "00 07 00 00 01"))
                .hasMessage("pkg/msg/T (cdr), byte 0: XCDR2 (CDR2_LE) is not supported; "
                        + "hcert reads plain CDR (XCDR1) as ROS 2 writes it");
    }
}
