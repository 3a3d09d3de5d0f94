package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Read an MCAP file (https://mcap.dev/spec), either streamed front to back ({@link #records()})
 * or through its index in log-time order ({@link #messages(long, long)}). For passes that must not
 * allocate per message, {@link #streamMessages()} and {@link #indexedMessages(long, long, Set)}
 * give the same messages through one reused {@link MessageView}; the record iterators are built on
 * them, so both parse, check and fail alike.
 *
 * <p>A strict reader ({@link #open(Path)}) throws {@link org.hcert.telemetry.TelemetryFormatException}
 * at the first problem, naming the file, byte offset and record. A recovering reader ({@link
 * #openRecovering(Path)}) reads a file whose tail is cut or whose summary is missing up to its
 * last valid record, as {@code mcap recover} does, and lists what it skipped in {@link #warnings()}.
 * Readers are not thread-safe.
 */
public final class McapReader implements Closeable {

    private final McapFile file;
    private final ChunkDecoder decoder = new ChunkDecoder();
    private final boolean recover;
    private final List<String> warnings = new ArrayList<>();
    private final List<ChunkPrefetch> prefetches = new ArrayList<>();
    private final List<ChunkWorker> workers = new ArrayList<>();
    private @Nullable McapIndex index;

    private McapReader(McapFile file, boolean recover) {
        this.file = file;
        this.recover = recover;
    }

    /**
     * Open {@code file} for strict reading.
     *
     * @throws org.hcert.telemetry.TelemetryException when the file cannot be opened
     */
    public static McapReader open(Path file) {
        return new McapReader(McapFile.open(file), false);
    }

    /** Open {@code file} for reading up to its last valid record. */
    public static McapReader openRecovering(Path file) {
        return new McapReader(McapFile.open(file), true);
    }

    /**
     * Stream every record in file order, with the Schema, Channel and Message records of each chunk
     * in place of the Chunk record; unknown opcodes are skipped. A Message's data stays valid
     * until the next call to {@code next()}.
     */
    public Iterator<McapRecord> records() {
        return new RecordStream(file, decoder, this::prefetch, recover, warnings).records();
    }

    /**
     * The messages of {@link #records()}, in file order, through one reused {@link MessageView}:
     * the same checks and the same messages, without an object per message. The view's bytes are
     * valid until the next {@link MessageViews#advance()}.
     */
    public MessageViews streamMessages() {
        return new RecordStream(file, decoder, this::prefetch, recover, warnings).messages();
    }

    /**
     * The messages of {@link #messages(long, long, Set)}, in log-time order, through one reused
     * {@link MessageView}. The arrays of finished chunks are reused, so the view's bytes are valid
     * only until the next {@link MessageViews#advance()}.
     */
    public MessageViews indexedMessages(long startNs, long endNs, @Nullable Set<String> topics) {
        return new IndexedMessages(file, decoder, index(), startNs, endNs, topics == null ? null : Set.copyOf(topics), true, worker());
    }

    /** {@link #indexedMessages(long, long, Set)} over every message of every channel. */
    public MessageViews indexedMessages() {
        return indexedMessages(0, -1L >>> 1, null);
    }

    /** Every message in log-time order (file order among equal times), read through the index. */
    public Iterator<McapRecord.Message> messages() {
        return messages(0, -1L >>> 1, null);
    }

    /**
     * The messages with {@code startNs ≤ log_time ≤ endNs} in log-time order, read through the
     * summary's chunk and message indexes, or through an index rebuilt by scanning the file when
     * it has none. A Message's data stays valid after {@code next()}.
     */
    public Iterator<McapRecord.Message> messages(long startNs, long endNs) {
        return messages(startNs, endNs, null);
    }

    /** As {@link #messages(long, long)}, only on the channels whose topic is in {@code topics} (all when null). */
    public Iterator<McapRecord.Message> messages(long startNs, long endNs, @Nullable Set<String> topics) {
        return indexed(startNs, endNs, topics).records();
    }

    /** A merge whose messages' bytes stay valid, for {@link #messages(long, long, Set)} and {@link McapSource}. */
    IndexedMessages indexed(long startNs, long endNs, @Nullable Set<String> topics) {
        return new IndexedMessages(file, decoder, index(), startNs, endNs, topics == null ? null : Set.copyOf(topics), false, worker());
    }

    /** The schemas by id: the summary's, or those met so far when the file has none. */
    public Map<Integer, McapRecord.Schema> schemas() {
        return Collections.unmodifiableMap(index().schemas);
    }

    /** The channels by id: the summary's, or those met so far when the file has none. */
    public Map<Integer, McapRecord.Channel> channels() {
        return Collections.unmodifiableMap(index().channels);
    }

    /** The Statistics record of the summary, if any. */
    public Optional<McapRecord.Statistics> statistics() {
        return index().statistics();
    }

    /** Whether the index came from the file's summary (true) or was rebuilt by a scan (false). */
    public boolean indexed() {
        return index().fromSummary;
    }

    /** Where the attachments are, from the summary or a scan. */
    public List<McapRecord.AttachmentIndex> attachments() {
        return Collections.unmodifiableList(index().attachments);
    }

    /** Read one attachment and check its CRC. */
    public McapRecord.Attachment attachment(McapRecord.AttachmentIndex where) {
        return (McapRecord.Attachment) recordAt(where.offset(), where.length(), Opcode.ATTACHMENT);
    }

    /** Where the metadata records are, from the summary or a scan. */
    public List<McapRecord.MetadataIndex> metadataIndexes() {
        return Collections.unmodifiableList(index().metadata);
    }

    public McapRecord.Metadata metadata(McapRecord.MetadataIndex where) {
        return (McapRecord.Metadata) recordAt(where.offset(), where.length(), Opcode.METADATA);
    }

    private McapRecord recordAt(long offset, long length, int opcode) {
        if (offset < McapFile.MAGIC.length || length < 9 || length > file.size() - offset || length > ChunkDecoder.MAX_UNCOMPRESSED) {
            throw file.error(offset, opcode, "the index points at %d bytes at %d, beyond the end of the %d-byte file"
                    .formatted(length, offset, file.size()));
        }
        ByteBuffer record = file.copy(offset, (int) length);
        int found = record.get(0) & 0xFF;
        if (found != opcode || record.getLong(1) != length - 9) {
            throw file.error(offset, "the index points here for a %s record of %d bytes, but this is a %s record of %s bytes"
                    .formatted(Opcode.name(opcode), length, Opcode.name(found), Long.toUnsignedString(record.getLong(1) + 9)));
        }
        try {
            return RecordParser.parse(opcode, record.slice(9, (int) length - 9)).orElseThrow();
        } catch (RecordException e) {
            throw file.error(offset, opcode, e.getMessage());
        }
    }

    /** Per topic, the messages the statistics record counts (its channels' counts summed); empty without the record. */
    public Optional<Map<String, Long>> statedMessageCounts() {
        return statistics().map(stats -> {
            Map<String, Long> stated = new java.util.LinkedHashMap<>();
            channels().values().forEach(c -> stated.merge(c.topic(), stats.channelMessageCounts().getOrDefault(c.id(), 0L), Long::sum));
            return stated;
        });
    }

    /**
     * Every message's log time, per channel, from the file's message indexes alone: no chunk is
     * read or decompressed. Empty when the file has no summary or a chunk has no message indexes
     * (then only a scan can tell), or when an index cannot be read.
     */
    public Optional<Map<Integer, long[]>> indexedLogTimes() {
        McapIndex i = index();
        if (!i.fromSummary || !warnings.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, org.hcert.telemetry.mcap.LongList> times = new java.util.HashMap<>();
        for (McapIndex.Slot slot : i.slots) {
            if (!slot.chunk() || slot.messageIndexOffsets().isEmpty()) {
                return Optional.empty();
            }
            long from = slot.messageIndexOffsets().values().stream().mapToLong(Long::longValue).min().orElseThrow();
            if (slot.messageIndexLength() <= 0 || slot.messageIndexLength() > Integer.MAX_VALUE
                    || from + slot.messageIndexLength() > file.size()) {
                return Optional.empty();
            }
            ByteBuffer region = file.copy(from, (int) slot.messageIndexLength()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (region.remaining() >= 9) {
                int opcode = region.get() & 0xFF;
                long length = region.getLong();
                if (length < 0 || length > region.remaining()) {
                    return Optional.empty();
                }
                int end = region.position() + (int) length;
                if (opcode == Opcode.MESSAGE_INDEX && length >= 6) {
                    int channel = region.getShort() & 0xFFFF;
                    long bytes = region.getInt() & 0xFFFF_FFFFL;
                    if (bytes % 16 != 0 || region.position() + bytes > end) {
                        return Optional.empty();
                    }
                    LongList list = times.computeIfAbsent(channel, k -> new LongList());
                    for (long k = 0; k < bytes / 16; k++) {
                        list.add(region.getLong());
                        region.getLong(); // the offset in the chunk
                    }
                }
                region.position(end);
            }
        }
        Map<Integer, long[]> out = new java.util.HashMap<>();
        times.forEach((channel, list) -> out.put(channel, list.toArray()));
        return Optional.of(out);
    }

    /** A new prefetch worker for a stream, closed with the reader if the stream has not closed it. */
    private ChunkPrefetch prefetch() {
        ChunkPrefetch p = new ChunkPrefetch(file);
        prefetches.add(p);
        return p;
    }

    /** A new look-ahead worker for an indexed merge, closed with the reader. */
    private ChunkWorker worker() {
        ChunkWorker w = new ChunkWorker();
        workers.add(w);
        return w;
    }

    McapIndex index() {
        McapIndex i = index;
        if (i == null) {
            i = IndexLoader.load(file, decoder, recover, warnings);
            index = i;
        }
        return i;
    }

    /** What a recovering reader skipped, each naming the file and byte offset; empty for a sound file. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Whether a recovering reader stopped early or read without a usable summary. */
    public boolean recovered() {
        return !warnings.isEmpty();
    }

    /** The file being read. */
    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        prefetches.forEach(ChunkPrefetch::close);
        prefetches.clear();
        workers.forEach(ChunkWorker::close);
        workers.clear();
        decoder.close();
        file.close();
    }
}
