package org.hcert.telemetry;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * A forward-only pass over the messages of a source, in log-time order as the source stores them.
 *
 * <p>{@link #next()} throws {@link TelemetryFormatException} when the next record is corrupt;
 * the messages before it remain valid.
 */
public interface MessageCursor extends Iterator<Message>, Closeable {

    /** Release the underlying file or link; never throws. */
    @Override
    void close();

    /** A cursor over messages held in memory, in the list's order; closing it releases nothing. */
    static MessageCursor of(List<Message> messages) {
        Iterator<Message> it = List.copyOf(messages).iterator();
        return new MessageCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Message next() {
                return it.next();
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
