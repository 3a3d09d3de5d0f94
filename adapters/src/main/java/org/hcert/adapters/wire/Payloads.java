package org.hcert.adapters.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.adapters.Capabilities;
import org.hcert.telemetry.Message;

/** The payloads of the frame types, to and from their records. */
public final class Payloads {

    private Payloads() {}

    /** The payload of a CAPABILITIES frame. */
    public static ObjectNode capabilities(Capabilities caps) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("protocol", caps.protocol()).put("robot", caps.robot());
        ArrayNode commands = body.putArray("commands");
        caps.commands().forEach(commands::add);
        ArrayNode topics = body.putArray("topics");
        caps.topics().forEach((topic, type) -> topics.addObject().put("topic", topic).put("type", type));
        return body;
    }

    static Capabilities capabilities(Frame f) {
        List<String> commands = new ArrayList<>();
        f.get("commands").forEach(c -> commands.add(c.asText()));
        Map<String, String> topics = new LinkedHashMap<>();
        f.get("topics").forEach(t -> topics.put(t.path("topic").asText(), t.path("type").asText()));
        return new Capabilities(f.get("protocol").asInt(), f.get("robot").asText(""), commands, topics);
    }

    /** The payload of a TELEMETRY frame: the NDJSON line's {@code topic}, {@code type} and {@code msg}. */
    public static ObjectNode telemetry(String topic, String type, JsonNode msg) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("topic", topic).put("type", type);
        body.set("msg", msg);
        return body;
    }

    /**
     * Read a TELEMETRY frame as a message.
     *
     * @throws IllegalArgumentException naming the frame and the missing field
     */
    static Message message(Frame f, long logTimeNs, String origin) {
        JsonNode topic = f.get("topic");
        JsonNode type = f.get("type");
        JsonNode msg = f.get("msg");
        if (!topic.isTextual() || !type.isTextual() || !msg.isObject()) {
            throw new IllegalArgumentException("TELEMETRY frame (seq %d) needs text fields \"topic\" and \"type\" and a map \"msg\""
                    .formatted(f.seq()));
        }
        return new Message(logTimeNs, topic.asText(), type.asText(), msg, origin);
    }
}
