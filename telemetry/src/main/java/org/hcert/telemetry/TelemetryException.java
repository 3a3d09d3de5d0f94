package org.hcert.telemetry;

import java.util.Objects;

/** Telemetry could not be read; the message names the source and what went wrong. */
public class TelemetryException extends RuntimeException {

    public TelemetryException(String message) {
        super(message);
    }

    public TelemetryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message, never null: every TelemetryException is made with one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNullElse(super.getMessage(), getClass().getSimpleName());
    }
}
