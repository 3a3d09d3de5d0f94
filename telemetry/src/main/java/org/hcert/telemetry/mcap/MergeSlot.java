package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The wanted messages of one loaded slot, sorted, and the merge's place in them. Its arrays are
 * kept for the next slot once the merge has finished with it.
 */
final class MergeSlot {

    private final McapFile file;
    McapIndex.Slot slot;
    /** The slot's records, read-only and little-endian, for the view to hand out. */
    ByteBuffer records = ByteBuffer.allocate(0);
    /** The array behind {@link #records}, for reuse once the merge has finished with the slot. */
    byte @Nullable [] owned;
    /** The number of entries, and the merge's place in them. */
    int count;
    int i;
    private long[] times = new long[256];
    private int[] offsets = new int[256];
    /** For each entry, which MessageIndex record listed it ({@link #indexAt}), or -1 when the slot was scanned. */
    private int[] lists = new int[256];
    private long[] indexAt = new long[8];
    private int indexCount;
    private long[] keys = new long[0];
    private long[] sortedTimes = new long[0];
    private int[] sortedOffsets = new int[0];
    private int[] sortedLists = new int[0];

    MergeSlot(McapFile file, McapIndex.Slot slot) {
        this.file = file;
        this.slot = slot;
    }

    /** Start over for {@code next}, keeping the arrays. */
    MergeSlot reset(McapIndex.Slot next) {
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
