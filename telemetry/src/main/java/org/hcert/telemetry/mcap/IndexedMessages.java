package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.hcert.telemetry.TelemetryException;
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
    /** The largest message index region of a chunk read at once (a million messages' entries). */
    private static final long MAX_PRELOADED_INDEX = 16L << 20;

    private final McapFile file;
    private final ChunkDecoder decoder;
    private final McapIndex index;
    private final long start;
    private final long end;
    private final @Nullable Set<String> topics;
    private final boolean recycle;
    private final List<McapIndex.Slot> pending;
    private final PriorityQueue<MergeSlot> heap = new PriorityQueue<>(IndexedMessages::compare);
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final ArrayDeque<MergeSlot> spare = new ArrayDeque<>();
    private final MessageView view = new MessageView();
    /** Decodes the next chunk while the merge reads the current ones; none: every chunk is decoded when it is reached. */
    private final @Nullable ChunkWorker worker;
    /** The chunk the worker decodes, and its records (or the error its decoding met). */
    private McapIndex.@Nullable Slot aheadSlot;
    /** The arrays handed to the worker with its chunk, taken and given back on the merge's thread only. */
    private byte @Nullable [] aheadRead;
    private byte @Nullable [] aheadSpare;
    private @Nullable Future<ByteBuffer> ahead;
    private int nextSlot;
    private @Nullable MergeSlot current;
    private McapIndex.@Nullable Slot lastSlot;
    private int lastOffset;

    IndexedMessages(McapFile file, ChunkDecoder decoder, McapIndex index, long start, long end,
            @Nullable Set<String> topics, boolean recycle, @Nullable ChunkWorker worker) {
        this.file = file;
        this.worker = worker;
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
        MergeSlot c = current;
        if (c != null && c.i == c.count) {
            release(c);
            current = null;
        } else if (c != null && !heap.isEmpty() && compare(heap.peek(), c) < 0) {
            heap.add(c);
            current = null;
        }
        while (true) {
            MergeSlot top = current != null ? current : heap.peek();
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
    private static int compare(MergeSlot a, MergeSlot b) {
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
        MergeSlot loaded = spare.isEmpty() ? new MergeSlot(file, slot) : spare.pop().reset(slot);
        if (slot.chunk() && !slot.messageIndexOffsets().isEmpty()) {
            fromMessageIndexes(slot, loaded);
            if (loaded.count == 0) {
                if (slot.equals(aheadSlot)) {
                    discardAhead();
                }
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
        if (slot.chunk()) {
            lookAhead();
        }
    }

    /**
     * Hand the next chunk that holds a wanted channel (or has no message index to tell) to the
     * worker, so that reading and decompressing it overlaps the merge of this one. Its arrays come
     * from the free list like any others; what it finds wrong is thrown when the merge reaches it.
     */
    private void lookAhead() {
        ChunkWorker w = worker;
        if (w == null || ahead != null) {
            return;
        }
        for (int k = nextSlot; k < pending.size(); k++) {
            McapIndex.Slot next = pending.get(k);
            if (!next.chunk()) {
                continue;
            }
            if (next.messageIndexOffsets().isEmpty() || next.messageIndexOffsets().keySet().stream().anyMatch(this::wanted)) {
                if (!fits(next)) {
                    return; // the merge meets it itself, and says what is wrong
                }
                byte[] read = take((int) next.length());
                byte[] spare = recycle && !free.isEmpty() ? free.pop() : null;
                ChunkDecoder.Buffers out = !recycle ? ChunkDecoder.FRESH
                        : size -> spare != null && spare.length >= size ? spare : new byte[ChunkDecoder.reusableCapacity(size)];
                aheadSlot = next;
                aheadRead = read;
                aheadSpare = spare;
                ahead = w.submit(d -> decodeChunk(next, d, read, out));
            }
            return;
        }
    }

    /** Let go of the worker's chunk, not needed after all: its arrays are freed, an error it met is not the merge's. */
    @SuppressWarnings("ByteBufferBackingArray") // the array is recycled, not read
    private void discardAhead() {
        try {
            ByteBuffer unused = awaitAhead();
            if (unused.hasArray()) {
                release(unused.array());
            }
        } catch (RuntimeException e) {
            // the chunk is not read, so what is wrong with it does not concern this merge
        }
    }

    /**
     * The worker's records for the chunk it was given, or its error, thrown as the merge would have
     * met it. The arrays the worker was handed and did not keep for the records go back to the free
     * list here, on the merge's thread, so that which array is reused when does not depend on
     * timing.
     */
    @SuppressWarnings("ByteBufferBackingArray") // the arrays are recycled, not read
    private ByteBuffer awaitAhead() {
        Future<ByteBuffer> f = Objects.requireNonNull(ahead);
        byte[] read = Objects.requireNonNull(aheadRead);
        byte[] spare = aheadSpare;
        ahead = null;
        aheadSlot = null;
        aheadRead = null;
        aheadSpare = null;
        byte[] kept = null;
        try {
            ByteBuffer records = f.get();
            kept = records.array();
            return records;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("interrupted while reading " + file.path(), e);
        } finally {
            if (read != kept) {
                release(read);
            }
            if (spare != null && spare != kept) {
                release(spare);
            }
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

    private void release(MergeSlot loaded) {
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

    private void fromMessageIndexes(McapIndex.Slot slot, MergeSlot loaded) {
        long first = Long.MAX_VALUE;
        for (long at : slot.messageIndexOffsets().values()) {
            first = Math.min(first, at);
        }
        if (slot.messageIndexLength() <= MAX_PRELOADED_INDEX) {
            file.preload(first, (int) slot.messageIndexLength()); // the records after the chunk, in one read
        }
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

    @SuppressWarnings("ByteBufferBackingArray") // the decoder returns whole arrays (offset 0); the array is recycled, not read
    private void chunkRecords(McapIndex.Slot slot, MergeSlot loaded) {
        ByteBuffer records;
        if (slot.equals(aheadSlot)) {
            records = awaitAhead();
        } else {
            checkChunkSlot(slot);
            byte[] read = take((int) slot.length());
            try {
                records = decodeChunk(slot, decoder, read, recycle ? this::take : ChunkDecoder.FRESH);
            } catch (RuntimeException e) {
                release(read);
                throw e;
            }
            if (records.array() != read) {
                release(read);
            }
        }
        loaded.owned = records.array();
        loaded.records = records.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether the chunk index's slot lies inside the file and is no larger than a chunk may be. */
    private boolean fits(McapIndex.Slot slot) {
        return slot.offset() >= McapFile.MAGIC.length && slot.length() >= 9 && slot.offset() + slot.length() <= file.size()
                && slot.length() <= ChunkDecoder.MAX_UNCOMPRESSED;
    }

    private void checkChunkSlot(McapIndex.Slot slot) {
        if (!fits(slot)) {
            throw file.error(slot.offset(), Opcode.CHUNK_INDEX, "the chunk it points at (%d bytes at %d) lies beyond the end of the %d-byte file"
                    .formatted(slot.length(), slot.offset(), file.size()));
        }
    }

    /**
     * Read the Chunk record of {@code slot} (which {@link #fits}: both callers check it before they
     * take an array of its length) into {@code read} and decode it with {@code chunks} into an array
     * from {@code out} (or {@code read} itself, for an uncompressed chunk): its records. It takes and
     * releases no array of the free list, so it may run on the worker.
     */
    private ByteBuffer decodeChunk(McapIndex.Slot slot, ChunkDecoder chunks, byte[] read, ChunkDecoder.Buffers out) {
        ByteBuffer record = file.read(slot.offset(), read, (int) slot.length());
        int opcode = record.get(0) & 0xFF;
        if (opcode != Opcode.CHUNK || record.getLong(1) != slot.length() - 9) {
            throw file.error(slot.offset(), "the chunk index points here for a Chunk record of %d bytes, but this is a %s record of %s bytes"
                    .formatted(slot.length(), Opcode.name(opcode), Long.toUnsignedString(record.getLong(1) + 9)));
        }
        try {
            McapRecord.Chunk chunk = (McapRecord.Chunk) RecordParser.parse(opcode, record.slice(9, record.limit() - 9)).orElseThrow();
            return chunks.records(file, slot.offset(), chunk, out);
        } catch (RecordException e) {
            throw file.error(slot.offset(), opcode, e.getMessage());
        }
    }

    private void scan(McapIndex.Slot slot, MergeSlot loaded) {
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
}
