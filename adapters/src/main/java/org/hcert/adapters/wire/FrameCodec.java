package org.hcert.adapters.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Encode and decode frames: a 16-byte little-endian header (version, type, flags, sequence
 * number, time), the CBOR payload and a CRC-32C of both, COBS-encoded and followed by a zero byte.
 */
public final class FrameCodec {

    /** The protocol version this harness speaks, byte 0 of every frame. */
    public static final int VERSION = 1;

    /** Header bytes before the payload. */
    static final int HEADER = 16;

    /** Bytes of the CRC after the payload. */
    static final int TRAILER = 4;

    /** The largest decoded frame (header, payload and CRC) a receiver must accept, in bytes. */
    public static final int MAX_FRAME = 65_536;

    private FrameCodec() {}

    /** Encode a frame for the wire: COBS bytes and the zero delimiter. */
    public static byte[] encode(Frame frame) {
        byte[] raw = raw(frame);
        byte[] cobs = Cobs.encode(raw);
        byte[] out = new byte[cobs.length + 1];
        System.arraycopy(cobs, 0, out, 0, cobs.length);
        return out;
    }

    /** The decoded bytes of a frame (header, payload, CRC), before COBS. */
    static byte[] raw(Frame frame) {
        byte[] payload = Cbor.write(frame.body());
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length + TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) VERSION).put((byte) frame.type().code()).putShort((short) 0).putInt((int) frame.seq())
                .putLong(frame.timeNs()).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * Decode one frame from its COBS bytes (without the zero delimiter).
     *
     * @throws ChecksumMismatchException when the CRC-32C does not match
     * @throws WireFormatException when the frame is malformed otherwise
     */
    public static Frame decode(byte[] cobs, int length) {
        byte[] raw = Cobs.decode(cobs, length);
        if (raw.length < HEADER + TRAILER) {
            throw new WireFormatException("frame of %d bytes is shorter than header and CRC (%d bytes)"
                    .formatted(raw.length, HEADER + TRAILER));
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int crcAt = raw.length - TRAILER;
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, crcAt);
        long stored = b.getInt(crcAt) & 0xffff_ffffL;
        if (stored != crc.getValue()) {
            throw new ChecksumMismatchException(raw.length, stored, crc.getValue());
        }
        int version = raw[0] & 0xff;
        if (version != VERSION) {
            throw new WireFormatException("frame version %d is not supported; this harness speaks version %d"
                    .formatted(version, VERSION));
        }
        int code = raw[1] & 0xff;
        FrameType type = FrameType.of(code).orElseThrow(() -> new WireFormatException(
                "unknown frame type 0x%02x; version %d defines 0x01 to 0x09".formatted(code, VERSION)));
        long seq = b.getInt(4) & 0xffff_ffffL;
        long time = b.getLong(8);
        return new Frame(type, seq, time, Cbor.read(raw, HEADER, crcAt - HEADER));
    }

    /** Decode one frame from its COBS bytes (without the zero delimiter). */
    public static Frame decode(byte[] cobs) {
        return decode(cobs, cobs.length);
    }
}
