package org.hcert.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Write one plain little-endian CDR (XCDR1) message as rmw_fastrtps does: the encapsulation header
 * {@code 00 01 00 00}, then each value aligned to its size (8-byte values to 8) counted from the
 * first byte after the header. Strings are a uint32 length that counts the closing NUL.
 *
 * <p>Only what the bench's fixed message types need. hcert's own CDR encoder (telemetry) was not
 * available on this branch; {@code CdrTest} checks the output against hcert's CDR reader.
 */
final class Cdr {

    private static final int HEADER = 4;

    private byte[] buf = new byte[4096];
    private int size;

    /** Start a new message; the bytes of the previous one are overwritten. */
    Cdr begin() {
        size = 0;
        ensure(HEADER);
        buf[0] = 0;
        buf[1] = 1;
        buf[2] = 0;
        buf[3] = 0;
        size = HEADER;
        return this;
    }

    Cdr bool(boolean v) {
        ensure(1);
        buf[size++] = (byte) (v ? 1 : 0);
        return this;
    }

    Cdr u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    Cdr i32(int v) {
        align(4);
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    Cdr u32(long v) {
        return i32((int) v);
    }

    Cdr f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    Cdr f64(double v) {
        align(8);
        ensure(8);
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    Cdr string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        i32(bytes.length + 1);
        ensure(bytes.length + 1);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        buf[size++] = 0;
        return this;
    }

    /** A {@code float64[]} sequence: count, then the values (aligned to 8 when there is one). */
    Cdr f64Sequence(double[] values, int count) {
        i32(count);
        return f64Array(values, count);
    }

    /** A fixed {@code float64[N]} array: the values only. */
    Cdr f64Array(double[] values, int count) {
        for (int i = 0; i < count; i++) {
            f64(values[i]);
        }
        return this;
    }

    /** A {@code string[]} sequence. */
    Cdr stringSequence(String[] values) {
        i32(values.length);
        for (String v : values) {
            string(v);
        }
        return this;
    }

    /** The ROS 2 {@code builtin_interfaces/Time} of {@code epochNs}, then a frame id: {@code std_msgs/Header}. */
    Cdr header(long epochNs, String frameId) {
        i32((int) Math.floorDiv(epochNs, 1_000_000_000L));
        u32(Math.floorMod(epochNs, 1_000_000_000L));
        return string(frameId);
    }

    Cdr vector3(double x, double y, double z) {
        return f64(x).f64(y).f64(z);
    }

    Cdr quaternion(double x, double y, double z, double w) {
        return f64(x).f64(y).f64(z).f64(w);
    }

    /** The message so far: a view valid until the next write. */
    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void align(int n) {
        int padding = (n - (size - HEADER) % n) % n;
        ensure(padding);
        for (int i = 0; i < padding; i++) {
            buf[size++] = 0;
        }
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
