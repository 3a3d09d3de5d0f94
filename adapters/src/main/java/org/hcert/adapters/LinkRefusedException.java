package org.hcert.adapters;

import org.jspecify.annotations.Nullable;

/** The link could not be opened: no connection or port, or the robot refused the hello. */
public final class LinkRefusedException extends LinkException {

    private LinkRefusedException(LinkPosition position, String problem, @Nullable Throwable cause) {
        super(position, problem, cause);
    }

    /** The transport could not be opened. */
    public static LinkRefusedException cannotOpen(LinkPosition position, String detail, @Nullable Throwable cause) {
        return new LinkRefusedException(position, "cannot open the link: " + detail, cause);
    }

    /** The robot answered the hello with a NACK. */
    public static LinkRefusedException refused(LinkPosition position, String reason) {
        return new LinkRefusedException(position, "the robot refused the session: " + reason, null);
    }
}
