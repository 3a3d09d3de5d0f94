package org.hcert.telemetry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CdrFrameIdTest {

    /** A CDR body with a std_msgs/msg/Header (stamp 7 s 9 ns, {@code frame}) and a trailing double, in {@code order}. */
    private static ByteBuffer body(String frame, ByteOrder order) {
        byte[] text = frame.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + text.length + 1 + 16).order(order);
        b.put((byte) 0).put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).put((byte) 0).put((byte) 0);
        b.putInt(7).putInt(9).putInt(text.length + 1).put(text).put((byte) 0);
        b.position(b.capacity() - 8);
        b.putDouble(1.5);
        b.flip();
        b.limit(b.capacity());
        return b;
    }

    @Test
    void readsTheFrameInEitherByteOrder() {
        assertThat(new CdrFrameId().read(body("odom", ByteOrder.LITTLE_ENDIAN))).isEqualTo("odom");
        assertThat(new CdrFrameId().read(body("base_link", ByteOrder.BIG_ENDIAN))).isEqualTo("base_link");
        assertThat(new CdrFrameId().read(body("", ByteOrder.LITTLE_ENDIAN))).isEmpty();
        assertThat(new CdrFrameId().read(body("kö", ByteOrder.LITTLE_ENDIAN))).isEqualTo("kö");
    }

    @Test
    void leavesTheBodyUntouchedAndReadsFromItsPosition() {
        ByteBuffer b = ByteBuffer.allocate(3 + body("odom", ByteOrder.LITTLE_ENDIAN).remaining());
        b.put(new byte[] {9, 9, 9}).put(body("odom", ByteOrder.LITTLE_ENDIAN)).flip();
        b.position(3);
        assertThat(new CdrFrameId().read(b)).isEqualTo("odom");
        assertThat(b.position()).isEqualTo(3);
    }

    @Test
    void keepsTheLastFrameAndNoticesAChange() {
        CdrFrameId frames = new CdrFrameId();
        String first = frames.read(body("odom", ByteOrder.LITTLE_ENDIAN));
        assertThat(frames.read(body("odom", ByteOrder.LITTLE_ENDIAN))).isSameAs(first);
        assertThat(frames.read(body("odon", ByteOrder.LITTLE_ENDIAN))).isEqualTo("odon");
        assertThat(frames.read(body("odom", ByteOrder.LITTLE_ENDIAN))).isEqualTo("odom");
    }

    @Test
    void aBodyTooShortOrALengthBeyondItsEndHasNoFrame() {
        assertThat(new CdrFrameId().read(ByteBuffer.allocate(15))).isNull();
        ByteBuffer lying = body("odom", ByteOrder.LITTLE_ENDIAN);
        lying.putInt(12, 1_000);
        assertThat(new CdrFrameId().read(lying)).isNull();
        ByteBuffer zero = body("odom", ByteOrder.LITTLE_ENDIAN);
        zero.putInt(12, 0);
        assertThat(new CdrFrameId().read(zero)).isNull();
    }
}
