package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Read the ROS 1 serialization: little-endian, no alignment, strings as a uint32 byte count
 * without terminator, {@code time} and {@code duration} as two 32-bit integers.
 *
 * <p>{@code time} and {@code duration} decode to {@code {"sec": s, "nanosec": ns}}, the JSON shape
 * of ROS 2's {@code builtin_interfaces/Time}, so that stamps read the same whatever the recording.
 */
final class Ros1Reader extends ByteWireReader {

    /** Read {@code message}, whose position 0 is its first byte. */
    Ros1Reader(ByteBuffer message) {
        super(message.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0), "array");
    }

    @Override
    JsonNode variablePrimitive(Primitive type, int stringBound) {
        switch (type) {
            case STRING:
                return JsonValues.NODES.textNode(string());
            case TIME:
                return stamp(JsonValues.uint32(need(8).getInt()), JsonValues.uint32(buf.getInt()));
            case DURATION:
                return stamp(JsonValues.NODES.numberNode(need(8).getInt()), JsonValues.NODES.numberNode(buf.getInt()));
            default:
                throw new DecodeFailure(buf.position(), "type %s does not exist in ROS 1".formatted(type.displayName()));
        }
    }

    @Override
    public void emptyMessage() {
        // A ROS 1 message without fields takes no bytes.
    }

    @Override
    public int allowedTrailingBytes() {
        return 0;
    }

    private String string() {
        byte[] bytes = new byte[stringLength(need(4).position())];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ObjectNode stamp(JsonNode sec, JsonNode nanosec) {
        ObjectNode node = JsonValues.NODES.objectNode();
        node.set("sec", sec);
        node.set("nanosec", nanosec);
        return node;
    }

    @Override
    ByteBuffer need(int size) {
        if (size > buf.remaining()) {
            throw new DecodeFailure(buf.position(), "needs %d bytes, only %d left".formatted(size, buf.remaining()));
        }
        return buf;
    }
}
