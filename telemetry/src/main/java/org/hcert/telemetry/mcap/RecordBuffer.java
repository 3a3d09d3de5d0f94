package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A growable little-endian buffer that serializes records: {@link #begin}, fields, {@link #end}. */
final class RecordBuffer {

    private byte[] bytes;
    private ByteBuffer buf;
    private int recordStart = -1;

    RecordBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
        buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    int size() {
        return buf.position();
    }

    byte[] array() {
        return bytes;
    }

    /** The bytes written so far, as a view that the next write may invalidate. */
    ByteBuffer written() {
        return ByteBuffer.wrap(bytes, 0, buf.position());
    }

    void clear() {
        buf.clear();
    }

    /** Start a record: the opcode and a length to be filled in by {@link #end()}. */
    RecordBuffer begin(int opcode) {
        u8(opcode);
        recordStart = buf.position();
        return u64(0);
    }

    /** Finish the record begun last and return its total length, opcode and length prefix included. */
    long end() {
        int contentLength = buf.position() - recordStart - 8;
        buf.putLong(recordStart, contentLength);
        return 1L + 8 + contentLength;
    }

    RecordBuffer u8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    RecordBuffer u16(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    RecordBuffer u32(long v) {
        ensure(4);
        buf.putInt((int) v);
        return this;
    }

    RecordBuffer u64(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    RecordBuffer raw(ByteBuffer src) {
        ensure(src.remaining());
        buf.put(src.duplicate());
        return this;
    }

    RecordBuffer raw(byte[] src) {
        return raw(ByteBuffer.wrap(src));
    }

    RecordBuffer string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).raw(utf8);
    }

    RecordBuffer stringMap(Map<String, String> map) {
        int lengthAt = buf.position();
        u32(0);
        map.forEach((k, v) -> string(k).string(v));
        buf.putInt(lengthAt, buf.position() - lengthAt - 4);
        return this;
    }

    RecordBuffer u16u64Map(Map<Integer, Long> map) {
        u32(map.size() * 10L);
        map.forEach((k, v) -> u16(k).u64(v));
        return this;
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            long needed = (long) buf.position() + n;
            if (needed > ChunkDecoder.MAX_UNCOMPRESSED) {
                throw new IllegalStateException("record buffer would exceed %d bytes".formatted(ChunkDecoder.MAX_UNCOMPRESSED));
            }
            int position = buf.position();
            bytes = Arrays.copyOf(bytes, (int) Math.min(ChunkDecoder.MAX_UNCOMPRESSED, Math.max(needed, 2L * bytes.length)));
            buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(position);
        }
    }
}
