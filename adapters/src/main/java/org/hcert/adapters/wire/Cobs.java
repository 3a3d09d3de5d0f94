package org.hcert.adapters.wire;

import java.util.Arrays;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): encode bytes so that the result
 * contains no zero, at a cost of at most one byte per 254.
 */
final class Cobs {

    private Cobs() {}

    /** Encode {@code data}; the result has no zero byte and no delimiter. */
    static byte[] encode(byte[] data) {
        byte[] out = new byte[data.length + data.length / 254 + 2];
        int codeAt = 0;
        int o = 1;
        int code = 1;
        for (byte b : data) {
            if (b == 0) {
                out[codeAt] = (byte) code;
                codeAt = o++;
                code = 1;
            } else {
                out[o++] = b;
                if (++code == 0xff) {
                    out[codeAt] = (byte) code;
                    codeAt = o++;
                    code = 1;
                }
            }
        }
        out[codeAt] = (byte) code;
        return Arrays.copyOf(out, o);
    }

    /**
     * Decode one COBS block (without its delimiter).
     *
     * @throws WireFormatException when a code byte is zero or points past the end
     */
    static byte[] decode(byte[] encoded, int length) {
        byte[] out = new byte[length];
        int o = 0;
        int i = 0;
        while (i < length) {
            int code = encoded[i] & 0xff;
            if (code == 0) {
                throw new WireFormatException("COBS: zero byte at %d inside a frame".formatted(i));
            }
            if (i + code > length) {
                throw new WireFormatException("COBS: code byte %d at %d points past the end of the %d-byte frame"
                        .formatted(code, i, length));
            }
            System.arraycopy(encoded, i + 1, out, o, code - 1);
            o += code - 1;
            i += code;
            if (code < 0xff && i < length) {
                out[o++] = 0;
            }
        }
        return Arrays.copyOf(out, o);
    }
}
