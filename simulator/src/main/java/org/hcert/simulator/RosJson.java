package org.hcert.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Vector3;

/** Message bodies in the JSON shape of their ROS 2 {@code .msg} definitions, as RosJsonDecoder reads them. */
final class RosJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RosJson() {}

    static ObjectNode object() {
        return F.objectNode();
    }

    /** std_msgs/Header with the stamp split into sec and nanosec. */
    static ObjectNode header(long tNs, String frameId) {
        ObjectNode stamp = F.objectNode().put("sec", Math.floorDiv(tNs, 1_000_000_000L))
                .put("nanosec", Math.floorMod(tNs, 1_000_000_000L));
        ObjectNode header = F.objectNode();
        header.set("stamp", stamp);
        return header.put("frame_id", frameId);
    }

    static ObjectNode vector(Vector3 v) {
        return F.objectNode().put("x", v.x()).put("y", v.y()).put("z", v.z());
    }

    static ObjectNode quaternion(Quaternion q) {
        return F.objectNode().put("x", q.x()).put("y", q.y()).put("z", q.z()).put("w", q.w());
    }

    static ArrayNode numbers(double[] values) {
        ArrayNode a = F.arrayNode(values.length);
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ObjectNode with(ObjectNode node, String field, JsonNode value) {
        node.set(field, value);
        return node;
    }
}
