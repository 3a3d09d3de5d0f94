package org.hcert.adapters;

/**
 * Told of everything that passes over a link, on the link's receiving thread (or the sender's,
 * for commands): keep it quick. An exception thrown here fails the link, since evidence would
 * otherwise be lost silently.
 */
public interface LinkListener {

    /** A telemetry message arrived. */
    default void onTelemetry(ReceivedTelemetry telemetry) {}

    /** A command was sent with sequence number {@code seq} at {@code sentNs} (harness clock). */
    default void onCommand(long seq, Command command, long sentNs) {}

    /** The robot answered a command; {@code receivedNs} on the harness clock. */
    default void onReply(CommandReply reply, long receivedNs) {}

    /** A clock exchange completed; the estimate is the current one. */
    default void onClockOffset(ClockOffset estimate) {}

    /**
     * The robot's server sent a status message (a Foxglove server's {@code status} op), or the link
     * notes a change the operator should see, e.g. a channel the server stopped advertising.
     *
     * @param level {@code INFO}, {@code WARNING} or {@code ERROR}
     */
    default void onStatus(String level, String message, long receivedNs) {}

    /** The link failed; it stays failed. */
    default void onLost(LinkException problem) {}
}
