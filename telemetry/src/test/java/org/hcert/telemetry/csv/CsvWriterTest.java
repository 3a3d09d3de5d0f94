package org.hcert.telemetry.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
