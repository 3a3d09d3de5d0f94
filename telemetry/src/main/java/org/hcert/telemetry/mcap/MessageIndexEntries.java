package org.hcert.telemetry.mcap;

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
     * Read the entries of a MessageIndex record's {@code records} field.
     *
     * @throws RecordException when the field does not hold whole 16-byte entries, naming the field
     *     of the first entry that is cut as {@link FieldReader} does
     */
    static MessageIndexEntries read(FieldReader entries) {
        long[] pairs = new long[entries.remaining() / 16 * 2];
        for (int k = 0; k < pairs.length; k += 2) {
            pairs[k] = entries.u64("records log_time");
            pairs[k + 1] = entries.u64("records offset");
        }
        if (entries.remaining() > 0) {
            entries.u64("records log_time");
            entries.u64("records offset");
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
