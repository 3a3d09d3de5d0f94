package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
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
 *
 * <p>Messages are put into one reused {@link MessageView}. A recycling merge ({@code recycle})
 * reuses the arrays of slots it has finished with, so a message's bytes are valid only until the
 * next {@link #advance()}; otherwise every slot gets new arrays and a message's bytes stay valid,
 * which {@link #records()} needs.
 */
final class IndexedMessages implements MessageViews {

    /** Finished arrays kept for reuse by a recycling merge: enough for a few overlapping slots. */
    private static final int MAX_FREE = 8;

    private final McapFile file;
    private final ChunkDecoder decoder;
    private final McapIndex index;
    private final long start;
    private final long end;
    private final @Nullable Set<String> topics;
    private final boolean recycle;
    private final List<McapIndex.Slot> pending;
    private final PriorityQueue<Loaded> heap = new PriorityQueue<>(IndexedMessages::compare);
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final ArrayDeque<Loaded> spare = new ArrayDeque<>();
    private final MessageView view = new MessageView();
    private int nextSlot;
    private @Nullable Loaded current;
    private McapIndex.@Nullable Slot lastSlot;
    private int lastOffset;

    IndexedMessages(McapFile file, ChunkDecoder decoder, McapIndex index, long start, long end,
            @Nullable Set<String> topics, boolean recycle) {
        this.file = file;
        this.decoder = decoder;
        this.index = index;
        this.start = start;
        this.end = end;
        this.topics = topics;
        this.recycle = recycle;
        this.pending = index.slots.stream()
                .filter(s -> s.endTime() >= start && s.startTime() <= end)
                .sorted(Comparator.comparingLong(McapIndex.Slot::startTime).thenComparingInt(McapIndex.Slot::rank))
                .toList();
    }

    /** The messages as records whose data stays valid; only for a merge that does not recycle. */
    Iterator<McapRecord.Message> records() {
        if (recycle) {
            throw new IllegalStateException("a recycling merge cannot hand out records that outlive the next message");
        }
        return new Iterator<>() {
            private McapRecord.@Nullable Message next;

            @Override
            public boolean hasNext() {
                if (next == null && advance()) {
                    next = view.toRecord();
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
        };
    }

    @Override
    public MessageView view() {
        return view;
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

    /**
     * Move to the next message. The slot of the previous message stays out of the heap while it
     * still holds the smallest entry, as it does all through a chunk when chunks do not overlap in
     * time, so the heap is touched only where slots interleave.
     */
    @Override
    public boolean advance() {
        Loaded c = current;
        if (c != null && c.i == c.count) {
            release(c);
            current = null;
        } else if (c != null && !heap.isEmpty() && compare(heap.peek(), c) < 0) {
            heap.add(c);
            current = null;
        }
        while (true) {
            Loaded top = current != null ? current : heap.peek();
            if (nextSlot < pending.size() && (top == null || pending.get(nextSlot).startTime() <= top.time())) {
                if (current != null) {
                    heap.add(current);
                    current = null;
                }
                load(pending.get(nextSlot++));
                continue;
            }
            if (top == null) {
                return false;
            }
            if (current == null) {
                current = heap.poll();
            }
            top.message(view);
            lastSlot = top.slot;
            lastOffset = top.offset();
            top.i++;
            return true;
        }
    }

    /** Merge order: log time, then file order (slot rank, then offset in the slot). */
    private static int compare(Loaded a, Loaded b) {
        int c = Long.compare(a.time(), b.time());
        if (c == 0) {
            c = Integer.compare(a.slot.rank(), b.slot.rank());
        }
        return c != 0 ? c : Integer.compare(a.offset(), b.offset());
    }

    private boolean wanted(int channelId) {
        if (topics == null) {
            return true;
        }
        McapRecord.Channel c = index.channels.get(channelId);
        return c != null && topics.contains(c.topic());
    }

    private void load(McapIndex.Slot slot) {
        Loaded loaded = spare.isEmpty() ? new Loaded(slot) : spare.pop().reset(slot);
        if (slot.chunk() && !slot.messageIndexOffsets().isEmpty()) {
            fromMessageIndexes(slot, loaded);
            if (loaded.count == 0) {
                release(loaded);
                return;
            }
            chunkRecords(slot, loaded);
        } else {
            if (slot.chunk()) {
                chunkRecords(slot, loaded);
            } else {
                loaded.owned = take((int) slot.length());
                loaded.records = file.read(slot.offset(), loaded.owned, (int) slot.length()).asReadOnlyBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            scan(slot, loaded);
        }
        if (loaded.count > 0) {
            loaded.sort();
            heap.add(loaded);
        } else {
            release(loaded);
        }
    }

    /** An array of at least {@code size} bytes: a finished one when recycling, otherwise new. */
    private byte[] take(int size) {
        for (Iterator<byte[]> it = free.iterator(); it.hasNext(); ) {
            byte[] b = it.next();
            if (b.length >= size) {
                it.remove();
                return b;
            }
        }
        return new byte[recycle ? ChunkDecoder.reusableCapacity(size) : size];
    }

    private void release(Loaded loaded) {
        byte[] owned = loaded.owned;
        loaded.owned = null;
        loaded.records = ByteBuffer.allocate(0);
        if (owned != null) {
            release(owned);
        }
        if (spare.size() < MAX_FREE) {
            spare.push(loaded);
        }
    }

    private void release(byte[] array) {
        if (recycle && free.size() < MAX_FREE) {
            free.push(array);
        }
    }

    private void fromMessageIndexes(McapIndex.Slot slot, Loaded loaded) {
        for (Map.Entry<Integer, Long> e : slot.messageIndexOffsets().entrySet()) {
            if (!wanted(e.getKey())) {
                continue;
            }
            long at = e.getValue();
            ByteBuffer entries = messageIndexEntries(slot, at);
            int n = entries.limit() / 16;
            loaded.list(at);
            loaded.ensure(loaded.count + n);
            for (int k = 0; k < n; k++) {
                long logTime = entries.getLong(16 * k);
                long offset = entries.getLong(16 * k + 8);
                if (offset < 0 || offset > Integer.MAX_VALUE) {
                    throw file.error(at, Opcode.MESSAGE_INDEX, "offset %s lies outside the chunk at %d"
                            .formatted(Long.toUnsignedString(offset), slot.offset()));
                }
                if (logTime >= start && logTime <= end) {
                    loaded.add(logTime, (int) offset);
                }
            }
        }
    }

    /** The entries of the MessageIndex record at {@code at}, checked, in the file window: valid until the next read. */
    private ByteBuffer messageIndexEntries(McapIndex.Slot slot, long at) {
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
            return RecordParser.messageIndexEntries(file.view(at + 9, (int) length));
        } catch (RecordException e) {
            throw file.error(at, opcode, e.getMessage());
        }
    }

    private void chunkRecords(McapIndex.Slot slot, Loaded loaded) {
        if (slot.offset() < McapFile.MAGIC.length || slot.length() < 9 || slot.offset() + slot.length() > file.size()
                || slot.length() > ChunkDecoder.MAX_UNCOMPRESSED) {
            throw file.error(slot.offset(), Opcode.CHUNK_INDEX, "the chunk it points at (%d bytes at %d) lies beyond the end of the %d-byte file"
                    .formatted(slot.length(), slot.offset(), file.size()));
        }
        byte[] read = take((int) slot.length());
        ByteBuffer record = file.read(slot.offset(), read, (int) slot.length());
        int opcode = record.get(0) & 0xFF;
        if (opcode != Opcode.CHUNK || record.getLong(1) != slot.length() - 9) {
            release(read);
            throw file.error(slot.offset(), "the chunk index points here for a Chunk record of %d bytes, but this is a %s record of %s bytes"
                    .formatted(slot.length(), Opcode.name(opcode), Long.toUnsignedString(record.getLong(1) + 9)));
        }
        ByteBuffer records;
        try {
            McapRecord.Chunk chunk = (McapRecord.Chunk) RecordParser.parse(opcode, record.slice(9, record.limit() - 9)).orElseThrow();
            records = decoder.records(file, slot.offset(), chunk, recycle ? this::take : ChunkDecoder.FRESH);
        } catch (RecordException e) {
            throw file.error(slot.offset(), opcode, e.getMessage());
        }
        loaded.owned = records.array();
        if (records.array() != read) {
            release(read);
        }
        loaded.records = records.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void scan(McapIndex.Slot slot, Loaded loaded) {
        ByteBuffer records = loaded.records;
        ChunkRecords.forEach(file, slot.offset(), records, (opcode, at, length) -> {
            if (opcode == Opcode.MESSAGE && length >= MessageView.HEADER_BYTES) {
                int channelId = records.getShort(at + 9) & 0xFFFF;
                long logTime = records.getLong(at + 9 + 6);
                if (logTime >= start && logTime <= end && wanted(channelId)) {
                    loaded.add(logTime, at);
                }
            } else if (opcode == Opcode.SCHEMA || opcode == Opcode.CHANNEL) {
                try {
                    McapRecord r = RecordParser.parse(opcode, ChunkRecords.content(records, at, length)).orElseThrow();
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

    /**
     * The wanted messages of one loaded slot, sorted, and the merge's place in them. Its arrays are
     * kept for the next slot once the merge has finished with it.
     */
    private final class Loaded {

        McapIndex.Slot slot;
        ByteBuffer records = ByteBuffer.allocate(0);
        byte @Nullable [] owned;
        long[] times = new long[256];
        int[] offsets = new int[256];
        /** For each entry, which MessageIndex record listed it ({@link #indexAt}), or -1 when the slot was scanned. */
        int[] lists = new int[256];
        long[] indexAt = new long[8];
        int indexCount;
        long[] keys = new long[0];
        long[] sortedTimes = new long[0];
        int[] sortedOffsets = new int[0];
        int[] sortedLists = new int[0];
        int count;
        int i;

        Loaded(McapIndex.Slot slot) {
            this.slot = slot;
        }

        /** Start over for {@code next}, keeping the arrays. */
        Loaded reset(McapIndex.Slot next) {
            slot = next;
            count = 0;
            i = 0;
            indexCount = 0;
            return this;
        }

        /** Note the MessageIndex record at {@code at}; the entries added next are from it. */
        void list(long at) {
            if (indexCount == indexAt.length) {
                indexAt = Arrays.copyOf(indexAt, indexCount * 2);
            }
            indexAt[indexCount++] = at;
        }

        void ensure(int n) {
            if (times.length < n) {
                int capacity = Math.max(n, 2 * times.length);
                times = Arrays.copyOf(times, capacity);
                offsets = Arrays.copyOf(offsets, capacity);
                lists = Arrays.copyOf(lists, capacity);
            }
        }

        /** Add an entry from the MessageIndex noted last, or from a scan when none was. */
        void add(long time, int offset) {
            ensure(count + 1);
            times[count] = time;
            offsets[count] = offset;
            lists[count++] = indexCount - 1;
        }

        long time() {
            return times[i];
        }

        int offset() {
            return offsets[i];
        }

        /** The file offset of the MessageIndex record that listed the current entry, for error messages. */
        private long indexAt() {
            return lists[i] < 0 ? -1 : indexAt[lists[i]];
        }

        void sort() {
            boolean sorted = true;
            for (int k = 1; k < count && sorted; k++) {
                sorted = times[k - 1] < times[k] || (times[k - 1] == times[k] && offsets[k - 1] <= offsets[k]);
            }
            if (sorted) {
                return;
            }
            if (keys.length < count) {
                keys = new long[times.length];
                sortedTimes = new long[times.length];
                sortedOffsets = new int[times.length];
                sortedLists = new int[times.length];
            }
            if (!sortedByOffset()) {
                sortByTime();
            }
        }

        /**
         * Put the entries in file order (a primitive sort: message indexes list one channel after
         * another) and keep that order if it is also log-time order, as in any file written in
         * time order; otherwise leave the entries for the general sort.
         */
        private boolean sortedByOffset() {
            for (int k = 0; k < count; k++) {
                keys[k] = ((long) offsets[k] << 32) | k;
            }
            Arrays.sort(keys, 0, count);
            for (int k = 1; k < count; k++) {
                if (times[(int) keys[k - 1]] > times[(int) keys[k]]) {
                    return false;
                }
            }
            permute();
            return true;
        }

        private void sortByTime() {
            Integer[] order = new Integer[count];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, Comparator.<Integer>comparingLong(k -> times[k]).thenComparingInt(k -> offsets[k]));
            for (int k = 0; k < count; k++) {
                keys[k] = order[k];
            }
            permute();
        }

        /** Reorder the entries as the low 32 bits of {@link #keys} say, swapping in the spare arrays. */
        private void permute() {
            for (int k = 0; k < count; k++) {
                int from = (int) keys[k];
                sortedTimes[k] = times[from];
                sortedOffsets[k] = offsets[from];
                sortedLists[k] = lists[from];
            }
            long[] t = times;
            times = sortedTimes;
            sortedTimes = t;
            int[] o = offsets;
            offsets = sortedOffsets;
            sortedOffsets = o;
            int[] l = lists;
            lists = sortedLists;
            sortedLists = l;
        }

        /** Put the message at the merge's place into {@code view}, checking it against the index. */
        void message(MessageView view) {
            int at = offsets[i];
            if (at > records.limit() - 9 || (records.get(at) & 0xFF) != Opcode.MESSAGE) {
                String found = at > records.limit() - 9 ? "lies beyond the %d bytes of records".formatted(records.limit())
                        : "holds a %s record".formatted(Opcode.name(records.get(at) & 0xFF));
                throw file.error(indexAt(), Opcode.MESSAGE_INDEX, "offset %d in the chunk at %d %s, not a Message record"
                        .formatted(at, slot.offset(), found));
            }
            long length = records.getLong(at + 1);
            if (length < MessageView.HEADER_BYTES || length > records.limit() - at - 9) {
                throw file.error(slot.offset(), Opcode.CHUNK, "the Message record at +%d has length %s, beyond the records or too short"
                        .formatted(at, Long.toUnsignedString(length)));
            }
            view.set(records, at + 9, (int) length);
            if (view.logTime() != times[i]) {
                throw file.error(indexAt(), Opcode.MESSAGE_INDEX, "says log time %d for offset %d in the chunk at %d, but the Message record there has log time %d"
                        .formatted(times[i], at, slot.offset(), view.logTime()));
            }
        }
    }
}
