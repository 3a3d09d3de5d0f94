package org.hcert.adapters.wire;

/** A frame's CRC-32C does not match its bytes: it was corrupted on the way. */
public final class ChecksumMismatchException extends WireFormatException {

    ChecksumMismatchException(int frameLength, long stored, long computed) {
        super("frame of %d bytes: CRC-32C is 0x%08x but the bytes hash to 0x%08x; the frame is corrupt"
                .formatted(frameLength, stored, computed));
    }
}
