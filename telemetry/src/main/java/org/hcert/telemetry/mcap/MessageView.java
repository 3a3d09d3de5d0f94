package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;

/**
 * The Message record a {@link McapMessages} cursor stands on: its header fields, and its data as
 * a range of the reader's buffer. One view serves every message of a pass; each call to {@link
 * McapMessages#advance()} overwrites its fields, and may overwrite or recycle the bytes that
 * {@link #buffer()} shows, so copy what must outlive the current message ({@link #toRecord()}
 * copies nothing; {@link #copyData()} does).
 *
 * <p>Times are nanoseconds; {@code sequence} is the record's uint32 field.
 */
public final class MessageView {

    /** The bytes of a Message record before its data: channel_id, sequence, log_time, publish_time. */
    static final int HEADER_BYTES = 2 + 4 + 8 + 8;

    private static final String[] FIELDS = {"channel_id", "sequence", "log_time", "publish_time"};
    private static final int[] FIELD_BYTES = {2, 4, 8, 8};
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private ByteBuffer buffer = EMPTY;
    private int dataOffset;
    private int dataLength;
    private int channelId;
    private long sequence;
    private long logTime;
    private long publishTime;

    MessageView() {}

    /**
     * Stand on the Message record whose content is the {@code length} bytes at {@code at} of
     * {@code records} (a little-endian buffer that the view may hand out as {@link #buffer()}).
     *
     * @throws RecordException when the content is shorter than the fields before the data, with
     *     the message {@link FieldReader} gives for the first field that does not fit
     */
    void set(ByteBuffer records, int at, int length) {
        if (length < HEADER_BYTES) {
            throw tooShort(length);
        }
        buffer = records;
        channelId = records.getShort(at) & 0xFFFF;
        sequence = records.getInt(at + 2) & 0xFFFF_FFFFL;
        logTime = records.getLong(at + 6);
        publishTime = records.getLong(at + 14);
        dataOffset = at + HEADER_BYTES;
        dataLength = length - HEADER_BYTES;
    }

    private static RecordException tooShort(int length) {
        int left = length;
        int k = 0;
        while (left >= FIELD_BYTES[k]) {
            left -= FIELD_BYTES[k++];
        }
        return new RecordException("field %s needs %d bytes but only %d are left in the record"
                .formatted(FIELDS[k], FIELD_BYTES[k], left));
    }

    /** The channel_id field. */
    public int channelId() {
        return channelId;
    }

    /** The sequence field, an unsigned 32-bit number. */
    public long sequence() {
        return sequence;
    }

    /** The log_time field, in nanoseconds. */
    public long logTime() {
        return logTime;
    }

    /** The publish_time field, in nanoseconds. */
    public long publishTime() {
        return publishTime;
    }

    /**
     * The read-only, little-endian buffer that holds the data at {@link #dataOffset()} for {@link
     * #dataLength()} bytes, with other records around it. Read it with absolute gets: its position
     * and limit mean nothing, and it may be the same object for the next message.
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Where the data starts in {@link #buffer()}. */
    public int dataOffset() {
        return dataOffset;
    }

    /** The number of bytes of data. */
    public int dataLength() {
        return dataLength;
    }

    /**
     * A new read-only view of the data alone, sharing the bytes of {@link #buffer()}; its byte
     * order is {@link ByteBuffer}'s default (big-endian), as for every {@link McapRecord} buffer.
     */
    public ByteBuffer data() {
        return buffer.slice(dataOffset, dataLength);
    }

    /** A copy of the data that stays valid after the cursor moves on. */
    public byte[] copyData() {
        byte[] copy = new byte[dataLength];
        buffer.get(dataOffset, copy);
        return copy;
    }

    /** This message as a record whose data is {@link #data()}: a view, valid as long as the buffer's bytes are. */
    public McapRecord.Message toRecord() {
        return new McapRecord.Message(channelId, sequence, logTime, publishTime, data());
    }
}
