package org.hcert.telemetry;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageCursor} built from one method, {@link #readNext()}, that returns the next message
 * or {@code null} at the end; this class keeps the one message of look-ahead that
 * {@link #hasNext()} needs.
 */
public abstract class LookaheadCursor implements MessageCursor {

    private final String source;
    private @Nullable Message next;
    private boolean done;

    /** @param source names the recording in the message of {@link NoSuchElementException} */
    protected LookaheadCursor(String source) {
        this.source = Objects.requireNonNull(source, "source must not be null");
    }

    /** Read the next message, or return {@code null} when there is none. */
    protected abstract @Nullable Message readNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = readNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more messages in " + source);
        }
        Message m = Objects.requireNonNull(next);
        next = null;
        return m;
    }
}
