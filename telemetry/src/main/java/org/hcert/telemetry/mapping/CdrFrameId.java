package org.hcert.telemetry.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The {@code header.frame_id} of ROS 2 CDR bodies that begin with a {@code std_msgs/msg/Header},
 * read without decoding the rest. It keeps the last frame it read, so a channel that keeps its frame
 * (every honest publisher does) costs a byte comparison per message and no allocation.
 *
 * <p>Layout after the 4-byte encapsulation header: {@code int32 sec}, {@code uint32 nanosec}, then
 * the string as a {@code uint32} length counting its terminating NUL, and its bytes; the byte order
 * is the encapsulation's (its second byte odd: little-endian).
 */
final class CdrFrameId {

    private static final int LENGTH_AT = 4 + 8;
    private static final int TEXT_AT = LENGTH_AT + 4;

    private byte[] last = new byte[0];
    private @Nullable String lastText;

    /** The frame of the body from its position to its limit (left untouched), or null when the body is too short for one. */
    @Nullable String read(ByteBuffer body) {
        int p = body.position();
        if (body.limit() - p < TEXT_AT) {
            return null;
        }
        boolean littleEndian = (body.get(p + 1) & 1) == 1;
        int a = body.get(p + LENGTH_AT) & 0xff;
        int b = body.get(p + LENGTH_AT + 1) & 0xff;
        int c = body.get(p + LENGTH_AT + 2) & 0xff;
        int d = body.get(p + LENGTH_AT + 3) & 0xff;
        long withNul = littleEndian ? a | b << 8 | c << 16 | (long) d << 24 : (long) a << 24 | b << 16 | c << 8 | d;
        if (withNul < 1 || withNul - 1 > body.limit() - p - TEXT_AT) {
            return null;
        }
        int n = (int) withNul - 1;
        String known = lastText;
        if (known != null && n == last.length && same(body, p + TEXT_AT, n)) {
            return known;
        }
        byte[] text = new byte[n];
        body.get(p + TEXT_AT, text);
        last = text;
        String decoded = new String(text, StandardCharsets.UTF_8);
        lastText = decoded;
        return decoded;
    }

    private boolean same(ByteBuffer body, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (body.get(at + i) != last[i]) {
                return false;
            }
        }
        return true;
    }
}
