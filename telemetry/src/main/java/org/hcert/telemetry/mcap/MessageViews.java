package org.hcert.telemetry.mcap;

/**
 * A pass over the messages of a file through one reused {@link MessageView}, allocating nothing
 * per message: {@code while (messages.advance()) { MessageView m = messages.view(); … }}. It checks
 * exactly what the record iterators of {@link McapReader} check and fails with the same messages;
 * it is what they are built on. Not thread-safe.
 */
public interface MessageViews {

    /**
     * Move to the next message and return true, or return false when there is none. The view's
     * fields and the bytes it shows are overwritten: what the previous message showed is no
     * longer valid.
     *
     * @throws org.hcert.telemetry.TelemetryFormatException when a strict reader meets a problem
     */
    boolean advance();

    /** The view of the current message: the same object for the whole pass, meaningful after {@link #advance()} returned true. */
    MessageView view();
}
