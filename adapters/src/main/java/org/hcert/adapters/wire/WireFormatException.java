package org.hcert.adapters.wire;

/** A frame is malformed: bad COBS, too short, unknown version or type, or a payload that is not a CBOR map. */
public class WireFormatException extends RuntimeException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The problem, never null: every WireFormatException is made with one. */
    @Override
    public String getMessage() {
        return java.util.Objects.requireNonNullElse(super.getMessage(), "malformed frame");
    }
}
