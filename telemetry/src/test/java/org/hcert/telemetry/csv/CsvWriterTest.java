package org.hcert.telemetry.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetrySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV a writer produces for a few messages, pinned to the byte. */
class CsvWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerMessageUnderTheUnionOfFieldPaths() throws IOException {
        List<Message> messages = List.of(
                new Message(1_000, "/joint_states", "sensor_msgs/msg/JointState",
                        JSON.readTree("{\"name\":[\"knee\"],\"position\":[1.0E-5],\"effort\":[]}"), "a:1"),
                new Message(2_000, "/safety, main", "hcert/msg/SafetyState",
                        JSON.readTree("{\"mode\":\"say \\\"hi\\\"\",\"estop\":true}"), "a:2"),
                new Message(3_000, "/joint_states", "sensor_msgs/msg/JointState",
                        JSON.readTree("{\"name\":[\"knee\"],\"position\":[null],\"effort\":[2]}"), "a:3"));
        TelemetrySource source = new ListSource(messages);
        Path file = dir.resolve("out.csv");
        try (CsvWriter writer = CsvWriter.open(file, CsvWriter.columns(source))) {
            messages.forEach(writer::write);
        }
        assertThat(Files.readString(file)).isEqualTo("""
                t_ns,topic,type,name[0],position[0],effort,mode,estop,effort[0]
                1000,/joint_states,sensor_msgs/msg/JointState,"knee",0.00001,[],,,
                2000,"/safety, main",hcert/msg/SafetyState,,,,"say ""hi""\",true,
                3000,/joint_states,sensor_msgs/msg/JointState,"knee",NaN,,,,2
                """);
    }

    @Test
    void quotesBodyStringsAlwaysAndTopicAndTypeOnlyWhenTheyNeedItAndReadsThemBack() throws IOException {
        List<Message> messages = List.of(
                new Message(1, "/say \"hi\"", "hcert/msg/Event", JSON.readTree("{\"kind\":\"\",\"detail\":\"two\\nlines\"}"), "a:1"),
                new Message(2, "/events", "hcert/msg/Event", JSON.readTree("{\"kind\":\"1,5\"}"), "a:2"));
        Path file = dir.resolve("out.csv");
        try (CsvWriter writer = CsvWriter.open(file, CsvWriter.columns(new ListSource(messages)))) {
            messages.forEach(writer::write);
        }
        assertThat(Files.readString(file)).isEqualTo("""
                t_ns,topic,type,kind,detail
                1,"/say ""hi\"\"",hcert/msg/Event,"","two
                lines"
                2,/events,hcert/msg/Event,"1,5",
                """);
        List<Message> back = new ArrayList<>();
        try (MessageCursor cursor = new CsvSource(file).open()) {
            cursor.forEachRemaining(back::add);
        }
        assertThat(back).extracting(Message::topic, m -> m.body().toString()).containsExactly(
                tuple("/say \"hi\"", "{\"kind\":\"\",\"detail\":\"two\\nlines\"}"),
                tuple("/events", "{\"kind\":\"1,5\"}"));
    }

    /** The messages of a list, as a source. */
    private record ListSource(List<Message> messages) implements TelemetrySource {

        @Override
        public String describe() {
            return "list";
        }

        @Override
        public MessageCursor open() {
            return MessageCursor.of(messages);
        }
    }
}
