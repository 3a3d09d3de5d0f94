package org.hcert.telemetry.ros;

/** A body does not match its definition; {@link MessageWalker} adds the type and field path. */
final class DecodeFailure extends RuntimeException {

    private final int offset;

    /**
     * @param offset the byte, counted from the start of the serialized message, where reading failed
     * @param problem what was expected and what was found
     */
    DecodeFailure(int offset, String problem) {
        super(problem, null, false, false);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
