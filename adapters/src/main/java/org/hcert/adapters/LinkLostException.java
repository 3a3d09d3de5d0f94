package org.hcert.adapters;

import org.jspecify.annotations.Nullable;

/** Frames were lost or corrupted, the connection dropped, or the robot broke the protocol. */
public final class LinkLostException extends LinkException {

    private static final String CLOSED = "; the link is closed, reconnect explicitly";

    private LinkLostException(LinkPosition position, String problem, @Nullable Throwable cause) {
        super(position, problem + CLOSED, cause);
    }

    /** A frame arrived with a higher sequence number than expected: frames in between were lost. */
    public static LinkLostException gap(LinkPosition position, long expected, long received, String after) {
        long lost = (received - expected) & 0xffff_ffffL;
        return new LinkLostException(position, "sequence gap: expected %d, received %d (%d frame%s lost%s)"
                .formatted(expected, received, lost, lost == 1 ? "" : "s", after), null);
    }

    /** A frame arrived with a lower sequence number than expected: a duplicate or a reordering. */
    public static LinkLostException outOfOrder(LinkPosition position, long expected, long received) {
        return new LinkLostException(position, "sequence error: expected %d, received %d (a duplicate or reordered frame)"
                .formatted(expected, received), null);
    }

    /** {@code count} corrupt frames in a row; {@code last} describes the last one. */
    public static LinkLostException corrupt(LinkPosition position, int count, String last) {
        return new LinkLostException(position, "%d corrupt frames in a row (last: %s)".formatted(count, last), null);
    }

    /** The connection or port closed or failed. */
    public static LinkLostException disconnected(LinkPosition position, String how, @Nullable Throwable cause) {
        return new LinkLostException(position, how, cause);
    }

    /** The robot sent something the protocol does not allow. */
    public static LinkLostException protocol(LinkPosition position, String violation) {
        return new LinkLostException(position, "protocol violation: " + violation, null);
    }

    /** The robot ended the session. */
    public static LinkLostException bye(LinkPosition position, String reason) {
        return new LinkLostException(position, "the robot ended the session: " + (reason.isEmpty() ? "no reason given" : reason), null);
    }

    /** A consumer of received frames (recorder, cursor) failed or fell behind, so evidence was lost. */
    public static LinkLostException consumerFailed(LinkPosition position, String consumer, Throwable cause) {
        return new LinkLostException(position, "%s failed: %s".formatted(consumer, cause.getMessage()), cause);
    }
}
