package org.hcert.adapters.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One frame of the wire protocol, decoded.
 *
 * @param type the kind of frame
 * @param seq the sender's sequence number, 0 to 2^32-1, +1 for every frame it sends
 * @param timeNs when the sender sent the frame, nanoseconds on the sender's clock
 * @param body the payload, a map in the JSON data model (decoded from CBOR)
 */
public record Frame(FrameType type, long seq, long timeNs, ObjectNode body) {

    /** The largest sequence number; the next one is 0. */
    public static final long MAX_SEQ = 0xffff_ffffL;

    public Frame {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(body, "body must not be null");
        if (seq < 0 || seq > MAX_SEQ) {
            throw new IllegalArgumentException("seq must be between 0 and %d, got %d".formatted(MAX_SEQ, seq));
        }
    }

    /** A field of the body, or a missing node. */
    public JsonNode get(String field) {
        return body.path(field);
    }
}
