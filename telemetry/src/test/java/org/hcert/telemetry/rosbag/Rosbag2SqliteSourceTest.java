package org.hcert.telemetry.rosbag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real rosbag2 .db3 bags decoded field for field against the values their writers used. */
class Rosbag2SqliteSourceTest {

    private static List<Message> readAll(TelemetrySource source) {
        List<Message> all = new ArrayList<>();
        try (MessageCursor cursor = source.open()) {
            cursor.forEachRemaining(all::add);
        }
        return all;
    }

    private static List<Message> onTopic(List<Message> messages, String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /**
     * cdr_test: the BasicTypes expectation is pinned by rosbag2's
     * rosbag2_tests/test/rosbag2_tests/test_rosbag2_play_end_to_end.cpp (commit 25304dd,
     * "play_end_to_end_test": every message has int32_value 123); the other fields are those of a
     * default-constructed test_msgs/BasicTypes, i.e. zero.
     */
    @Test
    void decodesCdrTestBasicTypesFieldForField() {
        List<Message> messages = readAll(Rosbag2SqliteSource.of(Rosbag2Bags.cdrTest()));

        List<Message> basic = onTopic(messages, "/test_topic");
        assertThat(messages).hasSize(7);
        assertThat(basic).hasSize(3).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo("test_msgs/msg/BasicTypes");
            assertThat(m.body()).hasToString("""
                    {"bool_value":false,"byte_value":0,"char_value":0,"float32_value":0.0,"float64_value":0.0,\
                    "int8_value":0,"uint8_value":0,"int16_value":0,"uint16_value":0,"int32_value":123,\
                    "uint32_value":0,"int64_value":0,"uint64_value":0}""");
        });
        assertThat(basic).extracting(Message::logTimeNs)
                .containsExactly(1586406456763032325L, 1586406456812989925L, 1586406456863382628L);
    }

    /**
     * cdr_test /array_topic: bool_values and string_values are pinned by the same rosbag2 play test
     * ({true, false, true} and "Complex Hello1..3"); every other field holds what the C++
     * constructor of test_msgs/msg/Arrays gives it: zeros, and the default values written in
     * test_interface_files msg/Arrays.msg and msg/Defaults.msg (commit 25d4b69).
     */
    @Test
    void decodesCdrTestArraysFieldForField() {
        List<Message> arrays = onTopic(readAll(Rosbag2SqliteSource.of(Rosbag2Bags.cdrTest())), "/array_topic");

        assertThat(arrays).hasSize(4);
        for (Message m : arrays) {
            JsonNode a = m.body();
            assertThat(a.get("bool_values")).hasToString("[true,false,true]");
            assertThat(a.get("string_values")).hasToString("[\"Complex Hello1\",\"Complex Hello2\",\"Complex Hello3\"]");
            for (String zeros : List.of("byte", "char", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")) {
                assertThat(a.get(zeros + "_values")).as(zeros).hasToString("[0,0,0]");
            }
            assertThat(a.get("float32_values")).hasToString("[0.0,0.0,0.0]");
            assertThat(a.get("float64_values")).hasToString("[0.0,0.0,0.0]");
            assertThat(a.get("basic_types_values")).hasSize(3).allSatisfy(b -> assertThat(b).hasToString("""
                    {"bool_value":false,"byte_value":0,"char_value":0,"float32_value":0.0,"float64_value":0.0,\
                    "int8_value":0,"uint8_value":0,"int16_value":0,"uint16_value":0,"int32_value":0,\
                    "uint32_value":0,"int64_value":0,"uint64_value":0}"""));
            assertThat(a.get("constants_values")).hasToString("[{},{},{}]");
            assertThat(a.get("defaults_values")).hasSize(3).allSatisfy(d -> assertThat(d).hasToString("""
                    {"bool_value":true,"byte_value":50,"char_value":100,"float32_value":1.125,"float64_value":1.125,\
                    "int8_value":-50,"uint8_value":200,"int16_value":-1000,"uint16_value":2000,"int32_value":-30000,\
                    "uint32_value":60000,"int64_value":-40000000,"uint64_value":50000000}"""));
            assertArrayDefaults(a);
            assertThat(a.get("alignment_check").intValue()).isZero();
        }
    }

    private static void assertArrayDefaults(JsonNode a) {
        assertThat(a.get("bool_values_default")).hasToString("[false,true,false]");
        assertThat(a.get("byte_values_default")).hasToString("[0,1,255]");
        assertThat(a.get("char_values_default")).hasToString("[0,1,127]");
        assertThat(a.get("float32_values_default")).hasToString("[1.125,0.0,-1.125]");
        assertThat(a.get("float64_values_default")).hasToString("[3.1415,0.0,-3.1415]");
        assertThat(a.get("int8_values_default")).hasToString("[0,127,-128]");
        assertThat(a.get("uint8_values_default")).hasToString("[0,1,255]");
        assertThat(a.get("int16_values_default")).hasToString("[0,32767,-32768]");
        assertThat(a.get("uint16_values_default")).hasToString("[0,1,65535]");
        assertThat(a.get("int32_values_default")).hasToString("[0,2147483647,-2147483648]");
        assertThat(a.get("uint32_values_default")).hasToString("[0,1,4294967295]");
        assertThat(a.get("int64_values_default")).hasToString("[0,9223372036854775807,-9223372036854775808]");
        assertThat(a.get("uint64_values_default").get(2).bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(a.get("uint64_values_default")).hasToString("[0,1,18446744073709551615]");
        assertThat(a.get("string_values_default")).hasToString("[\"\",\"max value\",\"min value\"]");
    }

    /**
     * test_bag_for_seek has no message_definitions table and the pre-Foxy type name
     * test_msgs/BasicTypes. Its writer, rosbag2_transport/test/rosbag2_transport/test_play_seek.cpp
     * (commit 25304dd, create_bag_file_for_tests), wrote get_messages_basic_types()[0] (all zero,
     * rcl_interfaces test_msgs/include/test_msgs/message_fixtures.hpp) with int32_value = i + 1 at
     * 1000 ms + 100 ms * i.
     */
    @Test
    void decodesAnOldBagWithSuppliedDefinitions() {
        List<Message> messages = readAll(Rosbag2SqliteSource.of(Rosbag2Bags.seek())
                .withFallbackDefinitions(Rosbag2Bags.definitions()));

        assertThat(messages).hasSize(5);
        for (int i = 0; i < 5; i++) {
            Message m = messages.get(i);
            assertThat(m.logTimeNs()).isEqualTo(1_000_000_000L + 100_000_000L * i);
            assertThat(m.topic()).isEqualTo("topic1");
            assertThat(m.type()).isEqualTo("test_msgs/msg/BasicTypes");
            assertThat(m.body().get("int32_value").intValue()).isEqualTo(i + 1);
            assertThat(m.body().get("float64_value").doubleValue()).isZero();
            assertThat(m.body().get("uint64_value").longValue()).isZero();
            assertThat(m.body().get("bool_value").booleanValue()).isFalse();
        }
    }

    @Test
    void refusesABagWithoutDefinitionsNamingTheTypeAndTheRemedy() {
        try (MessageCursor cursor = Rosbag2SqliteSource.of(Rosbag2Bags.seek()).open()) {
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(TelemetryFormatException.class)
                    .hasMessage(Rosbag2Bags.seek() + ":messages.id=1: no message definition for type test_msgs/BasicTypes "
                            + "(topic topic1): the bag stores none and hcert bundles none for it; give the folder of its .msg "
                            + "files (a workspace's share/ folder) with --definitions DIR");
        }
    }

    /**
     * convert_b (rosbag2_py/test/resources, no message_definitions table): 25 test_msgs/Empty and
     * 50 test_msgs/Strings. Strings carry string_value "stringval<n>" in order and otherwise the
     * default values of test_interface_files msg/Strings.msg; bounded_string_value is empty.
     */
    @Test
    void decodesEmptyAndStringsWithSuppliedDefinitions() {
        List<Message> messages = readAll(Rosbag2SqliteSource.of(Rosbag2Bags.convertB())
                .withFallbackDefinitions(Rosbag2Bags.definitions()));

        List<Message> empties = onTopic(messages, "a_empty");
        List<Message> strings = onTopic(messages, "c_strings");
        assertThat(messages).hasSize(75);
        assertThat(empties).hasSize(25).allSatisfy(m -> assertThat(m.body()).hasToString("{}"));
        assertThat(strings).hasSize(50);
        for (int n = 0; n < strings.size(); n++) {
            assertThat(strings.get(n).body()).hasToString(("""
                    {"string_value":"stringval%d","string_value_default1":"Hello world!",\
                    "string_value_default2":"Hello'world!","string_value_default3":"Hello\\"world!",\
                    "string_value_default4":"Hello'world!","string_value_default5":"Hello\\"world!",\
                    "bounded_string_value":"","bounded_string_value_default1":"Hello world!",\
                    "bounded_string_value_default2":"Hello'world!","bounded_string_value_default3":"Hello\\"world!",\
                    "bounded_string_value_default4":"Hello'world!","bounded_string_value_default5":"Hello\\"world!"}\
                    """).formatted(n));
        }
        assertThat(messages).extracting(Message::logTimeNs).isSorted();
        assertThat(messages.get(74).logTimeNs()).isEqualTo(222_000_000L);
    }

    /**
     * talker: std_msgs/String bodies "Hello, world! N", decoded with the bag's own definition (the
     * supplied definitions override only rcl_interfaces/msg/Log, whose stored definition is wrong).
     */
    @Test
    void decodesTalkerStringsWithTheBagsOwnDefinition() {
        List<Message> topic = onTopic(readAll(Rosbag2SqliteSource.of(Rosbag2Bags.talker())
                .withOverridingDefinitions(Rosbag2Bags.definitions())), "/topic");

        assertThat(topic).hasSize(10);
        for (int n = 0; n < topic.size(); n++) {
            assertThat(topic.get(n).type()).isEqualTo("std_msgs/msg/String");
            assertThat(topic.get(n).body().get("data").textValue()).isEqualTo("Hello, world! " + n);
        }
    }

    /**
     * talker stores a truncated definition of rcl_interfaces/msg/Log ("uint8 level"). Decoding with
     * it must fail rather than return a partial message.
     */
    @Test
    void refusesABodyThatOutgrowsTheBagsTruncatedDefinition() {
        try (MessageCursor cursor = Rosbag2SqliteSource.of(Rosbag2Bags.talker()).open()) {
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(TelemetryFormatException.class)
                    .hasMessage(Rosbag2Bags.talker() + ":messages.id=1: topic /rosout: rcl_interfaces/msg/Log (cdr), "
                            + "byte 5: 171 bytes left over after the last field; the body does not match the definition");
        }
    }

    /**
     * talker as Foxy, Galactic and Humble write a bag: without the message_definitions table (here
     * dropped from a copy). std_msgs/String, rcl_interfaces/Log and ParameterEvent are read with the
     * definitions hcert bundles, and give the bodies the supplied public definitions give.
     */
    @Test
    void readsABagWithoutStoredDefinitionsWithTheBundledInterfaces(@TempDir Path dir) throws IOException, SQLException {
        Path humble = dir.resolve("talker.db3");
        Files.copy(Rosbag2Bags.talker(), humble);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + humble); Statement st = c.createStatement()) {
            st.execute("DROP TABLE message_definitions");
        }
        List<Message> bundled = readAll(Rosbag2SqliteSource.of(humble));
        List<Message> supplied = readAll(Rosbag2SqliteSource.of(Rosbag2Bags.talker()).withOverridingDefinitions(Rosbag2Bags.definitions()));
        assertThat(bundled).hasSameSizeAs(supplied);
        assertThat(onTopic(bundled, "/topic")).hasSize(10);
        assertThat(onTopic(bundled, "/rosout")).hasSize(10);
        for (int i = 0; i < bundled.size(); i++) {
            assertThat(bundled.get(i).topic()).isEqualTo(supplied.get(i).topic());
            if (!bundled.get(i).topic().equals("/parameter_events")) {
                assertThat(bundled.get(i).body()).isEqualTo(supplied.get(i).body());
            }
        }
    }

    /** Only the wanted topics are read: a topic without any definition does not stop a pass that does not need it. */
    @Test
    void aTopicThatIsNotWantedIsNotDecoded() {
        TelemetrySource seek = Rosbag2SqliteSource.of(Rosbag2Bags.seek());
        try (MessageCursor cursor = seek.open(java.util.Set.of("/somewhere_else"))) {
            assertThat(cursor.hasNext()).isFalse();
        }
        try (MessageCursor cursor = seek.open(java.util.Set.of("topic1"))) {
            assertThatThrownBy(cursor::next).hasMessageContaining("no message definition for type test_msgs/BasicTypes");
        }
    }

    /** talker /rosout with the public rcl_interfaces/msg/Log definition: the rclcpp minimal_publisher lambda example's log. */
    @Test
    void decodesTalkerLogWithOverridingDefinitions() {
        List<Message> rosout = onTopic(readAll(Rosbag2SqliteSource.of(Rosbag2Bags.talker())
                .withOverridingDefinitions(Rosbag2Bags.definitions())), "/rosout");

        assertThat(rosout).hasSize(10);
        for (int n = 0; n < rosout.size(); n++) {
            JsonNode log = rosout.get(n).body();
            assertThat(log.get("level").intValue()).isEqualTo(20);
            assertThat(log.get("name").textValue()).isEqualTo("minimal_publisher");
            assertThat(log.get("msg").textValue()).isEqualTo("Publishing: 'Hello, world! %d'".formatted(n));
            assertThat(log.get("file").textValue())
                    .isEqualTo("/opt/ros2_ws/eloquent/src/ros2/examples/rclcpp/minimal_publisher/lambda.cpp");
            assertThat(log.get("function").textValue()).isEqualTo("operator()");
            assertThat(log.get("line").intValue()).isEqualTo(38);
            long stampNs = log.get("stamp").get("sec").longValue() * 1_000_000_000L + log.get("stamp").get("nanosec").longValue();
            assertThat(stampNs).isBetween(rosout.get(n).logTimeNs() - 10_000_000L, rosout.get(n).logTimeNs());
        }
    }

    /**
     * bag_with_topics_and_service_events: test_msgs/Strings with the bag's definitions, and
     * service-event topics whose definition is assembled from the stored .srv text. Request events
     * (event_type 0, 1) carry one request and no response; response events (2, 3) the reverse.
     */
    @Test
    void decodesServiceEventsFromTheStoredServiceDefinition() {
        List<Message> messages = readAll(Rosbag2SqliteSource.of(Rosbag2Bags.serviceEvents()));

        assertThat(messages).hasSize(10);
        assertThat(onTopic(messages, "/test_topic1")).singleElement()
                .satisfies(m -> assertThat(m.body().get("string_value_default1").textValue()).isEqualTo("Hello world!"));
        List<Message> events = messages.stream().filter(m -> m.topic().endsWith("/_service_event")).toList();
        assertThat(events).hasSize(8).allSatisfy(m -> {
            JsonNode info = m.body().get("info");
            int eventType = info.get("event_type").intValue();
            boolean request = eventType < 2;
            assertThat(m.type()).isEqualTo("test_msgs/srv/BasicTypes_Event");
            assertThat(info.get("client_gid")).hasSize(16);
            assertThat(m.body().get("request")).hasSize(request ? 1 : 0);
            assertThat(m.body().get("response")).hasSize(request ? 0 : 1);
            assertThat(info.get("stamp").get("sec").longValue()).isEqualTo(m.logTimeNs() / 1_000_000_000L);
        });
        // Recorded on the client side: REQUEST_SENT (0) and RESPONSE_RECEIVED (3), paired by client and sequence number.
        assertThat(events).extracting(m -> m.body().get("info").get("event_type").intValue()).containsOnly(0, 3);
        assertThat(events.stream().filter(m -> m.body().get("info").get("event_type").intValue() == 0).map(Rosbag2SqliteSourceTest::call))
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().filter(m -> m.body().get("info").get("event_type").intValue() == 3).map(Rosbag2SqliteSourceTest::call).toList());
    }

    private static String call(Message event) {
        JsonNode info = event.body().get("info");
        return event.topic() + " " + info.get("client_gid") + " #" + info.get("sequence_number");
    }

    @Test
    void readsWithoutCreatingFilesBesideTheBags() {
        List<Path> before = Rosbag2Bags.files();

        readAll(Rosbag2SqliteSource.of(Rosbag2Bags.talker()).withOverridingDefinitions(Rosbag2Bags.definitions()));
        readAll(Rosbag2SqliteSource.of(Rosbag2Bags.cdrTest()));

        assertThat(Rosbag2Bags.files()).isEqualTo(before);
    }

    @Test
    void refusesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.db3");

        assertThatThrownBy(() -> Rosbag2SqliteSource.of(missing).open())
                .isInstanceOf(TelemetryException.class)
                .hasMessage(missing + ": recording not found");
    }

    @Test
    void refusesAFileThatIsNotSqlite(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.db3"), "this is not a database, just text of some length".repeat(20));

        assertThatThrownBy(() -> Rosbag2SqliteSource.of(junk).open())
                .isInstanceOf(TelemetryException.class)
                .hasMessageStartingWith(junk + ": not a rosbag2 database: ")
                .hasMessageContaining("file is not a database");
    }

    @Test
    void refusesASqliteFileWithoutRosbag2Tables(@TempDir Path dir) throws SQLException {
        Path other = dir.resolve("other.db3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE readings(t INTEGER, v REAL)");
        }

        assertThatThrownBy(() -> Rosbag2SqliteSource.of(other).open())
                .isInstanceOf(TelemetryException.class)
                .hasMessage(other + ": not a rosbag2 database: it has no topics and messages tables (tables: readings)");
    }
}
