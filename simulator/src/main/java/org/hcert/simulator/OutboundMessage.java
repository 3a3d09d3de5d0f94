package org.hcert.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.hcert.telemetry.Message;

/**
 * One telemetry message leaving the simulator. {@code corrupt} asks the transport to damage its
 * bytes on the wire (fault {@code corrupted-frames}); the message itself is intact.
 */
public record OutboundMessage(Message message, boolean corrupt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public OutboundMessage {
        Objects.requireNonNull(message, "message must not be null");
    }

    /** The message as one hcert NDJSON line, {@code {"t","topic","type","msg"}}, without a line feed. */
    public String ndjsonLine() {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("t", message.logTimeNs());
        line.put("topic", message.topic());
        line.put("type", message.type());
        line.set("msg", message.body());
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write message from " + message.origin(), e);
        }
    }
}
