package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class McapRoundTripTest {

    @TempDir
    Path tmp;

    /** Write 2000 messages on two channels with jittered log times; return them in write order. */
    static List<long[]> writeSample(Path file, Compression compression, int chunkSize) {
        List<long[]> written = new ArrayList<>();
        Random random = new Random(42);
        try (McapWriter w = McapWriter.builder().compression(compression).chunkSize(chunkSize).open(file)) {
            int schema = w.registerSchema("hcert/Sample", "jsonschema", "{}".getBytes(StandardCharsets.UTF_8));
            int a = w.registerChannel("/a", "json", schema, Map.of());
            int b = w.registerChannel("/b", "json", schema, Map.of("qos", "reliable"));
            for (int i = 0; i < 2000; i++) {
                long t = 1_000_000L * i + random.nextInt(3_000_000);
                int channel = i % 3 == 0 ? b : a;
                w.write(channel, i, t, t, "{\"i\":%d}".formatted(i).getBytes(StandardCharsets.UTF_8));
                written.add(new long[] {channel, i, t});
            }
            w.attach(5, 6, "calibration.yaml", "text/yaml", "k: v".getBytes(StandardCharsets.UTF_8));
            w.metadata("robot", Map.of("serial", "H-001"));
        }
        return written;
    }

    static List<long[]> sortedByTime(List<long[]> messages) {
        List<long[]> sorted = new ArrayList<>(messages);
        sorted.sort((x, y) -> Long.compare(x[2], y[2]));
        return sorted;
    }

    static List<long[]> read(Iterator<McapRecord.Message> it) {
        List<long[]> out = new ArrayList<>();
        it.forEachRemaining(m -> out.add(new long[] {m.channelId(), m.sequence(), m.logTime()}));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void readsBackWhatItWroteInLogTimeOrder(Compression compression) {
        Path file = tmp.resolve("sample.mcap");
        List<long[]> written = writeSample(file, compression, 4096);
        try (McapReader reader = McapReader.open(file)) {
            assertThat(read(reader.messages())).containsExactlyElementsOf(sortedByTime(written));
            assertThat(reader.indexed()).isTrue();
            assertThat(reader.statistics().orElseThrow().messageCount()).isEqualTo(2000);
            assertThat(reader.statistics().orElseThrow().chunkCount()).isGreaterThan(5);
            assertThat(reader.channels().get(2).metadata()).containsEntry("qos", "reliable");
            assertThat(reader.attachments()).singleElement().extracting(McapRecord.AttachmentIndex::name)
                    .isEqualTo("calibration.yaml");
            McapRecord.Attachment attachment = reader.attachment(reader.attachments().get(0));
            assertThat(StandardCharsets.UTF_8.decode(attachment.data()).toString()).isEqualTo("k: v");
            assertThat(reader.metadata(reader.metadataIndexes().get(0)).metadata()).containsEntry("serial", "H-001");
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void streamsEveryRecordInFileOrder(Compression compression) {
        Path file = tmp.resolve("sample.mcap");
        List<long[]> written = writeSample(file, compression, 4096);
        List<long[]> streamed = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> {
                if (r instanceof McapRecord.Message m) {
                    streamed.add(new long[] {m.channelId(), m.sequence(), m.logTime()});
                }
            });
        }
        assertThat(streamed).containsExactlyElementsOf(written);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void readsATimeRangeOfOneTopic(Compression compression) {
        Path file = tmp.resolve("sample.mcap");
        List<long[]> written = writeSample(file, compression, 4096);
        long start = 500_000_000L;
        long end = 700_000_000L;
        List<long[]> expected = sortedByTime(written).stream()
                .filter(m -> m[0] == 1 && m[2] >= start && m[2] <= end).toList();
        try (McapReader reader = McapReader.open(file)) {
            assertThat(read(reader.messages(start, end, Set.of("/a")))).containsExactlyElementsOf(expected);
        }
        assertThat(expected).hasSizeGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void rebuildsTheIndexWhenTheFileHasNoSummary(Compression compression) {
        Path file = tmp.resolve("bare.mcap");
        List<long[]> written = new ArrayList<>();
        try (McapWriter w = McapWriter.builder().compression(compression).chunkSize(512).chunkIndexes(false)
                .messageIndexes(false).statistics(false).repeatChannels(false).repeatSchemas(false)
                .summaryOffsets(false).open(file)) {
            int c = w.registerChannel("/x", "json", 0, Map.of());
            for (int i = 0; i < 300; i++) {
                long t = (i % 50) * 10L + i / 50;
                w.write(c, i, t, t, "{}".getBytes(StandardCharsets.UTF_8));
                written.add(new long[] {c, i, t});
            }
        }
        try (McapReader reader = McapReader.open(file)) {
            assertThat(read(reader.messages())).containsExactlyElementsOf(sortedByTime(written));
            assertThat(reader.indexed()).isFalse();
            assertThat(reader.warnings()).isEmpty();
        }
    }
}
