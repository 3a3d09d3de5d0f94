package org.hcert.adapters;

import java.time.Duration;

/** The robot did not answer in time, or sent no frame within the link timeout. */
public final class LinkTimeoutException extends LinkException {

    private LinkTimeoutException(LinkPosition position, String problem) {
        super(position, problem, null);
    }

    /** No frame at all arrived for {@code silentNs}, longer than {@code timeout}. */
    public static LinkTimeoutException stalled(LinkPosition position, long silentNs, Duration timeout) {
        return new LinkTimeoutException(position, "no frame from the robot for %d ms (link timeout %d ms); the link is closed, reconnect explicitly"
                .formatted(silentNs / 1_000_000, timeout.toMillis()));
    }

    /** No answer to {@code what} (e.g. {@code command walk (seq 12)}) within {@code timeout}. */
    /** No answer to {@code what}, and what the robot sent meanwhile ({@code heard}): a robot sending garbage is named for it. */
    public static LinkTimeoutException noAnswer(LinkPosition position, String what, Duration timeout, String heard) {
        return new LinkTimeoutException(position, "no answer to %s within %d ms (%s); the link is closed, reconnect explicitly"
                .formatted(what, timeout.toMillis(), heard));
    }

    public static LinkTimeoutException noAnswer(LinkPosition position, String what, Duration timeout) {
        return new LinkTimeoutException(position, "no answer to %s within %d ms; the link is closed, reconnect explicitly"
                .formatted(what, timeout.toMillis()));
    }
}
