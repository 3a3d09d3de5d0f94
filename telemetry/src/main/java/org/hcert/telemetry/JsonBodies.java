package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Building message bodies in their JSON shape. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * Put {@code value} at {@code path} (field names, outermost first) in {@code body}, making the
     * objects on the way.
     *
     * @return false, and nothing put, when a field on the way already holds something other than an object
     */
    public static boolean put(ObjectNode body, List<String> path, JsonNode value) {
        ObjectNode at = body;
        for (String name : path.subList(0, path.size() - 1)) {
            JsonNode child = at.get(name);
            if (child == null) {
                at = at.putObject(name);
            } else if (child instanceof ObjectNode o) {
                at = o;
            } else {
                return false;
            }
        }
        at.set(path.get(path.size() - 1), value);
        return true;
    }
}
