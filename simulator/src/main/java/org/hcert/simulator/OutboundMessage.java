package org.hcert.simulator;

import java.util.Objects;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.ndjson.NdjsonWriter;

/**
 * One telemetry message leaving the simulator. {@code corrupt} asks the transport to damage its
 * bytes on the wire (fault {@code corrupted-frames}); the message itself is intact.
 */
public record OutboundMessage(Message message, boolean corrupt) {

    public OutboundMessage {
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * The message as one hcert NDJSON line, {@code {"t","topic","type","msg"}}, without a line feed,
     * exactly as {@link NdjsonWriter} writes it.
     */
    public String ndjsonLine() {
        return NdjsonWriter.line(message);
    }
}
