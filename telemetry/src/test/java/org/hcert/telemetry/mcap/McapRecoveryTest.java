package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A live recording killed at any moment leaves a prefix of the finished file. Cut a finished file
 * at about 150 evenly spread places, around each chunk's end, at every byte of the first message
 * indexes and of the tail, and check that the recovering reader returns exactly the messages of the chunks
 * that end before the cut, and says where it stopped.
 */
class McapRecoveryTest {

    @TempDir
    Path tmp;

    static long count(Iterator<?> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    static long streamedMessages(McapReader reader) {
        long n = 0;
        for (Iterator<McapRecord> it = reader.records(); it.hasNext(); ) {
            if (it.next() instanceof McapRecord.Message) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void recoversUpToTheLastClosedChunkAtEveryCut(Compression compression) throws IOException {
        Path full = tmp.resolve("full.mcap");
        McapRoundTripTest.writeSample(full, compression, 2048);
        byte[] bytes = Files.readAllBytes(full);
        List<McapRecord.ChunkIndex> chunks = summaryChunks(full);
        List<Long> counts = messagesPerChunk(full);
        assertThat(chunks).hasSizeGreaterThan(3).hasSameSizeAs(counts);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(2000);
        Path cut = tmp.resolve("cut.mcap");
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>();
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 150)) {
            cuts.add(length);
        }
        for (int i = 0; i < chunks.size(); i++) {
            long end = chunks.get(i).chunkStartOffset() + chunks.get(i).chunkLength();
            for (long d = i < 2 ? -12 : -1; d <= (i < 2 ? 60 : 1); d++) {
                cuts.add((int) (end + d));
            }
        }
        for (int d = 1; d < 40; d++) {
            cuts.add(bytes.length - d);
        }
        for (int length : cuts) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            long expected = expectedMessages(chunks, counts, length);
            if (length < 8) {
                assertThatThrownBy(() -> McapReader.openRecovering(cut).records().hasNext())
                        .isInstanceOf(TelemetryFormatException.class);
                continue;
            }
            try (McapReader reader = McapReader.openRecovering(cut)) {
                assertThat(count(reader.messages())).as("indexed, cut at %d", length).isEqualTo(expected);
                assertThat(reader.recovered()).isTrue();
                assertThat(reader.warnings()).allMatch(w -> w.startsWith(cut + "@"));
            }
            try (McapReader reader = McapReader.openRecovering(cut)) {
                assertThat(streamedMessages(reader)).as("streamed, cut at %d", length).isEqualTo(expected);
            }
        }
    }

    private static List<McapRecord.ChunkIndex> summaryChunks(Path file) {
        List<McapRecord.ChunkIndex> out = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> {
                if (r instanceof McapRecord.ChunkIndex c) {
                    out.add(c);
                }
            });
        }
        return out;
    }

    /**
     * The number of messages in each chunk, in file order: the streamed reader returns a chunk's
     * messages, then the message indexes that follow the chunk.
     */
    private static List<Long> messagesPerChunk(Path file) {
        List<Long> counts = new ArrayList<>();
        long[] run = {0};
        boolean[] inIndexes = {false};
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> {
                if (r instanceof McapRecord.Message) {
                    if (inIndexes[0]) {
                        inIndexes[0] = false;
                    }
                    run[0]++;
                } else if (r instanceof McapRecord.MessageIndex && !inIndexes[0]) {
                    inIndexes[0] = true;
                    counts.add(run[0]);
                    run[0] = 0;
                }
            });
        }
        return counts;
    }

    private static long expectedMessages(List<McapRecord.ChunkIndex> chunks, List<Long> counts, long cut) {
        long n = 0;
        for (int i = 0; i < chunks.size(); i++) {
            McapRecord.ChunkIndex c = chunks.get(i);
            if (c.chunkStartOffset() + c.chunkLength() <= cut) {
                n += counts.get(i);
            }
        }
        return n;
    }

    @Test
    void readsAnUnclosedWriterUpToItsLastChunk() throws IOException {
        Path file = tmp.resolve("killed.mcap");
        McapWriter w = McapWriter.builder().compression(Compression.ZSTD).chunkSize(1000).forceEachChunk(true).open(file);
        int c = w.registerChannel("/joint_states", "json", 0, Map.of());
        byte[] body = "{\"position\":[0.1,0.2,0.3]}".getBytes(StandardCharsets.UTF_8);
        long flushed = 0;
        for (int i = 0; i < 100; i++) {
            long before = Files.size(file);
            w.write(c, i, i, i, body);
            if (Files.size(file) > before) {
                flushed = i + 1;
            }
        }
        // The writer is never closed, as when the recording process is killed.
        assertThat(flushed).isBetween(50L, 99L);
        try (McapReader reader = McapReader.openRecovering(file)) {
            assertThat(count(reader.messages())).isEqualTo(flushed);
            assertThat(reader.warnings()).containsExactly(
                    "%s@%d: no Footer record and trailing magic at the end of the file; it is truncated; rebuilt the index by scanning the data section"
                            .formatted(file, Files.size(file)),
                    "%s@%d: the file ends without a Footer record; it is truncated; read up to the last valid record"
                            .formatted(file, Files.size(file)));
        }
    }
}
