package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt files fail with a message that names the file, the byte offset and the record. */
class McapBadInputTest {

    @TempDir
    Path tmp;

    /** A top-level record of a file: opcode, offset, total length. */
    record At(int opcode, int offset, int length) {}

    static List<At> topLevel(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<At> out = new ArrayList<>();
        for (int at = 8; at + 9 <= bytes.length - 8; ) {
            int length = (int) b.getLong(at + 1) + 9;
            out.add(new At(bytes[at] & 0xFF, at, length));
            at += length;
        }
        return out;
    }

    static At first(byte[] bytes, int opcode) {
        return topLevel(bytes).stream().filter(a -> a.opcode() == opcode).findFirst().orElseThrow();
    }

    Path sample(String name, McapWriter.Builder builder) throws IOException {
        Path file = tmp.resolve(name);
        try (McapWriter w = builder.open(file)) {
            int s = w.registerSchema("hcert/Imu", "jsonschema", "{}".getBytes(StandardCharsets.UTF_8));
            int c = w.registerChannel("/imu", "json", s, Map.of());
            for (int i = 0; i < 3; i++) {
                w.write(c, i, 10 - i, 10 - i, "{\"i\":%d}".formatted(i).getBytes(StandardCharsets.UTF_8));
            }
            w.attach(1, 2, "notes.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    Path sample() throws IOException {
        return sample("sample.mcap", McapWriter.builder().compression(Compression.NONE));
    }

    static void patchU32(Path file, int at, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
        Files.write(file, bytes);
    }

    static long u32(Path file, int at) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getInt(at) & 0xFFFF_FFFFL;
    }

    /** Read every record; the message cursor over the same file must fail (or not) with the same message. */
    static void readAll(Path file) {
        sameOutcome(() -> {
            try (McapReader reader = McapReader.open(file)) {
                reader.records().forEachRemaining(r -> { });
            }
        }, () -> {
            try (McapReader reader = McapReader.open(file)) {
                MessageViews views = reader.streamMessages();
                while (views.advance()) {
                    views.view();
                }
            }
        });
    }

    /** Read every message through the index; the indexed message cursor must fail (or not) with the same message. */
    static void readIndexed(Path file) {
        sameOutcome(() -> {
            try (McapReader reader = McapReader.open(file)) {
                reader.messages().forEachRemaining(r -> { });
            }
        }, () -> {
            try (McapReader reader = McapReader.open(file)) {
                MessageViews views = reader.indexedMessages();
                while (views.advance()) {
                    views.view();
                }
            }
        });
    }

    /** Run {@code records}, then check that {@code cursor} ends the same way: normally, or with the same exception type and message. */
    private static void sameOutcome(Runnable records, Runnable cursor) {
        RuntimeException expected = null;
        try {
            records.run();
        } catch (RuntimeException e) {
            expected = e;
        }
        if (expected == null) {
            cursor.run();
            return;
        }
        assertThatThrownBy(cursor::run).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        throw expected;
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        Path file = tmp.resolve("archive.mcap");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@0: not an MCAP file: expected the magic 89 4D 43 41 50 30 0D 0A, found 50 4B 03 04 14 00 00 00", file);
    }

    @Test
    void rejectsTruncatedFileWhenStrict() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        At chunk = first(bytes, Opcode.CHUNK);
        Files.write(file, Arrays.copyOf(bytes, chunk.offset() + 40));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: Chunk record: length %d goes beyond the end of the file (31 bytes remain after the record header); the file is truncated",
                file, chunk.offset(), chunk.length() - 9);
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: no Footer record and trailing magic at the end of the file; it is truncated", file, chunk.offset() + 40);
    }

    @Test
    void rejectsLengthBeyondTheEndOfTheFile() throws IOException {
        Path file = sample("flat.mcap", McapWriter.builder().chunked(false));
        At schema = first(Files.readAllBytes(file), Opcode.SCHEMA);
        patchU32(file, schema.offset() + 9 + 2, 0xFFFF_FFFFL);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: Schema record: field name has length 4294967295, beyond the %d bytes left in the record",
                file, schema.offset(), schema.length() - 9 - 2 - 4);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(schema.offset() + 1, Long.MAX_VALUE);
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class)
                .hasMessageStartingWith("%s@%d: Schema record: length 9223372036854775807 goes beyond the end of the file (", file, schema.offset());
    }

    @Test
    void rejectsBadChunkCrc() throws IOException {
        Path file = sample();
        At chunk = first(Files.readAllBytes(file), Opcode.CHUNK);
        int crcAt = chunk.offset() + 9 + 24;
        long original = u32(file, crcAt);
        patchU32(file, crcAt, 0xDEADBEEFL);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: Chunk record: uncompressed_crc is 0xdeadbeef but the records hash to 0x%08x; the chunk is corrupt",
                file, chunk.offset(), original);
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: Chunk record: uncompressed_crc is 0xdeadbeef but the records hash to 0x%08x; the chunk is corrupt",
                file, chunk.offset(), original);
    }

    /** Write 300 messages of 100 bytes in zstd chunks of about 4 KiB: the stream decompresses all but the first ahead. */
    Path manyChunks() {
        Path file = tmp.resolve("chunks.mcap");
        try (McapWriter w = McapWriter.builder().compression(Compression.ZSTD).chunkSize(4096).open(file)) {
            int s = w.registerSchema("raw", "", new byte[0]);
            int c = w.registerChannel("/raw", "raw", s, Map.of());
            for (int i = 0; i < 300; i++) {
                byte[] data = new byte[100];
                Arrays.fill(data, (byte) i);
                w.write(c, i, i, i, data);
            }
        }
        return file;
    }

    /** Read {@code file} with a recovering reader, records and cursor; both must stop at the same message with the same warning. */
    static List<String> recoverBothWays(Path file) {
        long records;
        List<String> warnings;
        try (McapReader reader = McapReader.openRecovering(file)) {
            List<McapRecord> all = new ArrayList<>();
            reader.records().forEachRemaining(all::add);
            records = all.stream().filter(r -> r instanceof McapRecord.Message).count();
            warnings = reader.warnings();
        }
        try (McapReader reader = McapReader.openRecovering(file)) {
            MessageViews views = reader.streamMessages();
            long n = 0;
            while (views.advance()) {
                n++;
            }
            assertThat(n).isEqualTo(records).isPositive().isLessThan(300);
            assertThat(reader.warnings()).isEqualTo(warnings);
        }
        return warnings;
    }

    @Test
    void rejectsBadCrcInAChunkDecompressedAhead() throws IOException {
        Path file = manyChunks();
        List<At> chunks = topLevel(Files.readAllBytes(file)).stream().filter(a -> a.opcode() == Opcode.CHUNK).toList();
        assertThat(chunks).hasSizeGreaterThan(4);
        At third = chunks.get(2);
        long original = u32(file, third.offset() + 9 + 24);
        patchU32(file, third.offset() + 9 + 24, 0xDEADBEEFL);
        String problem = "%s@%d: Chunk record: uncompressed_crc is 0xdeadbeef but the records hash to 0x%08x; the chunk is corrupt"
                .formatted(file, third.offset(), original);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(problem);
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(problem);
        // the chunk decoded ahead on the worker fails where the merge reaches it: every message before it is delivered
        assertThat(deliveredBeforeFailure(McapReader::indexedMessages, file)).isPositive()
                .isEqualTo(deliveredBeforeFailure(McapReader::streamMessages, file));
        assertThat(recoverBothWays(file)).containsExactly(problem + "; read up to the last valid record");
    }

    /** How many messages {@code cursor} delivers from {@code file} before it fails (it must fail). */
    private static int deliveredBeforeFailure(java.util.function.Function<McapReader, MessageViews> cursor, Path file) {
        int[] n = {0};
        try (McapReader reader = McapReader.open(file)) {
            MessageViews views = cursor.apply(reader);
            assertThatThrownBy(() -> {
                while (views.advance()) {
                    n[0]++;
                }
            }).isInstanceOf(TelemetryFormatException.class);
        }
        return n[0];
    }

    @Test
    void rejectsCorruptFrameInAChunkDecompressedAhead() throws IOException {
        Path file = manyChunks();
        byte[] bytes = Files.readAllBytes(file);
        List<At> chunks = topLevel(bytes).stream().filter(a -> a.opcode() == Opcode.CHUNK).toList();
        At fourth = chunks.get(3);
        int recordsAt = fourth.offset() + 9 + 8 + 8 + 8 + 4 + 4 + "zstd".length() + 8;
        bytes[recordsAt] ^= 0x55;
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class)
                .hasMessageStartingWith("%s@%d: Chunk record: zstd records are corrupt: ", file, fourth.offset());
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class)
                .hasMessageStartingWith("%s@%d: Chunk record: zstd records are corrupt: ", file, fourth.offset());
        assertThat(deliveredBeforeFailure(McapReader::indexedMessages, file)).isPositive()
                .isEqualTo(deliveredBeforeFailure(McapReader::streamMessages, file));
        assertThat(recoverBothWays(file)).hasSize(1).first().asString()
                .startsWith("%s@%d: Chunk record: zstd records are corrupt: ".formatted(file, fourth.offset()));
    }

    @Test
    void rejectsBadDataSectionCrc() throws IOException {
        Path file = sample();
        At end = first(Files.readAllBytes(file), Opcode.DATA_END);
        long original = u32(file, end.offset() + 9);
        patchU32(file, end.offset() + 9, 0xDEADBEEFL);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: DataEnd record: data_section_crc is 0xdeadbeef but bytes 0 to %d hash to 0x%08x",
                file, end.offset(), end.offset(), original);
    }

    @Test
    void rejectsBadSummaryCrc() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        int footerAt = bytes.length - 8 - 29;
        long original = u32(file, footerAt + 25);
        patchU32(file, footerAt + 25, 0xDEADBEEFL);
        long summaryStart = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(footerAt + 9);
        String expected = "%s@%d: Footer record: summary_crc is 0xdeadbeef but bytes %d to %d hash to 0x%08x"
                .formatted(file, footerAt, summaryStart, footerAt + 25, original);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(expected);
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(expected);
    }

    @Test
    void rejectsBadAttachmentCrc() throws IOException {
        Path file = sample();
        At attachment = first(Files.readAllBytes(file), Opcode.ATTACHMENT);
        int crcAt = attachment.offset() + attachment.length() - 4;
        long original = u32(file, crcAt);
        patchU32(file, crcAt, 0xDEADBEEFL);
        String expected = "%s@%d: Attachment record: crc is 0xdeadbeef but the fields before it hash to 0x%08x"
                .formatted(file, attachment.offset(), original);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(expected);
        try (McapReader reader = McapReader.open(file)) {
            assertThatThrownBy(() -> reader.attachment(reader.attachments().get(0))).hasMessage(expected);
        }
    }

    /** A file with one hand-made chunk whose records are {@code zeros} zero bytes, compressed. */
    Path chunkFile(String compression, byte[] compressed, long declaredSize) throws IOException {
        RecordBuffer b = new RecordBuffer(256);
        b.raw(McapFile.MAGIC);
        b.begin(Opcode.HEADER).string("").string("").end();
        b.begin(Opcode.CHUNK).u64(0).u64(0).u64(declaredSize).u32(0).string(compression).u64(compressed.length)
                .raw(compressed).end();
        b.u8(Opcode.DATA_END).u64(4).u32(0);
        b.u8(Opcode.FOOTER).u64(20).u64(0).u64(0).u32(0).raw(McapFile.MAGIC);
        Path file = tmp.resolve(compression + "-bomb.mcap");
        Files.write(file, Arrays.copyOf(b.array(), b.size()));
        return file;
    }

    @Test
    void rejectsChunkThatDecompressesToMoreThanDeclared() throws IOException {
        byte[] zeros = new byte[1 << 20];
        Path zstd = chunkFile("zstd", Zstd.compress(zeros), 100);
        assertThatThrownBy(() -> readAll(zstd)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@25: Chunk record: zstd records decompress to more than the declared uncompressed_size of 100 bytes", zstd);
        Path lz4 = chunkFile("lz4", Compression.LZ4.compress(zeros, zeros.length), 100);
        assertThatThrownBy(() -> readAll(lz4)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@25: Chunk record: lz4 records decompress to more than the declared uncompressed_size of 100 bytes", lz4);
    }

    @Test
    void rejectsChunkDeclaringMoreThanItHoldsWithoutAllocatingIt() throws IOException {
        byte[] small = Zstd.compress(new byte[10_000]);
        Path huge = chunkFile("zstd", small, 1L << 40);
        assertThatThrownBy(() -> readAll(huge)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@25: Chunk record: uncompressed_size 1099511627776 is larger than the 268435456 bytes (256 MiB) hcert decompresses "
                        + "in one chunk", huge);
        // a zip bomb: a few KB that would expand to 300 MiB is refused by its declared size, before any is allocated
        Path bomb = chunkFile("zstd", small, 300L << 20);
        assertThatThrownBy(() -> readAll(bomb)).isInstanceOf(TelemetryFormatException.class).hasMessageContaining(
                "uncompressed_size 314572800 is larger than the 268435456 bytes (256 MiB)");
        Path lying = chunkFile("zstd", small, 200_000_000L);
        assertThatThrownBy(() -> readAll(lying)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@25: Chunk record: zstd records decompress to 10000 bytes, not the declared uncompressed_size of 200000000 bytes", lying);
    }

    @Test
    void rejectsUnsupportedCompression() throws IOException {
        Path file = chunkFile("brotli", new byte[4], 4);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@25: Chunk record: unsupported compression \"brotli\"; hcert reads \"\", \"zstd\" and \"lz4\"", file);
    }

    @Test
    void skipsUnknownOpcodes() throws IOException {
        RecordBuffer b = new RecordBuffer(256);
        b.raw(McapFile.MAGIC);
        b.begin(Opcode.HEADER).string("").string("").end();
        b.begin(Opcode.CHANNEL).u16(1).u16(0).string("/x").string("json").u32(0).end();
        b.begin(0x42).u64(7).end();
        b.begin(0x80).string("private").end();
        b.begin(Opcode.MESSAGE).u16(1).u32(0).u64(5).u64(5).raw("{}".getBytes(StandardCharsets.UTF_8)).end();
        b.u8(Opcode.DATA_END).u64(4).u32(0);
        b.u8(Opcode.FOOTER).u64(20).u64(0).u64(0).u32(0).raw(McapFile.MAGIC);
        Path file = tmp.resolve("unknown.mcap");
        Files.write(file, Arrays.copyOf(b.array(), b.size()));
        List<String> types = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> types.add(r.typeName()));
            assertThat(reader.messages().next().logTime()).isEqualTo(5);
            assertThat(reader.warnings()).isEmpty();
        }
        assertThat(types).containsExactly("Header", "Channel", "Message", "DataEnd", "Footer");
    }

    @Test
    void rejectsZeroOpcodeWhenStrictAndStopsThereWhenRecovering() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        At end = first(bytes, Opcode.DATA_END);
        byte[] zeroTail = Arrays.copyOf(Arrays.copyOf(bytes, end.offset()), end.offset() + 4096);
        Files.write(file, zeroTail);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: invalid opcode 0x00 where a record should start", file, end.offset());
        try (McapReader reader = McapReader.openRecovering(file)) {
            assertThat(McapRecoveryTest.count(reader.messages())).isEqualTo(3);
            assertThat(reader.warnings()).last().isEqualTo(
                    "%s@%d: invalid opcode 0x00 where a record should start; read up to the last valid record".formatted(file, end.offset()));
        }
    }

    @Test
    void sortsNonMonotonicMessageIndexesByLogTime() throws IOException {
        Path file = sample();
        List<Long> streamed = new ArrayList<>();
        List<Long> indexed = new ArrayList<>();
        try (McapReader reader = McapReader.open(file)) {
            reader.records().forEachRemaining(r -> {
                if (r instanceof McapRecord.MessageIndex mi) {
                    mi.records().forEach(e -> streamed.add(e.logTime()));
                }
            });
            reader.messages().forEachRemaining(m -> indexed.add(m.logTime()));
        }
        assertThat(streamed).containsExactly(10L, 9L, 8L);
        assertThat(indexed).containsExactly(8L, 9L, 10L);
    }

    @Test
    void rejectsMessageIndexPointingAtAnotherRecord() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        At chunk = first(bytes, Opcode.CHUNK);
        At index = first(bytes, Opcode.MESSAGE_INDEX);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(index.offset() + 9 + 2 + 4 + 8, 0);
        Files.write(file, bytes);
        assertThatThrownBy(() -> readIndexed(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                "%s@%d: MessageIndex record: offset 0 in the chunk at %d holds a Schema record, not a Message record",
                file, index.offset(), chunk.offset());
    }

    @Test
    void namesFileOffsetAndTopicWhenABodyCannotBeDecoded() throws IOException {
        Path file = tmp.resolve("broken-body.mcap");
        try (McapWriter w = McapWriter.builder().open(file)) {
            int c = w.registerChannel("/imu", "json", 0, Map.of());
            w.write(c, 0, 1, 1, "{\"ok\":1}".getBytes(StandardCharsets.UTF_8));
            w.write(c, 1, 2, 2, "{nope".getBytes(StandardCharsets.UTF_8));
        }
        int chunkAt = first(Files.readAllBytes(file), Opcode.CHUNK).offset();
        try (MessageCursor cursor = new McapSource(file, new JsonBodyDecoder()).open()) {
            Message ok = cursor.next();
            assertThat(ok.body().get("ok").asInt()).isEqualTo(1);
            assertThatThrownBy(cursor::next).isInstanceOf(TelemetryFormatException.class).hasMessage(
                    "%s@%d (Chunk record: Message record at +72 of the uncompressed records): topic /imu: cannot decode the json body: "
                            + "the body is not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                    file, chunkAt);
        }
    }

    @Test
    void neverLoopsOnARecordOfLengthZero() throws IOException {
        RecordBuffer b = new RecordBuffer(64);
        b.raw(McapFile.MAGIC);
        b.begin(Opcode.HEADER).end();
        Path file = tmp.resolve("empty-header.mcap");
        Files.write(file, Arrays.copyOf(b.array(), b.size()));
        Iterator<McapRecord> records = McapReader.open(file).records();
        assertThatThrownBy(records::hasNext).isInstanceOf(TelemetryFormatException.class)
                .hasMessage("%s@8: Header record: field profile needs 4 bytes but only 0 are left in the record", file);
    }
}
