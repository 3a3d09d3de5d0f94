package org.hcert.telemetry;

/** Telemetry could not be read; the message names the source and what went wrong. */
public class TelemetryException extends RuntimeException {

    public TelemetryException(String message) {
        super(message);
    }

    public TelemetryException(String message, Throwable cause) {
        super(message, cause);
    }
}
