package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read the little-endian fields of one record's content, checking every length against what is left. */
final class FieldReader {

    private final ByteBuffer buf;

    FieldReader(ByteBuffer content) {
        this.buf = content.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    int remaining() {
        return buf.remaining();
    }

    int position() {
        return buf.position();
    }

    /** Move past {@code n} bytes that the caller has checked are there. */
    void skip(int n) {
        buf.position(buf.position() + n);
    }

    int u8(String field) {
        need(1, field);
        return buf.get() & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        return buf.getShort() & 0xFFFF;
    }

    long u32(String field) {
        need(4, field);
        return buf.getInt() & 0xFFFF_FFFFL;
    }

    long u64(String field) {
        need(8, field);
        return buf.getLong();
    }

    String string(String field) {
        int n = length(u32(field), field);
        byte[] bytes = new byte[n];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A read-only view of a uint32-length-prefixed byte field. */
    ByteBuffer bytes32(String field) {
        return view(length(u32(field), field));
    }

    /** A read-only view of a uint64-length-prefixed byte field. */
    ByteBuffer bytes64(String field) {
        return view(length(u64(field), field));
    }

    /**
     * A view of a uint64-length-prefixed byte field that is read-only only if the content is, so
     * that the reader's own buffers keep their backing array (for CRCs and decompression).
     */
    ByteBuffer shared64(String field) {
        int n = length(u64(field), field);
        ByteBuffer v = buf.slice().limit(n);
        buf.position(buf.position() + n);
        return v;
    }

    Map<String, String> stringMap(String field) {
        FieldReader entries = new FieldReader(view(length(u32(field), field)));
        Map<String, String> map = new LinkedHashMap<>();
        while (entries.remaining() > 0) {
            String key = entries.string(field + " key");
            map.put(key, entries.string(field + " value"));
        }
        return Collections.unmodifiableMap(map);
    }

    Map<Integer, Long> u16u64Map(String field) {
        FieldReader entries = new FieldReader(view(length(u32(field), field)));
        Map<Integer, Long> map = new LinkedHashMap<>();
        while (entries.remaining() > 0) {
            int key = entries.u16(field + " key");
            map.put(key, entries.u64(field + " value"));
        }
        return Collections.unmodifiableMap(map);
    }

    private ByteBuffer view(int n) {
        ByteBuffer v = buf.slice().limit(n).asReadOnlyBuffer();
        buf.position(buf.position() + n);
        return v;
    }

    private int length(long declared, String field) {
        if (declared < 0 || declared > buf.remaining()) {
            throw new RecordException("field %s has length %s, beyond the %d bytes left in the record"
                    .formatted(field, Long.toUnsignedString(declared), buf.remaining()));
        }
        return (int) declared;
    }

    private void need(int n, String field) {
        if (buf.remaining() < n) {
            throw new RecordException("field %s needs %d bytes but only %d are left in the record"
                    .formatted(field, n, buf.remaining()));
        }
    }
}
