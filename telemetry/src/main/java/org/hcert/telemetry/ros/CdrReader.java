package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Read plain CDR (XCDR1) as ROS 2 writes it: a 4-byte encapsulation header, then each value
 * aligned to its size (8-byte types to 8) relative to the first byte after the header. Strings are
 * a uint32 length that counts the closing NUL; sequences are a uint32 count.
 *
 * <p>{@code wstring} is read as rmw_fastrtps writes it with Fast-CDR 1: a uint32 character count
 * followed by one 4-byte UTF-32 unit per character, without terminator.
 */
final class CdrReader extends ByteWireReader {

    private static final int HEADER = 4;
    private static final String[] REPRESENTATIONS = {
        "CDR_BE", "CDR_LE", "PL_CDR_BE", "PL_CDR_LE", "", "", "CDR2_BE", "CDR2_LE",
        "D_CDR2_BE", "D_CDR2_LE", "PL_CDR2_BE", "PL_CDR2_LE"};

    private CdrReader(ByteBuffer buf) {
        super(buf, "sequence");
    }

    /**
     * Check the encapsulation header of {@code message} (position 0 is its first byte) and return
     * a reader positioned after it.
     *
     * @throws DecodeFailure when the header is missing or names an encoding other than plain CDR
     */
    static CdrReader open(ByteBuffer message) {
        if (message.remaining() < HEADER) {
            throw new DecodeFailure(0, "a CDR message starts with a 4-byte encapsulation header, but the body has %d bytes"
                    .formatted(message.remaining()));
        }
        int kind = message.get(0) & 0xff;
        int representation = message.get(1) & 0xff;
        if (kind != 0 || representation >= REPRESENTATIONS.length || REPRESENTATIONS[representation].isEmpty()) {
            throw new DecodeFailure(0, "unknown CDR encapsulation 0x%02x 0x%02x; ROS 2 writes 0x00 0x01 (CDR_LE) or 0x00 0x00 (CDR_BE)"
                    .formatted(kind, representation));
        }
        if (representation > 1) {
            String kindName = representation < 4 ? "parameter-list CDR" : "XCDR2";
            throw new DecodeFailure(0, "%s (%s) is not supported; hcert reads plain CDR (XCDR1) as ROS 2 writes it"
                    .formatted(kindName, REPRESENTATIONS[representation]));
        }
        ByteBuffer body = message.duplicate().order(representation == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        body.position(HEADER);
        return new CdrReader(body);
    }

    @Override
    JsonNode variablePrimitive(Primitive type, int stringBound) {
        switch (type) {
            case STRING:
                return JsonValues.NODES.textNode(string(stringBound));
            case WSTRING:
                return JsonValues.NODES.textNode(wstring(stringBound));
            default:
                throw new DecodeFailure(buf.position(), "type %s does not exist in ROS 2".formatted(type.displayName()));
        }
    }

    @Override
    public void emptyMessage() {
        // rosidl gives a message without fields one uint8 member, structure_needs_at_least_one_member.
        need(1).get();
    }

    @Override
    public int allowedTrailingBytes() {
        // Some DDS implementations pad the serialized payload to a multiple of 4.
        return 3;
    }

    private String string(int bound) {
        int start = need(4).position();
        int length = stringLength(start);
        if (length == 0) {
            return "";
        }
        int textLength = length - 1;
        if (bound >= 0 && textLength > bound) {
            throw new DecodeFailure(start, "string of %d bytes exceeds its bound <=%d".formatted(textLength, bound));
        }
        if (buf.get(buf.position() + textLength) != 0) {
            throw new DecodeFailure(start, "string of length %d does not end in NUL".formatted(length));
        }
        byte[] bytes = new byte[textLength];
        buf.get(bytes);
        buf.get();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String wstring(int bound) {
        int start = need(4).position();
        long count = Integer.toUnsignedLong(buf.getInt());
        if (count * 4 > buf.remaining()) {
            throw new DecodeFailure(start, "wstring of %d characters exceeds the %d bytes left".formatted(count, buf.remaining()));
        }
        if (bound >= 0 && count > bound) {
            throw new DecodeFailure(start, "wstring of %d characters exceeds its bound <=%d".formatted(count, bound));
        }
        StringBuilder sb = new StringBuilder((int) count);
        for (int i = 0; i < count; i++) {
            int codePoint = buf.getInt();
            if (!Character.isValidCodePoint(codePoint)) {
                throw new DecodeFailure(buf.position() - 4, "wstring character 0x%x is not a Unicode code point".formatted(codePoint));
            }
            sb.appendCodePoint(codePoint);
        }
        return sb.toString();
    }

    /** Skip the padding before a value of {@code size} bytes (aligned to its size after the header). */
    @Override
    ByteBuffer need(int size) {
        int padding = (size - (buf.position() - HEADER) % size) % size;
        if (padding + size > buf.remaining()) {
            throw new DecodeFailure(buf.position() + Math.min(padding, buf.remaining()),
                    "needs %d bytes, only %d left".formatted(size, Math.max(0, buf.remaining() - padding)));
        }
        buf.position(buf.position() + padding);
        return buf;
    }
}
