package org.hcert.telemetry.ros;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Write plain little-endian CDR (XCDR1) as ROS 2 does: the encapsulation header
 * {@code 00 01 00 00}, then each value aligned to its size (8-byte types to 8) relative to the
 * first byte after the header, padding bytes zero. The mirror of {@link CdrReader}.
 */
final class CdrWriter {

    private static final int HEADER = 4;

    private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    CdrWriter() {
        buf.put(new byte[] {0, 1, 0, 0});
    }

    /** The bytes written so far, header included. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf.array(), buf.position());
    }

    void bool(boolean value) {
        need(1).put((byte) (value ? 1 : 0));
    }

    /** Write the low {@code size} bytes (1, 2, 4 or 8) of {@code bits}. */
    void integer(long bits, int size) {
        ByteBuffer b = need(size);
        switch (size) {
            case 1 -> b.put((byte) bits);
            case 2 -> b.putShort((short) bits);
            case 4 -> b.putInt((int) bits);
            default -> b.putLong(bits);
        }
    }

    void float32(float value) {
        need(4).putFloat(value);
    }

    void float64(double value) {
        need(8).putDouble(value);
    }

    /** A uint32 length counting the closing NUL, the UTF-8 bytes, and the NUL. */
    void string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        need(4).putInt(bytes.length + 1);
        ensure(bytes.length + 1);
        buf.put(bytes).put((byte) 0);
    }

    /** A uint32 character count, then one UTF-32 unit per character (Fast-CDR 1, as CdrReader reads it). */
    void wstring(String value) {
        int[] codePoints = value.codePoints().toArray();
        need(4).putInt(codePoints.length);
        for (int c : codePoints) {
            need(4).putInt(c);
        }
    }

    /** A sequence's uint32 element count. */
    void sequenceLength(int count) {
        need(4).putInt(count);
    }

    /** The single uint8 that rosidl gives a message without fields. */
    void emptyMessage() {
        need(1).put((byte) 0);
    }

    private ByteBuffer need(int size) {
        int padding = (size - (buf.position() - HEADER) % size) % size;
        ensure(padding + size);
        for (int i = 0; i < padding; i++) {
            buf.put((byte) 0);
        }
        return buf;
    }

    private void ensure(int bytes) {
        if (buf.remaining() < bytes) {
            int capacity = Math.max(buf.capacity() * 2, buf.position() + bytes);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
