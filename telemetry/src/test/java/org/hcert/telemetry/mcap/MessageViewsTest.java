package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hcert.telemetry.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message cursors ({@link McapReader#streamMessages()}, {@link McapReader#indexedMessages})
 * yield exactly the messages of the record iterators they are built on, and their view is
 * overwritten on advance as documented.
 */
class MessageViewsTest {

    @TempDir
    Path tmp;

    /** One message with its data copied out, comparable with {@code equals}. */
    record Seen(int channelId, long sequence, long logTime, long publishTime, String data) {

        static Seen of(McapRecord.Message m) {
            byte[] data = new byte[m.data().remaining()];
            m.data().duplicate().get(data);
            return new Seen(m.channelId(), m.sequence(), m.logTime(), m.publishTime(), HexFormat.of().formatHex(data));
        }

        static Seen of(MessageView v) {
            return new Seen(v.channelId(), v.sequence(), v.logTime(), v.publishTime(), HexFormat.of().formatHex(v.copyData()));
        }
    }

    static Stream<Path> rosbagFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.rosbag2())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mcap")).sorted().toList().stream();
        }
    }

    static Stream<Path> files() throws IOException {
        return Stream.concat(McapIndexedConformanceTest.casesWithMessages(), rosbagFiles());
    }

    static List<Seen> records(Path file) {
        List<Seen> out = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> {
                if (r instanceof McapRecord.Message m) {
                    out.add(Seen.of(m));
                }
            });
        }
        return out;
    }

    static List<Seen> indexedRecords(Path file, long start, long end, Set<String> topics) {
        List<Seen> out = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.messages(start, end, topics).forEachRemaining(m -> out.add(Seen.of(m)));
        }
        return out;
    }

    static List<Seen> drain(MessageViews views) {
        List<Seen> out = new ArrayList<>();
        MessageView view = views.view();
        while (views.advance()) {
            assertThat(views.view()).isSameAs(view);
            assertThat(view.data()).isEqualTo(view.buffer().slice(view.dataOffset(), view.dataLength()));
            out.add(Seen.of(view));
        }
        assertThat(views.advance()).isFalse();
        return out;
    }

    @Test
    void findsTheFilesToCompare() throws IOException {
        assertThat(McapIndexedConformanceTest.casesWithMessages().count()).isGreaterThan(100);
        assertThat(rosbagFiles().count()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void streamCursorYieldsTheMessagesOfTheRecordStream(Path file) {
        List<Seen> expected = records(file);
        try (McapReader reader = McapReader.open(file)) {
            assertThat(drain(reader.streamMessages())).isEqualTo(expected).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void indexedCursorYieldsTheMessagesOfTheIndexedIterator(Path file) {
        List<Seen> expected = indexedRecords(file, 0, Long.MAX_VALUE, null);
        try (McapReader reader = McapReader.open(file)) {
            assertThat(drain(reader.indexedMessages())).isEqualTo(expected).isNotEmpty();
            assertThat(reader.warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rosbagFiles")
    void indexedCursorHonoursTimeRangeAndTopics(Path file) {
        String topic;
        long[] times;
        try (McapReader reader = McapReader.open(file)) {
            topic = reader.channels().values().iterator().next().topic();
            times = drain(reader.indexedMessages()).stream().mapToLong(Seen::logTime).toArray();
        }
        long start = times[times.length / 4];
        long end = times[times.length * 3 / 4];
        List<Seen> expected = indexedRecords(file, start, end, Set.of(topic));
        try (McapReader reader = McapReader.open(file)) {
            assertThat(drain(reader.indexedMessages(start, end, Set.of(topic)))).isEqualTo(expected);
        }
    }

    /** Write 2,000 messages of 200 bytes, each filled with its own index, in chunks of about 16 KiB. */
    Path sample(Compression compression) {
        Path file = tmp.resolve("views-" + compression + ".mcap");
        try (McapWriter w = McapWriter.builder().compression(compression).chunkSize(16 << 10).open(file)) {
            int schema = w.registerSchema("raw", "", new byte[0]);
            int channel = w.registerChannel("/raw", "raw", schema, Map.of());
            for (int i = 0; i < 2000; i++) {
                byte[] data = new byte[200];
                Arrays.fill(data, (byte) i);
                w.write(channel, i, 1_000L * i, 1_000L * i + 1, data);
            }
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void viewFieldsAreOverwrittenOnAdvance(Compression compression) {
        try (McapReader reader = McapReader.open(sample(compression))) {
            MessageViews views = reader.streamMessages();
            MessageView view = views.view();
            assertThat(views.advance()).isTrue();
            assertThat(view.sequence()).isZero();
            assertThat(views.advance()).isTrue();
            assertThat(view.sequence()).isEqualTo(1);
            assertThat(view.logTime()).isEqualTo(1_000);
            assertThat(view.publishTime()).isEqualTo(1_001);
            assertThat(view.dataLength()).isEqualTo(200);
            assertThat(view.buffer().get(view.dataOffset())).isEqualTo((byte) 1);
            assertThat(view.buffer().isReadOnly()).isTrue();
        }
    }

    /** Uncompressed chunks are views of the reader's 1 MiB file window instead, which this small file never refills. */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "LZ4"})
    void streamCursorReusesTheArrayOfAFinishedChunk(Compression compression) {
        assertBytesOverwrittenPastTheFirstChunk(sample(compression), McapReader::streamMessages);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void indexedCursorReusesTheArrayOfAFinishedChunk(Compression compression) {
        assertBytesOverwrittenPastTheFirstChunk(sample(compression), McapReader::indexedMessages);
    }

    /**
     * The data of message 100 (in the second chunk), kept as a view, shows other bytes once the
     * cursor is several chunks further on.
     */
    private static void assertBytesOverwrittenPastTheFirstChunk(Path file, Function<McapReader, MessageViews> open) {
        try (McapReader reader = McapReader.open(file)) {
            MessageViews views = open.apply(reader);
            do {
                assertThat(views.advance()).isTrue();
            } while (views.view().sequence() < 100);
            ByteBuffer kept = views.view().data();
            byte[] copy = views.view().copyData();
            assertThat(copy).containsOnly((byte) 100);
            for (int i = 0; i < 500; i++) {
                assertThat(views.advance()).isTrue();
            }
            byte[] now = new byte[kept.remaining()];
            kept.duplicate().get(now);
            assertThat(now).isNotEqualTo(copy);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void recordIteratorsKeepEveryMessageValid(Compression compression) {
        Path file = sample(compression);
        try (McapReader reader = McapReader.open(file)) {
            List<McapRecord.Message> kept = new ArrayList<>();
            reader.messages().forEachRemaining(kept::add);
            assertThat(kept).hasSize(2000);
            for (int i = 0; i < kept.size(); i++) {
                ByteBuffer data = kept.get(i).data();
                assertThat(data.remaining()).isEqualTo(200);
                assertThat(data.get(0)).as("message %d", i).isEqualTo((byte) i);
                assertThat(data.get(199)).as("message %d", i).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void recoveringCursorStopsWhereTheRecordStreamStops() throws IOException {
        Path file = sample(Compression.ZSTD);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        List<Seen> expected = new ArrayList<>();
        List<String> expectedWarnings;
        try (McapReader reader = McapReader.openRecovering(cut)) {
            for (Iterator<McapRecord> it = reader.records(); it.hasNext(); ) {
                if (it.next() instanceof McapRecord.Message m) {
                    expected.add(Seen.of(m));
                }
            }
            expectedWarnings = reader.warnings();
        }
        try (McapReader reader = McapReader.openRecovering(cut)) {
            assertThat(drain(reader.streamMessages())).isEqualTo(expected).isNotEmpty().hasSizeLessThan(2000);
            assertThat(reader.warnings()).isEqualTo(expectedWarnings).hasSize(1);
        }
    }
}
