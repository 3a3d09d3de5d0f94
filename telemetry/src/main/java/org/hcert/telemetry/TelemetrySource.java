package org.hcert.telemetry;

import java.util.List;
import java.util.Set;

/**
 * The seam through which the conformance steps read telemetry, whether recorded or live.
 *
 * <p>Each call to {@link #open()} starts a new pass from the beginning, so a clause can be
 * evaluated in one streaming pass without the whole recording in memory.
 */
public interface TelemetrySource {

    /** Name the source for reports and error messages, e.g. the recording's file name. */
    String describe();

    /**
     * Start a new pass over all messages.
     *
     * @throws TelemetryException if the source cannot be opened
     */
    MessageCursor open();

    /**
     * Start a new pass that needs the messages of {@code topics} only (null: all). A source that
     * can leave other topics' messages undecoded does so; the others may return every message, so
     * the caller still filters.
     *
     * @throws TelemetryException if the source cannot be opened
     */
    default MessageCursor open(@org.jspecify.annotations.Nullable Set<String> topics) {
        return open();
    }

    /**
     * What the last pass had to skip or repair (a cut tail, a bad chunk), each naming the file and
     * place; empty for a sound source. A non-empty list means the evidence is incomplete.
     */
    default List<String> warnings() {
        return List.of();
    }
}
