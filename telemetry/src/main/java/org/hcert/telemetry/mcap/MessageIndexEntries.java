package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.RandomAccess;
import org.hcert.telemetry.mcap.McapRecord.MessageIndexEntry;

/**
 * The entries of a MessageIndex record held as pairs of longs, one array for the whole record
 * rather than one object per message; an unmodifiable list.
 */
final class MessageIndexEntries extends AbstractList<MessageIndexEntry> implements RandomAccess {

    private final long[] pairs;

    /**
     * Check that the {@code records} field of a MessageIndex record holds whole 16-byte entries,
     * and return it little-endian from position 0 for reading in place.
     *
     * @throws RecordException when an entry is cut, naming its field as {@link FieldReader} does
     */
    static ByteBuffer checked(ByteBuffer records) {
        FieldReader r = new FieldReader(records);
        int whole = r.remaining() / 16 * 16;
        if (whole != r.remaining()) {
            r.skip(whole);
            r.u64("records log_time");
            r.u64("records offset");
        }
        return records.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copy the entries of a {@link #checked} {@code records} field. */
    static MessageIndexEntries copyOf(ByteBuffer entries) {
        long[] pairs = new long[entries.remaining() / 8];
        for (int k = 0; k < pairs.length; k++) {
            pairs[k] = entries.getLong(8 * k);
        }
        return new MessageIndexEntries(pairs);
    }

    private MessageIndexEntries(long[] pairs) {
        this.pairs = pairs;
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public MessageIndexEntry get(int index) {
        return new MessageIndexEntry(logTime(index), offset(index));
    }

    /** The log time of entry {@code index}, without making an entry object. */
    long logTime(int index) {
        return pairs[2 * index];
    }

    /** The offset (in the uncompressed chunk) of entry {@code index}, without making an entry object. */
    long offset(int index) {
        return pairs[2 * index + 1];
    }
}
