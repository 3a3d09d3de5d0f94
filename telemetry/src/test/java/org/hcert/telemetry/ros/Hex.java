package org.hcert.telemetry.ros;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Bytes written as hex pairs, with spaces and {@code |} allowed between them for readability. */
final class Hex {

    private Hex() {}

    static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex.replaceAll("[\\s|]", "")));
    }
}
