package org.hcert.telemetry.ros;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Read plain CDR (XCDR1) by absolute index, for {@link CdrSampleDecoder}. It accepts exactly the
 * bodies {@link CdrReader} accepts and rejects the rest with {@link #REJECTED}, a shared exception
 * without message or stack trace: the caller then decodes the body the reference way, which says
 * what is wrong. Not thread-safe; one cursor serves one body at a time.
 */
final class CdrCursor {

    /** The body is not what the fast path accepts; decode it with {@link RosBodyDecoders} instead. */
    @SuppressWarnings("StaticAssignmentOfThrowable") // a stackless, immutable signal, thrown per rejected body without allocating
    static final RuntimeException REJECTED = new RuntimeException("rejected by the fast CDR path", null, false, false) {};

    private static final int HEADER = 4;

    private ByteBuffer buf = ByteBuffer.allocate(0);
    private int base;
    private int pos;
    private int end;

    /** Start reading {@code body} (position to limit), checking its encapsulation header. */
    void reset(ByteBuffer body) {
        reset(body, body.position(), body.limit());
    }

    /**
     * Start reading the body at {@code start} (inclusive) to {@code end} (exclusive) of {@code buffer},
     * which may hold other bytes around it: every read is checked against {@code end}. The buffer is
     * read as it is when its byte order is the body's (no view made per body), else through a view.
     */
    void reset(ByteBuffer buffer, int start, int end) {
        this.end = end;
        if (end - start < HEADER || buffer.get(start) != 0 || (buffer.get(start + 1) & 0xfe) != 0) {
            throw REJECTED;
        }
        ByteOrder order = buffer.get(start + 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        buf = buffer.order() == order ? buffer : buffer.duplicate().order(order);
        base = start + HEADER;
        pos = base;
    }

    /** Check that at most 3 padding bytes follow the last field. */
    void finish() {
        if (end - pos > 3) {
            throw REJECTED;
        }
    }

    int position() {
        return pos;
    }

    /** The offset from the first byte after the header modulo 8, on which alignment depends. */
    int phase() {
        return (pos - base) & 7;
    }

    int remaining() {
        return end - pos;
    }

    /** Align to {@code size} (1, 2, 4 or 8) and check that {@code size} bytes follow; return their index. */
    int need(int size) {
        return skip(size, 1);
    }

    /**
     * Skip {@code count} values of {@code size} bytes (1, 2, 4 or 8), aligned as the first of them;
     * return the first one's index (the position, for none).
     */
    int skip(int size, int count) {
        if (count == 0) {
            return pos;
        }
        int at = pos + ((base - pos) & (size - 1));
        if (at + (long) size * count > end) {
            throw REJECTED;
        }
        pos = at + size * count;
        return at;
    }

    /** The float64 at {@code at}, an index {@link #skip} returned for values of 8 bytes. */
    double float64At(int at) {
        return buf.getDouble(at);
    }

    /** Read {@code into.length} float64 values, aligned as the first of them. */
    void float64s(double[] into) {
        int at = skip(8, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = buf.getDouble(at + 8 * i);
        }
    }

    boolean bool() {
        byte b = buf.get(need(1));
        if (b != 0 && b != 1) {
            throw REJECTED;
        }
        return b == 1;
    }

    /** Read a sequence count and check it against {@code bound} (or -1) and the bytes left for {@code minSize} each. */
    int count(int bound, int minSize) {
        long count = Integer.toUnsignedLong(buf.getInt(need(4)));
        if (count > Integer.MAX_VALUE || (bound >= 0 && count > bound)) {
            throw REJECTED;
        }
        checkFits((int) count, minSize);
        return (int) count;
    }

    /** Check that {@code count} elements of at least {@code minSize} bytes can fit in the bytes left. */
    void checkFits(int count, int minSize) {
        if (minSize > 0 && count > remaining() / minSize) {
            throw REJECTED;
        }
    }

    /** Read one number of a fixed-size primitive other than bool, as JSON would give it as a double. */
    double number(Primitive type) {
        switch (type) {
            case INT8:
                return buf.get(need(1));
            case UINT8:
                return buf.get(need(1)) & 0xff;
            case INT16:
                return buf.getShort(need(2));
            case UINT16:
                return buf.getShort(need(2)) & 0xffff;
            case INT32:
                return buf.getInt(need(4));
            case UINT32:
                return Integer.toUnsignedLong(buf.getInt(need(4)));
            case INT64:
                return buf.getLong(need(8));
            case UINT64:
                long bits = buf.getLong(need(8));
                return bits >= 0 ? bits : new BigInteger(Long.toUnsignedString(bits)).doubleValue();
            case FLOAT32:
                return buf.getFloat(need(4));
            case FLOAT64:
                return buf.getDouble(need(8));
            default:
                throw new IllegalArgumentException(type + " is not a number");
        }
    }

    /** Read a string (length with NUL, then the bytes); {@code bound} is its maximum length or -1. */
    String string(int bound) {
        int length = stringLength(bound);
        if (length == 0) {
            return "";
        }
        return new String(bytes(pos - length, length - 1), StandardCharsets.UTF_8);
    }

    /** Skip a string, checking it as {@link #string} does. */
    void skipString(int bound) {
        stringLength(bound);
    }

    /**
     * Check and skip a string as {@link #string} does, and give its length with the terminating NUL
     * (0 for an empty string): its text is the {@code length - 1} bytes from {@code position() - length}.
     */
    int stringLength(int bound) {
        long length = Integer.toUnsignedLong(buf.getInt(need(4)));
        if (length > remaining()) {
            throw REJECTED;
        }
        if (length == 0) {
            return 0;
        }
        int text = (int) length - 1;
        if ((bound >= 0 && text > bound) || buf.get(pos + text) != 0) {
            throw REJECTED;
        }
        pos += (int) length;
        return (int) length;
    }

    /** Skip a wstring: a character count, then 4-byte code points. */
    void skipWstring(int bound) {
        long count = Integer.toUnsignedLong(buf.getInt(need(4)));
        if (count * 4 > remaining() || (bound >= 0 && count > bound)) {
            throw REJECTED;
        }
        for (int i = 0; i < count; i++) {
            if (!Character.isValidCodePoint(buf.getInt(need(4)))) {
                throw REJECTED;
            }
        }
    }

    /**
     * Whether the {@code length} bytes at {@code at} (within the body: the caller checked) are those
     * of {@code bytes}: how a repeated string or list of strings is recognised without decoding it.
     */
    boolean sameBytes(int at, byte[] bytes, int length) {
        return bytes.length == length && buf.slice(at, length).mismatch(ByteBuffer.wrap(bytes)) == -1;
    }

    byte[] bytes(int at, int length) {
        byte[] out = new byte[length];
        buf.get(at, out);
        return out;
    }
}
