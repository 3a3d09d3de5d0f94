package org.hcert.telemetry.mcap;

/**
 * A record's content is malformed; the reader that caught it adds the file, offset and record
 * name and rethrows it as a {@link org.hcert.telemetry.TelemetryFormatException}.
 */
final class RecordException extends RuntimeException {

    RecordException(String problem) {
        super(java.util.Objects.requireNonNull(problem, "problem must not be null"), null, false, false);
    }

    /** The problem, never null: every RecordException is made with one. */
    @Override
    public String getMessage() {
        return java.util.Objects.requireNonNull(super.getMessage());
    }
}
