package org.hcert.telemetry.rosbag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rosbag2 bag folders as ros2 bag record leaves them, split ones included, read as one recording. */
class BagFolderTest {

    private static List<Message> readAll(TelemetrySource source) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private static Path mcapBags() {
        return Rosbag2Bags.root().resolve("rosbag2_py/test/resources/mcap");
    }

    @Test
    void aSplitBagIsReadWholeInTimeOrderWithTheCountsItsMetadataStates() throws IOException {
        // wbag: five MCAP files written by rosbag2's split test; its metadata states 6074 messages on 8 topics
        Path wbag = mcapBags().resolve("wbag");
        List<Message> messages = readAll(Recordings.open(wbag));
        JsonNode info = new ObjectMapper(new YAMLFactory()).readTree(wbag.resolve("metadata.yaml").toFile()).get("rosbag2_bagfile_information");
        assertThat(messages).hasSize(info.get("message_count").asInt());
        Map<String, Integer> stated = new TreeMap<>();
        info.get("topics_with_message_count").forEach(t -> stated.put(t.get("topic_metadata").get("name").asText(), t.get("message_count").asInt()));
        Map<String, Integer> read = new TreeMap<>();
        messages.forEach(m -> read.merge(m.topic(), 1, Integer::sum));
        assertThat(read).isEqualTo(stated);
        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).logTimeNs()).isGreaterThanOrEqualTo(messages.get(i - 1).logTimeNs());
        }
        assertThat(BagFolder.files(wbag)).extracting(p -> p.getFileName().toString())
                .containsExactly("wbag_0.mcap", "wbag_1.mcap", "wbag_2.mcap", "wbag_3.mcap", "wbag_4.mcap");
    }

    @Test
    void aSqliteBagFolderIsItsFile() {
        // talker's own /rosout definition is truncated (see Rosbag2SqliteSourceTest): its /topic is read
        Path talker = Rosbag2Bags.root().resolve("rosbag2_py/test/resources/sqlite3/talker");
        TelemetrySource source = Recordings.open(talker);
        assertThat(source).isInstanceOf(Rosbag2SqliteSource.class);
        try (MessageCursor c = source.open(java.util.Set.of("/topic"))) {
            List<Message> topic = new ArrayList<>();
            c.forEachRemaining(topic::add);
            assertThat(topic).hasSize(10).allSatisfy(m -> assertThat(m.body().get("data").asText()).startsWith("Hello, world! "));
        }
    }

    @Test
    void whatIsNotABagFolderSaysWhy(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Recordings.open(dir)).isInstanceOf(TelemetryException.class).hasMessageContaining("has no metadata.yaml");
        Files.writeString(dir.resolve("metadata.yaml"), """
                rosbag2_bagfile_information:
                  storage_identifier: sqlite3
                  relative_file_paths: [run_0.db3, run_1.db3]
                """);
        assertThatThrownBy(() -> Recordings.open(dir)).hasMessageContaining("names run_0.db3, which is missing");
        Files.writeString(dir.resolve("metadata.yaml"), """
                rosbag2_bagfile_information:
                  storage_identifier: sqlite3
                  compression_mode: FILE
                  compression_format: zstd
                  relative_file_paths: [run_0.db3.zstd]
                """);
        assertThatThrownBy(() -> Recordings.open(dir)).hasMessageContaining("compression_mode FILE");
        Files.writeString(dir.resolve("metadata.yaml"), """
                rosbag2_bagfile_information:
                  relative_file_paths: [../elsewhere.db3]
                """);
        assertThatThrownBy(() -> Recordings.open(dir)).hasMessageContaining("outside the bag folder");
    }

    @Test
    void severalRecordingsAreMergedByTime(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("robot.ndjson"), """
                {"t":1000,"topic":"/a","type":"std_msgs/msg/String","msg":{"data":"a1"}}
                {"t":3000,"topic":"/a","type":"std_msgs/msg/String","msg":{"data":"a3"}}
                """);
        Path b = Files.writeString(dir.resolve("plate.ndjson"), """
                {"t":2000,"topic":"/b","type":"std_msgs/msg/String","msg":{"data":"b2"}}
                {"t":3000,"topic":"/b","type":"std_msgs/msg/String","msg":{"data":"b3"}}
                """);
        TelemetrySource both = Recordings.open(List.of(a, b), org.hcert.telemetry.ros.RosDefinitions.none());
        assertThat(readAll(both)).extracting(m -> m.body().get("data").asText()).containsExactly("a1", "b2", "a3", "b3");
        assertThat(both.describe()).isEqualTo(a + " + " + b);
    }
}
