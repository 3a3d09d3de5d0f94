package org.hcert.telemetry;

/**
 * The seam through which the conformance steps read telemetry, whether recorded or live.
 *
 * <p>Each call to {@link #open()} starts a new pass from the beginning, so a clause can be
 * evaluated in one streaming pass without the whole recording in memory.
 */
public interface TelemetrySource {

    /** Name the source for reports and error messages, e.g. the recording's file name. */
    String describe();

    /**
     * Start a new pass over all messages.
     *
     * @throws TelemetryException if the source cannot be opened
     */
    MessageCursor open();
}
