package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/** JSON nodes for decoded primitive values, shared by the wire readers. */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /**
     * Read one bool, integer or float from {@code buf}, which the caller has aligned and checked to
     * hold it, in the buffer's byte order.
     *
     * @param offset the position of the value, for errors
     */
    static JsonNode fixedNumber(Primitive type, ByteBuffer buf, int offset) {
        switch (type) {
            case BOOL:
                return bool(buf.get(), offset);
            case INT8:
                return NODES.numberNode((int) buf.get());
            case UINT8:
                return NODES.numberNode(buf.get() & 0xff);
            case INT16:
                return NODES.numberNode((int) buf.getShort());
            case UINT16:
                return NODES.numberNode(buf.getShort() & 0xffff);
            case INT32:
                return NODES.numberNode(buf.getInt());
            case UINT32:
                return uint32(buf.getInt());
            case INT64:
                return NODES.numberNode(buf.getLong());
            case UINT64:
                return uint64(buf.getLong());
            case FLOAT32:
                return NODES.numberNode(buf.getFloat());
            case FLOAT64:
                return NODES.numberNode(buf.getDouble());
            default:
                throw new IllegalArgumentException(type + " is not a fixed-size number");
        }
    }

    private static JsonNode bool(byte b, int offset) {
        if (b == 0 || b == 1) {
            return NODES.booleanNode(b == 1);
        }
        throw new DecodeFailure(offset, "bool must be 0 or 1, got %d".formatted(b & 0xff));
    }

    static JsonNode uint32(int bits) {
        return NODES.numberNode(Integer.toUnsignedLong(bits));
    }

    /** An unsigned 64-bit value; above {@link Long#MAX_VALUE} it becomes a BigInteger node. */
    static JsonNode uint64(long bits) {
        return bits >= 0 ? NODES.numberNode(bits) : NODES.numberNode(new BigInteger(Long.toUnsignedString(bits)));
    }
}
