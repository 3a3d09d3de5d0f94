package org.hcert.telemetry.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.mcap.McapWriter;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a conversion reads is checked against the statistics the file states, and damage travels with the copy. */
class ConversionDamageTest {

    @TempDir
    Path dir;

    private Path threeMessages() throws IOException {
        Path file = dir.resolve("three.mcap");
        try (McapWriter w = McapWriter.builder().compression(Compression.NONE).open(file)) {
            int s = w.registerSchema("hcert/Note", "jsonschema", "{}".getBytes(StandardCharsets.UTF_8));
            int c = w.registerChannel("/notes", "json", s, Map.of());
            for (int i = 0; i < 3; i++) {
                w.write(c, i, i + 1, i + 1, "{\"i\":%d}".formatted(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    /** The file with its statistics record counting one message more on its channel than it holds (summary CRC cleared). */
    private Path overcounted() throws IOException {
        byte[] b = Files.readAllBytes(threeMessages());
        int stats = -1;
        for (int i = 8; i < b.length - 9; i++) {
            // the Statistics record: opcode 0x0B, then its length; the summary follows the data end
            if (b[i] == 0x0B && ByteBuffer.wrap(b, i + 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() == 8 + 2 + 4 * 4 + 8 + 8 + 4 + 10) {
                stats = i;
            }
        }
        assertThat(stats).as("a Statistics record with one channel").isPositive();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int count = stats + 1 + 8 + 8 + 2 + 4 * 4 + 8 + 8 + 4 + 2; // the first channel's count
        buf.putLong(count, buf.getLong(count) + 1);
        buf.putInt(b.length - 8 - 4, 0); // footer summary_crc: 0 means unchecked
        Path file = dir.resolve("overcounted.mcap");
        Files.write(file, b);
        return file;
    }

    @Test
    void aCopyOfASoundFileHasNoDamage() throws IOException {
        Conversion.Result r = Conversion.convert(new McapSource(threeMessages(), RosBodyDecoders.standard()), dir.resolve("copy.mcap"),
                Conversion.Options.defaults());
        assertThat(r.messages()).isEqualTo(3);
        assertThat(r.damage()).isEmpty();
    }

    @Test
    void messagesFewerThanTheStatisticsCountAreDamageAndTheCopySaysSo() throws IOException {
        Path source = overcounted();
        for (String target : new String[] {"copy.mcap", "copy.ndjson"}) {
            Conversion.Result r = Conversion.convert(new McapSource(source, RosBodyDecoders.standard()), dir.resolve(target),
                    Conversion.Options.defaults());
            assertThat(r.damage()).as(target).containsExactly(source + ": its statistics record counts 4 messages on /notes, 3 were read");
        }
        McapSource copy = new McapSource(dir.resolve("copy.mcap"), RosBodyDecoders.standard());
        try (var c = copy.open()) {
            c.forEachRemaining(m -> { });
        }
        assertThat(copy.warnings()).singleElement().asString().startsWith("converted from a damaged recording: " + source);
    }
}
