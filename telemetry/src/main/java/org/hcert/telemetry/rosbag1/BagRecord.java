package org.hcert.telemetry.rosbag1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * One record of a ROS 1 bag: a header of {@code name=value} fields (the value binary) and its data.
 * Every length is little-endian and checked against what is left before it is used.
 *
 * @param op the record's op code (from its {@code op} field)
 * @param fields the header's fields by name
 * @param data the record's data, positioned at its start
 * @param offset where the record starts (in the file, or in the chunk's decompressed bytes)
 */
record BagRecord(int op, Map<String, byte[]> fields, ByteBuffer data, long offset) {

    static final int MESSAGE_DATA = 0x02;
    static final int BAG_HEADER = 0x03;
    static final int INDEX_DATA = 0x04;
    static final int CHUNK = 0x05;
    static final int CHUNK_INFO = 0x06;
    static final int CONNECTION = 0x07;

    /** The longest record header hcert reads: a connection's carries its full message definition. */
    static final int MAX_HEADER_BYTES = 16 << 20;

    /**
     * Parse a record header's fields from {@code header} (its whole remaining bytes).
     *
     * @param where names the record for the message of a malformed header
     */
    static Map<String, byte[]> fields(ByteBuffer header, String where) {
        ByteBuffer b = header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Map<String, byte[]> out = new HashMap<>();
        while (b.hasRemaining()) {
            if (b.remaining() < 4) {
                throw new TelemetryFormatException(where, "a header field's length is cut (%d bytes left)".formatted(b.remaining()));
            }
            int length = b.getInt();
            if (length < 0 || length > b.remaining()) {
                throw new TelemetryFormatException(where, "a header field claims %d bytes, %d are left".formatted(
                        Integer.toUnsignedLong(length), b.remaining()));
            }
            byte[] field = new byte[length];
            b.get(field);
            int eq = indexOf(field, (byte) '=');
            if (eq <= 0) {
                throw new TelemetryFormatException(where, "a header field has no name=value form");
            }
            out.put(new String(field, 0, eq, StandardCharsets.US_ASCII), java.util.Arrays.copyOfRange(field, eq + 1, length));
        }
        return out;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The next record of {@code buf} (decompressed chunk bytes, with bytes left), which is moved past it.
     *
     * @param where names the chunk, for messages
     */
    static BagRecord next(ByteBuffer buf, String where) {
        long at = buf.position();
        String here = where + " (record at byte " + at + " of the chunk)";
        int headerLength = length(buf, "header", here);
        Map<String, byte[]> fields = fields(buf.slice(buf.position(), headerLength), here);
        buf.position(buf.position() + headerLength);
        int dataLength = length(buf, "data", here);
        ByteBuffer data = buf.slice(buf.position(), dataLength).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(buf.position() + dataLength);
        return new BagRecord(op(fields, here), fields, data, at);
    }

    private static int length(ByteBuffer buf, String what, String where) {
        if (buf.remaining() < 4) {
            throw new TelemetryFormatException(where, "the record's %s length is cut".formatted(what));
        }
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new TelemetryFormatException(where, "the record's %s claims %d bytes, %d are left".formatted(what,
                    Integer.toUnsignedLong(n), buf.remaining()));
        }
        return n;
    }

    /** The op code of a header's fields. */
    static int op(Map<String, byte[]> fields, String where) {
        byte[] op = fields.get("op");
        if (op == null || op.length != 1) {
            throw new TelemetryFormatException(where, "the record has no one-byte op field");
        }
        return op[0] & 0xFF;
    }

    /** A 32-bit little-endian field, as an unsigned number. */
    long int32(String name, String where) {
        byte[] v = required(name, 4, where);
        int x = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return x & 0xFFFF_FFFFL;
    }

    /** A 64-bit little-endian field. */
    long int64(String name, String where) {
        return ByteBuffer.wrap(required(name, 8, where)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** A time field (seconds, then nanoseconds, each an unsigned 32-bit integer), in ns since the epoch. */
    long timeNs(String name, String where) {
        ByteBuffer b = ByteBuffer.wrap(required(name, 8, where)).order(ByteOrder.LITTLE_ENDIAN);
        return timeNs(b);
    }

    /** A time read from {@code b}'s next 8 bytes, in ns since the epoch. */
    static long timeNs(ByteBuffer b) {
        long sec = b.getInt() & 0xFFFF_FFFFL;
        long nsec = b.getInt() & 0xFFFF_FFFFL;
        return sec * 1_000_000_000L + nsec;
    }

    /** A text field. */
    String text(String name, String where) {
        byte[] v = fields.get(name);
        if (v == null) {
            throw new TelemetryFormatException(where, "the record has no %s field".formatted(name));
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private byte[] required(String name, int length, String where) {
        byte[] v = fields.get(name);
        if (v == null || v.length != length) {
            throw new TelemetryFormatException(where, v == null ? "the record has no %s field".formatted(name)
                    : "field %s has %d bytes, not %d".formatted(name, v.length, length));
        }
        return v;
    }
}
