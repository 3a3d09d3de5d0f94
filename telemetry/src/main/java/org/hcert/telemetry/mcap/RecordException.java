package org.hcert.telemetry.mcap;

/**
 * A record's content is malformed; the reader that caught it adds the file, offset and record
 * name and rethrows it as a {@link org.hcert.telemetry.TelemetryFormatException}.
 */
final class RecordException extends RuntimeException {

    RecordException(String problem) {
        super(problem, null, false, false);
    }
}
