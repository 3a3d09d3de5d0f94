package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Messages with {@code start ≤ log_time ≤ end} in log-time order (file order among equal times),
 * merged across slots. A slot is loaded only once the merge reaches its start time, so memory
 * holds the slots that overlap in time, not the file. A chunk's message indexes are used when the
 * index lists them: a chunk with no wanted message is then never decompressed.
 */
final class IndexedMessages implements Iterator<McapRecord.Message> {

    private static final Comparator<Loaded> ORDER = Comparator.<Loaded>comparingLong(Loaded::time)
            .thenComparingInt(l -> l.slot.rank())
            .thenComparingInt(Loaded::offset);

    private final McapFile file;
    private final McapIndex index;
    private final long start;
    private final long end;
    private final @Nullable Set<String> topics;
    private final List<McapIndex.Slot> pending;
    private final PriorityQueue<Loaded> heap = new PriorityQueue<>(ORDER);
    private int nextSlot;
    private McapRecord.@Nullable Message next;
    private McapIndex.@Nullable Slot lastSlot;
    private int lastOffset;

    IndexedMessages(McapFile file, McapIndex index, long start, long end, @Nullable Set<String> topics) {
        this.file = file;
        this.index = index;
        this.start = start;
        this.end = end;
        this.topics = topics;
        this.pending = index.slots.stream()
                .filter(s -> s.endTime() >= start && s.startTime() <= end)
                .sorted(Comparator.comparingLong(McapIndex.Slot::startTime).thenComparingInt(McapIndex.Slot::rank))
                .toList();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public McapRecord.Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more messages in " + file.path());
        }
        McapRecord.Message m = Objects.requireNonNull(next);
        next = null;
        return m;
    }

    /** The file and offset of the message returned last, {@code file@offset}: its chunk's offset if it is in one. */
    String lastWhere() {
        McapIndex.Slot s = Objects.requireNonNull(lastSlot, "no message returned yet");
        return file.where(s.chunk() ? s.offset() : s.offset() + lastOffset);
    }

    /** Name the record of the message returned last, for error messages. */
    String lastRecord() {
        McapIndex.Slot s = Objects.requireNonNull(lastSlot, "no message returned yet");
        return s.chunk() ? "Chunk record: Message record at +%d of the uncompressed records".formatted(lastOffset) : "Message record";
    }

    private McapRecord.@Nullable Message advance() {
        while (true) {
            Loaded top = heap.peek();
            if (nextSlot < pending.size() && (top == null || pending.get(nextSlot).startTime() <= top.time())) {
                load(pending.get(nextSlot++));
                continue;
            }
            if (top == null) {
                return null;
            }
            heap.poll();
            McapRecord.Message m = top.message();
            lastSlot = top.slot;
            lastOffset = top.offset();
            if (++top.i < top.count) {
                heap.add(top);
            }
            return m;
        }
    }

    private boolean wanted(int channelId) {
        if (topics == null) {
            return true;
        }
        McapRecord.Channel c = index.channels.get(channelId);
        return c != null && topics.contains(c.topic());
    }

    private void load(McapIndex.Slot slot) {
        Loaded loaded = new Loaded(slot);
        if (slot.chunk() && !slot.messageIndexOffsets().isEmpty()) {
            fromMessageIndexes(slot, loaded);
            if (loaded.count == 0) {
                return;
            }
            loaded.records = chunkRecords(slot);
        } else {
            loaded.records = slot.chunk() ? chunkRecords(slot) : file.copy(slot.offset(), (int) slot.length());
            scan(slot, loaded);
        }
        if (loaded.count > 0) {
            loaded.sort();
            heap.add(loaded);
        }
    }

    private void fromMessageIndexes(McapIndex.Slot slot, Loaded loaded) {
        for (Map.Entry<Integer, Long> e : slot.messageIndexOffsets().entrySet()) {
            if (!wanted(e.getKey())) {
                continue;
            }
            long at = e.getValue();
            McapRecord.MessageIndex mi = messageIndex(slot, at);
            for (McapRecord.MessageIndexEntry entry : mi.records()) {
                if (entry.offset() < 0 || entry.offset() > Integer.MAX_VALUE) {
                    throw file.error(at, Opcode.MESSAGE_INDEX, "offset %s lies outside the chunk at %d"
                            .formatted(Long.toUnsignedString(entry.offset()), slot.offset()));
                }
                if (entry.logTime() >= start && entry.logTime() <= end) {
                    loaded.add(entry.logTime(), (int) entry.offset(), at);
                }
            }
        }
    }

    private McapRecord.MessageIndex messageIndex(McapIndex.Slot slot, long at) {
        if (at < 0 || file.size() - at < 9) {
            throw file.error(slot.offset(), Opcode.CHUNK, "message index offset %s lies beyond the end of the file"
                    .formatted(Long.toUnsignedString(at)));
        }
        ByteBuffer h = file.view(at, 9);
        int opcode = h.get(0) & 0xFF;
        long length = h.getLong(1);
        if (opcode != Opcode.MESSAGE_INDEX) {
            throw file.error(at, "the chunk index of the chunk at %d points here for a MessageIndex record, but this is a %s record"
                    .formatted(slot.offset(), Opcode.name(opcode)));
        }
        if (length < 0 || length > file.size() - at - 9) {
            throw file.error(at, opcode, "length %s goes beyond the end of the file; the file is truncated"
                    .formatted(Long.toUnsignedString(length)));
        }
        try {
            return (McapRecord.MessageIndex) RecordParser.parse(opcode, file.view(at + 9, (int) length)).orElseThrow();
        } catch (RecordException e) {
            throw file.error(at, opcode, e.getMessage());
        }
    }

    private ByteBuffer chunkRecords(McapIndex.Slot slot) {
        if (slot.offset() < McapFile.MAGIC.length || slot.length() < 9 || slot.offset() + slot.length() > file.size()
                || slot.length() > ChunkDecoder.MAX_UNCOMPRESSED) {
            throw file.error(slot.offset(), Opcode.CHUNK_INDEX, "the chunk it points at (%d bytes at %d) lies beyond the end of the %d-byte file"
                    .formatted(slot.length(), slot.offset(), file.size()));
        }
        ByteBuffer record = file.copy(slot.offset(), (int) slot.length());
        int opcode = record.get(0) & 0xFF;
        if (opcode != Opcode.CHUNK || record.getLong(1) != slot.length() - 9) {
            throw file.error(slot.offset(), "the chunk index points here for a Chunk record of %d bytes, but this is a %s record of %s bytes"
                    .formatted(slot.length(), Opcode.name(opcode), Long.toUnsignedString(record.getLong(1) + 9)));
        }
        try {
            McapRecord.Chunk chunk = (McapRecord.Chunk) RecordParser.parse(opcode, record.slice(9, record.limit() - 9)).orElseThrow();
            return ChunkDecoder.records(file, slot.offset(), chunk);
        } catch (RecordException e) {
            throw file.error(slot.offset(), opcode, e.getMessage());
        }
    }

    private void scan(McapIndex.Slot slot, Loaded loaded) {
        ChunkRecords.forEach(file, slot.offset(), loaded.records, (opcode, at, content) -> {
            if (opcode == Opcode.MESSAGE && content.remaining() >= 22) {
                int channelId = content.getShort(0) & 0xFFFF;
                long logTime = content.getLong(6);
                if (logTime >= start && logTime <= end && wanted(channelId)) {
                    loaded.add(logTime, at, -1);
                }
            } else if (opcode == Opcode.SCHEMA || opcode == Opcode.CHANNEL) {
                try {
                    McapRecord r = RecordParser.parse(opcode, content).orElseThrow();
                    if (r instanceof McapRecord.Schema s && s.id() != 0) {
                        index.schemas.putIfAbsent(s.id(), s);
                    } else if (r instanceof McapRecord.Channel c) {
                        index.channels.putIfAbsent(c.id(), c);
                    }
                } catch (RecordException e) {
                    throw file.error(slot.offset(), Opcode.CHUNK, "%s record at +%d of the uncompressed records: %s"
                            .formatted(Opcode.name(opcode), at, e.getMessage()));
                }
            }
        });
    }

    /** The wanted messages of one loaded slot, sorted, and the merge's place in them. */
    private final class Loaded {

        final McapIndex.Slot slot;
        ByteBuffer records = ByteBuffer.allocate(0);
        long[] times = new long[16];
        int[] offsets = new int[16];
        long[] indexAt = new long[16];
        int count;
        int i;

        Loaded(McapIndex.Slot slot) {
            this.slot = slot;
        }

        void add(long time, int offset, long messageIndexAt) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
                indexAt = Arrays.copyOf(indexAt, count * 2);
            }
            times[count] = time;
            offsets[count] = offset;
            indexAt[count++] = messageIndexAt;
        }

        long time() {
            return times[i];
        }

        int offset() {
            return offsets[i];
        }

        void sort() {
            boolean sorted = true;
            for (int k = 1; k < count && sorted; k++) {
                sorted = times[k - 1] < times[k] || (times[k - 1] == times[k] && offsets[k - 1] <= offsets[k]);
            }
            if (sorted || sortedByOffset()) {
                return;
            }
            Integer[] order = new Integer[count];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, Comparator.<Integer>comparingLong(k -> times[k]).thenComparingInt(k -> offsets[k]));
            long[] t = new long[count];
            int[] o = new int[count];
            long[] x = new long[count];
            for (int k = 0; k < count; k++) {
                t[k] = times[order[k]];
                o[k] = offsets[order[k]];
                x[k] = indexAt[order[k]];
            }
            times = t;
            offsets = o;
            indexAt = x;
        }

        /**
         * Put the entries in file order (a primitive sort: message indexes list one channel after
         * another) and keep that order if it is also log-time order, as in any file written in
         * time order; otherwise leave the entries for the general sort.
         */
        private boolean sortedByOffset() {
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[k] = ((long) offsets[k] << 32) | k;
            }
            Arrays.sort(keys);
            for (int k = 1; k < count; k++) {
                if (times[(int) keys[k - 1]] > times[(int) keys[k]]) {
                    return false;
                }
            }
            long[] t = new long[count];
            int[] o = new int[count];
            long[] x = new long[count];
            for (int k = 0; k < count; k++) {
                int from = (int) keys[k];
                t[k] = times[from];
                o[k] = offsets[from];
                x[k] = indexAt[from];
            }
            times = t;
            offsets = o;
            indexAt = x;
            return true;
        }

        McapRecord.Message message() {
            int at = offsets[i];
            if (at > records.limit() - 9 || (records.get(at) & 0xFF) != Opcode.MESSAGE) {
                String found = at > records.limit() - 9 ? "lies beyond the %d bytes of records".formatted(records.limit())
                        : "holds a %s record".formatted(Opcode.name(records.get(at) & 0xFF));
                throw file.error(indexAt[i], Opcode.MESSAGE_INDEX, "offset %d in the chunk at %d %s, not a Message record"
                        .formatted(at, slot.offset(), found));
            }
            long length = records.getLong(at + 1);
            if (length < 22 || length > records.limit() - at - 9) {
                throw file.error(slot.offset(), Opcode.CHUNK, "the Message record at +%d has length %s, beyond the records or too short"
                        .formatted(at, Long.toUnsignedString(length)));
            }
            McapRecord.Message m = RecordParser.message(new FieldReader(records.slice(at + 9, (int) length)));
            if (m.logTime() != times[i]) {
                throw file.error(indexAt[i], Opcode.MESSAGE_INDEX, "says log time %d for offset %d in the chunk at %d, but the Message record there has log time %d"
                        .formatted(times[i], at, slot.offset(), m.logTime()));
            }
            return m;
        }
    }
}
