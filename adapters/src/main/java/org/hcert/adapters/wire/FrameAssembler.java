package org.hcert.adapters.wire;

import java.util.Arrays;

/**
 * Split a byte stream at zero delimiters and decode each frame. Empty frames (repeated zeros) are
 * skipped; a frame longer than the limit is discarded up to the next zero and reported as corrupt.
 * Not thread-safe.
 */
public final class FrameAssembler {

    /** Receives what the stream carries. */
    public interface Sink {

        /** A valid frame. */
        void frame(Frame frame);

        /** A frame that could not be decoded; the stream goes on after it. */
        void corrupt(WireFormatException problem);
    }

    private final Sink sink;
    private final int maxEncoded;
    private byte[] buf = new byte[512];
    private int size;
    private boolean overflow;

    public FrameAssembler(Sink sink) {
        this(sink, FrameCodec.MAX_FRAME);
    }

    FrameAssembler(Sink sink, int maxFrame) {
        this.sink = sink;
        this.maxEncoded = maxFrame + maxFrame / 254 + 2;
    }

    /** Feed bytes as they arrive. */
    public void feed(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == 0) {
                endOfFrame();
            } else if (size < maxEncoded) {
                if (size == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxEncoded));
                }
                buf[size++] = b;
            } else {
                overflow = true;
            }
        }
    }

    private void endOfFrame() {
        if (overflow) {
            overflow = false;
            size = 0;
            sink.corrupt(new WireFormatException("frame longer than %d bytes; discarded up to the next delimiter"
                    .formatted(maxEncoded)));
            return;
        }
        if (size == 0) {
            return;
        }
        int length = size;
        size = 0;
        Frame frame;
        try {
            frame = FrameCodec.decode(buf, length);
        } catch (WireFormatException e) {
            sink.corrupt(e);
            return;
        }
        sink.frame(frame);
    }
}
