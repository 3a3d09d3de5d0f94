package org.hcert.adapters;

import org.jspecify.annotations.Nullable;

/**
 * A link to the robot failed. The message names the link URI, the last sequence number received
 * and its time. A failed link stays failed: it never reconnects by itself, and every later call
 * throws the same exception. A step that meets it is INCONCLUSIVE.
 */
public abstract class LinkException extends RuntimeException {

    private final LinkPosition position;

    LinkException(LinkPosition position, String problem, @Nullable Throwable cause) {
        super("%s: %s; %s".formatted(position.uri(), problem, position.describeLast()), cause);
        this.position = position;
    }

    /** Where the link stood when it failed. */
    public LinkPosition position() {
        return position;
    }
}
