package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;

/**
 * What the ROS 1 and the CDR serializations read alike: fixed-size numbers, uint32 element counts
 * and uint32 string lengths. Subclasses say how a value is aligned ({@link #need}) and read the
 * primitives that differ (strings, time types).
 */
abstract class ByteWireReader implements WireReader {

    /** The message; its position is the next byte to read. */
    final ByteBuffer buf;

    private final String sequenceNoun;

    /**
     * @param buf the message with its byte order set, positioned at the first value
     * @param sequenceNoun what the serialization calls a variable-length list ("array", "sequence")
     */
    ByteWireReader(ByteBuffer buf, String sequenceNoun) {
        this.buf = buf;
        this.sequenceNoun = sequenceNoun;
    }

    @Override
    public final int position() {
        return buf.position();
    }

    @Override
    public final int remaining() {
        return buf.remaining();
    }

    @Override
    public final JsonNode primitive(Primitive type, int stringBound) {
        if (type.isFixedNumber()) {
            ByteBuffer aligned = need(type.size());
            return JsonValues.fixedNumber(type, aligned, aligned.position());
        }
        return variablePrimitive(type, stringBound);
    }

    /** Read a primitive that is not a fixed-size number: a string, or a time type. */
    abstract JsonNode variablePrimitive(Primitive type, int stringBound);

    @Override
    public final int sequenceLength() {
        long count = Integer.toUnsignedLong(need(4).getInt());
        if (count > Integer.MAX_VALUE) {
            throw new DecodeFailure(buf.position() - 4, "%s length %d exceeds the %d bytes left"
                    .formatted(sequenceNoun, count, buf.remaining()));
        }
        return (int) count;
    }

    /**
     * Read the uint32 byte count that precedes a string and check that that many bytes are left.
     *
     * @param start where the count begins, for the message
     */
    final int stringLength(int start) {
        long length = Integer.toUnsignedLong(buf.getInt());
        if (length > buf.remaining()) {
            throw new DecodeFailure(start, "string length %d exceeds the %d bytes left".formatted(length, buf.remaining()));
        }
        return (int) length;
    }

    /**
     * Move past any padding before a value of {@code size} bytes and check that the value is there.
     *
     * @return the buffer, positioned at the value
     */
    abstract ByteBuffer need(int size);
}
