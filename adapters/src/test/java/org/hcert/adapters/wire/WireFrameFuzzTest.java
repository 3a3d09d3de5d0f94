package org.hcert.adapters.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Coverage-guided fuzz tests of what a robot sends over the wire protocol. {@code stream}: any bytes,
 * split into frames at zero delimiters and decoded, as the link reads them; every frame either
 * decodes or is reported corrupt with a {@link WireFormatException}. {@code payload}: the bytes
 * become the payload of a well-formed frame (version, type, sequence number, time and CRC-32C made
 * right by the test), so that the fuzzer reaches the CBOR reader and the telemetry frame's fields
 * behind the checksum. Anything else thrown is a defect; the input is kept in
 * {@code WireFrameFuzzTestInputs/<method>/} and replayed by every later run.
 */
class WireFrameFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void stream(byte[] input) {
        FrameAssembler assembler = new FrameAssembler(new FrameAssembler.Sink() {
            @Override
            public void frame(Frame frame) {
                readAsTelemetry(frame);
            }

            @Override
            public void corrupt(WireFormatException problem) {
                requireReason(problem);
            }
        });
        assembler.feed(input, 0, input.length);
    }

    /** The first byte is the frame type; the rest is its CBOR payload. */
    @FuzzTest(maxDuration = "15s")
    void payload(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int payload = input.length - 1;
        ByteBuffer raw = ByteBuffer.allocate(FrameCodec.HEADER + payload + FrameCodec.TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        raw.put((byte) FrameCodec.VERSION).put(input[0]).putShort((short) 0).putInt(7).putLong(1_000_000_000L).put(input, 1, payload);
        CRC32C crc = new CRC32C();
        crc.update(raw.array(), 0, raw.position());
        raw.putInt((int) crc.getValue());
        byte[] cobs = Cobs.encode(raw.array());
        try {
            readAsTelemetry(FrameCodec.decode(cobs));
        } catch (WireFormatException e) {
            requireReason(e);
        }
    }

    private static void readAsTelemetry(Frame frame) {
        if (frame.type() == FrameType.TELEMETRY) {
            try {
                Payloads.message(frame, frame.timeNs(), "fuzz#" + frame.seq());
            } catch (IllegalArgumentException e) {
                requireReason(e);
            }
        }
    }

    private static void requireReason(RuntimeException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a refusal without a reason", e);
        }
    }
}
