package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hcert.telemetry.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read the MCAP bags that rosbag2 wrote for its own tests (written by mcap C++ 0.8/1.1 and Go,
 * with and without compression, one split into five files) at the record level, and check the
 * message count of every topic against the bag's metadata.yaml.
 */
class RosbagMcapTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> bags() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.rosbag2())) {
            return files.filter(p -> p.getFileName().toString().equals("metadata.yaml"))
                    .filter(p -> p.getParent().getParent().getFileName().toString().equals("mcap"))
                    .map(Path::getParent).sorted().toList().stream();
        }
    }

    static Map<String, Long> expectedCounts(Path bag) {
        try {
            JsonNode info = YAML.readTree(bag.resolve("metadata.yaml").toFile()).get("rosbag2_bagfile_information");
            Map<String, Long> counts = new TreeMap<>();
            for (JsonNode t : info.get("topics_with_message_count")) {
                counts.merge(t.at("/topic_metadata/name").asText(), t.get("message_count").asLong(), Long::sum);
            }
            counts.values().removeIf(n -> n == 0);
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Iterable<Path> files(Path bag) {
        try {
            JsonNode info = YAML.readTree(bag.resolve("metadata.yaml").toFile()).get("rosbag2_bagfile_information");
            return () -> Stream.of(info.get("relative_file_paths")).flatMap(n -> {
                Stream.Builder<Path> b = Stream.builder();
                n.forEach(p -> b.add(bag.resolve(p.asText())));
                return b.build();
            }).iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void findsTheSixMcapBags() throws IOException {
        assertThat(bags().count()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bags")
    void indexedCountsMatchMetadata(Path bag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Path file : files(bag)) {
            try (McapReader reader = McapReader.open(file)) {
                long previous = Long.MIN_VALUE;
                for (Iterator<McapRecord.Message> it = reader.messages(); it.hasNext(); ) {
                    McapRecord.Message m = it.next();
                    assertThat(m.logTime()).isGreaterThanOrEqualTo(previous);
                    previous = m.logTime();
                    counts.merge(reader.channels().get(m.channelId()).topic(), 1L, Long::sum);
                }
                assertThat(reader.warnings()).isEmpty();
            }
        }
        assertThat(counts).isEqualTo(expectedCounts(bag));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bags")
    void streamedCountsMatchMetadata(Path bag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Path file : files(bag)) {
            Map<Integer, String> topics = new TreeMap<>();
            try (McapReader reader = McapReader.open(file)) {
                reader.records().forEachRemaining(r -> {
                    if (r instanceof McapRecord.Channel c) {
                        topics.put(c.id(), c.topic());
                    } else if (r instanceof McapRecord.Message m) {
                        counts.merge(topics.get(m.channelId()), 1L, Long::sum);
                    }
                });
            }
        }
        assertThat(counts).isEqualTo(expectedCounts(bag));
    }
}
