package org.hcert.adapters.wire;

/** A frame is malformed: bad COBS, too short, unknown version or type, or a payload that is not a CBOR map. */
public class WireFormatException extends RuntimeException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
