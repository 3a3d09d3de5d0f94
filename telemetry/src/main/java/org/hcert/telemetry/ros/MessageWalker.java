package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Walk a {@link MessageType} and read each field from a {@link WireReader}, building the JSON shape
 * of the message: an object per message with the field names of the definition, an array per
 * array or sequence.
 */
final class MessageWalker {

    /** The most elements accepted for an array of messages that take no bytes (ROS 1 only). */
    static final int MAX_EMPTY_ELEMENTS = 1 << 16;

    private final WireReader in;
    private final Map<MessageType, Integer> minSizes;
    private final FieldPath path = new FieldPath();

    /**
     * @param minSizes the fewest bytes each message type takes on this wire, by identity
     */
    MessageWalker(WireReader in, Map<MessageType, Integer> minSizes) {
        this.in = in;
        this.minSizes = minSizes;
    }

    /** The field being read when a {@link DecodeFailure} escaped, e.g. {@code poses[2].position.x}. */
    FieldPath path() {
        return path;
    }

    ObjectNode message(MessageType type) {
        ObjectNode node = JsonValues.NODES.objectNode();
        if (type.fields().isEmpty()) {
            in.emptyMessage();
            return node;
        }
        for (MessageType.Field field : type.fields()) {
            path.push(field.name());
            node.set(field.name(), field(field.type()));
            path.pop();
        }
        return node;
    }

    private JsonNode field(FieldType type) {
        switch (type.arity()) {
            case SINGLE:
                return element(type);
            case FIXED:
                return elements(type, checkedCount(type, type.length(), in.position()));
            case BOUNDED:
                int bounded = in.sequenceLength();
                if (bounded > type.length()) {
                    throw new DecodeFailure(in.position() - 4, "sequence length %d exceeds its bound <=%d"
                            .formatted(bounded, type.length()));
                }
                return elements(type, checkedCount(type, bounded, in.position() - 4));
            default:
                int count = in.sequenceLength();
                return elements(type, checkedCount(type, count, in.position() - 4));
        }
    }

    private JsonNode element(FieldType type) {
        if (type.element() instanceof Primitive p) {
            return in.primitive(p, type.stringBound());
        }
        return message((MessageType) type.element());
    }

    private ArrayNode elements(FieldType type, int count) {
        ArrayNode array = JsonValues.NODES.arrayNode(count);
        for (int i = 0; i < count; i++) {
            path.index(i);
            array.add(element(type));
        }
        return array;
    }

    /** Refuse counts that the bytes left cannot hold, before allocating anything for them. */
    private int checkedCount(FieldType type, int count, int offset) {
        int min = type.element() instanceof Primitive p ? p.size() : minSizes.get((MessageType) type.element());
        boolean fits = min == 0 ? count <= MAX_EMPTY_ELEMENTS : count <= in.remaining() / min;
        if (!fits) {
            throw new DecodeFailure(offset, "%d elements of %s need at least %d bytes, only %d left"
                    .formatted(count, type.element().displayName(), (long) count * min, in.remaining()));
        }
        return count;
    }
}
