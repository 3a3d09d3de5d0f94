package org.hcert.bench;

import java.io.Closeable;
import org.hcert.telemetry.Sample;

/** Where generated samples go: an MCAP or NDJSON file. Samples arrive in log-time order. */
interface Sink extends Closeable {

    void write(Sample sample);

    /** Finish the file (summary, footer); reports I/O problems unchecked. */
    @Override
    void close();
}
