package org.hcert.adapters.wire;

import java.io.IOException;

/** A byte pipe to the other side: a TCP socket or a serial port. */
public interface Transport extends AutoCloseable {

    /**
     * Read what has arrived, waiting at most the transport's poll interval (about 20 ms).
     *
     * @return the number of bytes read, 0 when none arrived in time, -1 when the other side closed
     */
    int read(byte[] buffer) throws IOException;

    /** Write all of {@code bytes}. */
    void write(byte[] bytes) throws IOException;

    /** Close the transport; never throws. */
    @Override
    void close();

    /** Name the transport for error messages, e.g. {@code /dev/pts/3}. */
    String describe();
}
