package org.hcert.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * NDJSON recordings derived line by line from another, to break a metric on purpose (a joint state
 * split over two messages, a joint that stops reporting, a second publisher), and the small edits
 * the adversarial tests make on a line.
 */
final class DerivedRecordings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JOINT_FIELDS = List.of("name", "position", "velocity", "effort");

    private DerivedRecordings() {}

    /** {@code from} with every line passed through {@code edit} (none, one or more lines out), sorted by time, written to {@code to}. */
    static Path write(Path from, Path to, Function<ObjectNode, List<ObjectNode>> edit) {
        try {
            List<ObjectNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(from)) {
                nodes.addAll(edit.apply((ObjectNode) JSON.readTree(line)));
            }
            nodes.sort(Comparator.comparingLong(DerivedRecordings::t));
            List<String> out = new ArrayList<>();
            for (ObjectNode n : nodes) {
                out.add(JSON.writeValueAsString(n));
            }
            return Files.write(to, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether line {@code n} is a message on {@code topic}. */
    static boolean on(ObjectNode n, String topic) {
        return n.get("topic").asText().equals(topic);
    }

    /** The log time of line {@code n}, ns. */
    static long t(ObjectNode n) {
        return n.get("t").asLong();
    }

    /** Joints {@code from} to {@code to} of a joint state, {@code shiftNs} later; fields it lacks stay lacking. */
    static ObjectNode part(ObjectNode n, int from, int to, long shiftNs) {
        ObjectNode copy = n.deepCopy();
        copy.put("t", t(n) + shiftNs);
        ObjectNode msg = (ObjectNode) copy.get("msg");
        for (String field : JOINT_FIELDS) {
            if (msg.has(field) && msg.get(field).size() > 0) {
                ArrayNode all = (ArrayNode) msg.get(field);
                ArrayNode some = JSON.createArrayNode();
                for (int i = from; i < to && i < all.size(); i++) {
                    some.add(all.get(i));
                }
                msg.set(field, some);
            }
        }
        return copy;
    }

    /** The index of {@code joint} in a joint state. */
    static int index(ObjectNode n, String joint) {
        JsonNode names = n.get("msg").get("name");
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(joint)) {
                return i;
            }
        }
        throw new IllegalStateException("no joint " + joint);
    }

    /** Take {@code joint} out of a joint state, from every array that holds it. */
    static void remove(ObjectNode n, String joint) {
        int i = index(n, joint);
        ObjectNode msg = (ObjectNode) n.get("msg");
        for (String field : JOINT_FIELDS) {
            if (msg.has(field) && msg.get(field).size() > i) {
                ((ArrayNode) msg.get(field)).remove(i);
            }
        }
    }
}
