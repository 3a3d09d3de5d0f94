package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Write an MCAP file: messages in chunks, each chunk followed by its message indexes, then a
 * summary (schemas, channels, statistics, metadata, attachment and chunk indexes), summary offsets
 * and the footer, with every CRC filled in.
 *
 * <p>The file only grows, and each chunk is written out as soon as it is closed (and forced to
 * the device when {@link Builder#forceEachChunk} is set). A process killed at any moment therefore
 * leaves a file that {@link McapReader#openRecovering} reads up to the last closed chunk. Not
 * thread-safe.
 */
public final class McapWriter implements Closeable {

    private final FileChannel out;
    private final Builder options;
    private final RecordBuffer top;
    private final RecordBuffer chunk;
    private final CRC32 dataCrc = new CRC32();
    private final WriterSummary summary;
    private final Map<Integer, LongList> chunkIndex = new LinkedHashMap<>();
    private long written;
    private long chunkStartTime;
    private long chunkEndTime;
    private long chunkMessages;
    private boolean closed;

    private McapWriter(FileChannel out, Builder options) {
        this.out = out;
        this.options = options;
        this.top = new RecordBuffer(1 << 16);
        this.chunk = new RecordBuffer(options.chunked ? options.chunkSize + (options.chunkSize >> 3) : 64);
        this.summary = new WriterSummary(options.statistics, options.repeatSchemas, options.repeatChannels,
                options.chunkIndexes, options.attachmentIndexes, options.metadataIndexes, options.summaryOffsets);
        top.raw(McapFile.MAGIC);
        top.begin(Opcode.HEADER).string(options.profile).string(options.library).end();
    }

    /** Start configuring a writer; the defaults suit live recording (zstd chunks of 1 MiB, full summary). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Register a schema and write its record.
     *
     * @param encoding the schema encoding: {@code ros2msg}, {@code jsonschema}, … or empty for none
     * @return the schema id, starting at 1
     */
    public int registerSchema(String name, String encoding, byte[] data) {
        checkOpen();
        int id = summary.schemas.size() + 1;
        McapRecord.Schema schema = new McapRecord.Schema(id, name, encoding, ByteBuffer.wrap(data.clone()).asReadOnlyBuffer());
        summary.schemas.add(schema);
        WriterSummary.schema(target().begin(Opcode.SCHEMA), schema).end();
        afterDataRecord();
        return id;
    }

    /**
     * Register a channel and write its record.
     *
     * @param schemaId a registered schema id, or 0 for schemaless messages
     * @return the channel id, starting at 1
     * @throws IllegalArgumentException when the schema is not registered
     */
    public int registerChannel(String topic, String messageEncoding, int schemaId, Map<String, String> metadata) {
        checkOpen();
        if (schemaId != 0 && (schemaId < 0 || schemaId > summary.schemas.size())) {
            throw new IllegalArgumentException("schema id %d is not registered; call registerSchema first".formatted(schemaId));
        }
        int id = summary.channels.size() + 1;
        McapRecord.Channel channel = new McapRecord.Channel(id, schemaId, topic, messageEncoding,
                Collections.unmodifiableMap(new LinkedHashMap<>(metadata)));
        summary.channels.add(channel);
        WriterSummary.channel(target().begin(Opcode.CHANNEL), channel).end();
        if (options.chunked && options.messageIndex) {
            chunkIndex.computeIfAbsent(id, k -> new LongList());
        }
        afterDataRecord();
        return id;
    }

    /**
     * Write one message.
     *
     * @param logTimeNs when the message was recorded, nanoseconds
     * @param publishTimeNs when it was published; the log time when unknown
     * @param data the serialized body, from its position to its limit (not consumed)
     */
    public void write(int channelId, long sequence, long logTimeNs, long publishTimeNs, ByteBuffer data) {
        checkOpen();
        if (channelId < 1 || channelId > summary.channels.size()) {
            throw new IllegalArgumentException("channel id %d is not registered; call registerChannel first".formatted(channelId));
        }
        if (options.chunked) {
            if (options.messageIndex) {
                chunkIndex.computeIfAbsent(channelId, k -> new LongList()).add(logTimeNs, chunk.size());
            }
            chunkStartTime = chunkMessages == 0 ? logTimeNs : Math.min(chunkStartTime, logTimeNs);
            chunkEndTime = chunkMessages == 0 ? logTimeNs : Math.max(chunkEndTime, logTimeNs);
            chunkMessages++;
        }
        target().begin(Opcode.MESSAGE).u16(channelId).u32(sequence).u64(logTimeNs).u64(publishTimeNs).raw(data).end();
        summary.countMessage(channelId, logTimeNs);
        afterDataRecord();
    }

    public void write(int channelId, long sequence, long logTimeNs, long publishTimeNs, byte[] data) {
        write(channelId, sequence, logTimeNs, publishTimeNs, ByteBuffer.wrap(data));
    }

    /** Write an attachment (outside any chunk, as the specification requires). */
    public void attach(long logTimeNs, long createTimeNs, String name, String mediaType, byte[] data) {
        checkOpen();
        long offset = position();
        int crcFrom = top.size() + 9;
        top.begin(Opcode.ATTACHMENT).u64(logTimeNs).u64(createTimeNs).string(name).string(mediaType)
                .u64(data.length).raw(data);
        CRC32 crc = new CRC32();
        crc.update(top.array(), crcFrom, top.size() - crcFrom);
        long length = top.u32(crc.getValue()).end();
        summary.attachment(new McapRecord.AttachmentIndex(offset, length, logTimeNs, createTimeNs, data.length, name, mediaType));
        flushTopIfFull();
    }

    /** Write a metadata record: named key-value pairs, e.g. the robot's serial number. */
    public void metadata(String name, Map<String, String> metadata) {
        checkOpen();
        long offset = position();
        long length = top.begin(Opcode.METADATA).string(name).stringMap(metadata).end();
        summary.metadata(new McapRecord.MetadataIndex(offset, length, name));
        flushTopIfFull();
    }

    /** Close the open chunk and write everything out, so that a crash now loses nothing written so far. */
    public void flush() {
        checkOpen();
        closeChunk();
        flushTop();
    }

    /** Finish the file: last chunk, DataEnd, summary, summary offsets, footer, magic; then close it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            closeChunk();
            flushTop();
            top.u8(Opcode.DATA_END).u64(4).u32(dataCrc.getValue());
            flushTop();
            closed = true;
            long summaryStart = written;
            summary.write(top, summaryStart);
            flushTop();
            if (options.forceEachChunk) {
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish MCAP file", e);
        } finally {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                // The data is written or the failure above is already reported.
            }
        }
    }

    private RecordBuffer target() {
        return options.chunked ? chunk : top;
    }

    private long position() {
        return written + top.size();
    }

    private void afterDataRecord() {
        if (options.chunked) {
            if (chunk.size() >= options.chunkSize) {
                closeChunk();
            }
        } else {
            flushTopIfFull();
        }
    }

    private void closeChunk() {
        if (chunk.size() == 0) {
            return;
        }
        int uncompressedSize = chunk.size();
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 0, uncompressedSize);
        byte[] compressed = options.compression.compress(chunk.array(), uncompressedSize);
        long chunkStart = position();
        long chunkLength = top.begin(Opcode.CHUNK).u64(chunkMessages == 0 ? 0 : chunkStartTime)
                .u64(chunkMessages == 0 ? 0 : chunkEndTime).u64(uncompressedSize).u32(crc.getValue())
                .string(options.compression.id()).u64(compressed.length).raw(compressed).end();
        Map<Integer, Long> indexOffsets = new LinkedHashMap<>();
        long indexLength = 0;
        for (Map.Entry<Integer, LongList> e : chunkIndex.entrySet()) {
            indexOffsets.put(e.getKey(), position());
            LongList entries = e.getValue();
            top.begin(Opcode.MESSAGE_INDEX).u16(e.getKey()).u32(entries.size() * 8L);
            for (int i = 0; i < entries.size(); i++) {
                top.u64(entries.get(i));
            }
            indexLength += top.end();
        }
        summary.chunk(new McapRecord.ChunkIndex(chunkMessages == 0 ? 0 : chunkStartTime,
                chunkMessages == 0 ? 0 : chunkEndTime, chunkStart, chunkLength,
                Collections.unmodifiableMap(indexOffsets), indexLength, options.compression.id(),
                compressed.length, uncompressedSize));
        chunk.clear();
        chunkIndex.clear();
        chunkMessages = 0;
        flushTop();
        if (options.forceEachChunk) {
            try {
                out.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force chunk to the device", e);
            }
        }
    }

    private void flushTopIfFull() {
        if (top.size() >= options.chunkSize) {
            flushTop();
        }
    }

    private void flushTop() {
        ByteBuffer bytes = top.written();
        if (!closed) {
            dataCrc.update(bytes.duplicate());
        }
        try {
            while (bytes.hasRemaining()) {
                written += out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write MCAP file at byte %d".formatted(written), e);
        }
        top.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the MCAP writer is closed");
        }
    }

    /** A growable list of longs for message index entries: log time, offset, log time, offset, … */
    private static final class LongList {

        private long[] values = new long[16];
        private int size;

        void add(long a, long b) {
            if (size + 2 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return values[i];
        }
    }

    /**
     * Options of a writer. Every summary feature is on by default; turning one off matches the
     * variants of the MCAP conformance suite.
     */
    public static final class Builder {

        Compression compression = Compression.ZSTD;
        int chunkSize = 1 << 20;
        boolean chunked = true;
        boolean messageIndex = true;
        boolean chunkIndexes = true;
        boolean statistics = true;
        boolean repeatSchemas = true;
        boolean repeatChannels = true;
        boolean attachmentIndexes = true;
        boolean metadataIndexes = true;
        boolean summaryOffsets = true;
        boolean forceEachChunk;
        String profile = "";
        String library = "hcert";

        private Builder() {}

        public Builder compression(Compression c) {
            this.compression = Objects.requireNonNull(c, "compression must not be null");
            return this;
        }

        /** Close a chunk once its uncompressed records reach {@code bytes}; 1 MiB by default. */
        public Builder chunkSize(int bytes) {
            if (bytes < 1 || bytes > ChunkDecoder.MAX_UNCOMPRESSED / 2) {
                throw new IllegalArgumentException("chunk size must be between 1 and %d bytes, got %d"
                        .formatted(ChunkDecoder.MAX_UNCOMPRESSED / 2, bytes));
            }
            this.chunkSize = bytes;
            return this;
        }

        /** Write messages in chunks (default) or straight into the data section. */
        public Builder chunked(boolean on) {
            this.chunked = on;
            return this;
        }

        public Builder messageIndexes(boolean on) {
            this.messageIndex = on;
            return this;
        }

        public Builder chunkIndexes(boolean on) {
            this.chunkIndexes = on;
            return this;
        }

        public Builder statistics(boolean on) {
            this.statistics = on;
            return this;
        }

        /** Repeat the schemas in the summary. */
        public Builder repeatSchemas(boolean on) {
            this.repeatSchemas = on;
            return this;
        }

        /** Repeat the channels in the summary. */
        public Builder repeatChannels(boolean on) {
            this.repeatChannels = on;
            return this;
        }

        public Builder attachmentIndexes(boolean on) {
            this.attachmentIndexes = on;
            return this;
        }

        public Builder metadataIndexes(boolean on) {
            this.metadataIndexes = on;
            return this;
        }

        public Builder summaryOffsets(boolean on) {
            this.summaryOffsets = on;
            return this;
        }

        /** Force each closed chunk, and the finished file, to the storage device ({@code FileChannel.force}); off by default. */
        public Builder forceEachChunk(boolean on) {
            this.forceEachChunk = on;
            return this;
        }

        /** The Header's profile, e.g. {@code ros2}; empty by default. */
        public Builder profile(String p) {
            this.profile = Objects.requireNonNull(p, "profile must not be null");
            return this;
        }

        /** The Header's library; {@code hcert} by default. */
        public Builder library(String l) {
            this.library = Objects.requireNonNull(l, "library must not be null");
            return this;
        }

        /**
         * Create (or replace) {@code file} and write its magic and header.
         *
         * @throws UncheckedIOException when the file cannot be created
         */
        public McapWriter open(Path file) {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                return new McapWriter(ch, this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create MCAP file " + file, e);
            }
        }
    }
}
