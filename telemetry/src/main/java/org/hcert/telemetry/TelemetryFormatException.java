package org.hcert.telemetry;

/**
 * A recording is corrupt at a known place: the message starts with {@code file:line} or
 * {@code file@offset} and says what was expected there.
 */
public class TelemetryFormatException extends TelemetryException {

    private final String location;

    public TelemetryFormatException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    public TelemetryFormatException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
    }

    /** The place of the problem, {@code file:line} for text formats, {@code file@offset} for binary ones. */
    public String location() {
        return location;
    }
}
