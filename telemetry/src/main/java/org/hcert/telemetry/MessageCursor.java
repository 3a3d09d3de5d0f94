package org.hcert.telemetry;

import java.io.Closeable;
import java.util.Iterator;

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
}
