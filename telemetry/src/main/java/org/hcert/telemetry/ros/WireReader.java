package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read the values of one serialized message in the order its definition lists them. Every method
 * throws {@link DecodeFailure} when the bytes run out or a value is impossible.
 */
interface WireReader {

    /** The offset of the next byte, counted from the start of the serialized message. */
    int position();

    /** The bytes not read yet. */
    int remaining();

    /**
     * Read one primitive value.
     *
     * @param stringBound the maximum length of a string, or -1
     */
    JsonNode primitive(Primitive type, int stringBound);

    /** Read the element count that precedes a sequence. */
    int sequenceLength();

    /** Consume the bytes a message without fields takes on the wire. */
    void emptyMessage();

    /** How many unread bytes may follow the last field (padding) without making the body malformed. */
    int allowedTrailingBytes();
}
