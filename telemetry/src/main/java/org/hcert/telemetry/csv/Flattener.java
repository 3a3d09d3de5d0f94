package org.hcert.telemetry.csv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hcert.telemetry.TelemetryException;

/**
 * Flatten a message body into (column path, leaf value) pairs in the body's field order: objects
 * join names with {@code .}, arrays add {@code [i]}, empty arrays and objects are leaves.
 */
final class Flattener {

    private Flattener() {}

    /**
     * @throws TelemetryException when a field name cannot be part of a column name
     */
    static void flatten(JsonNode body, String where, BiConsumer<String, JsonNode> leaf) {
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!ColumnPath.isFieldName(e.getKey())) {
                throw new TelemetryException("%s: field name \"%s\" cannot be a CSV column; names are letters, digits and _"
                        .formatted(where, e.getKey()));
            }
            node(e.getValue(), e.getKey(), where, leaf);
        }
    }

    private static void node(JsonNode value, String path, String where, BiConsumer<String, JsonNode> leaf) {
        if (value.isContainerNode() && value.isEmpty()) {
            leaf.accept(path, value);
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!ColumnPath.isFieldName(e.getKey())) {
                    throw new TelemetryException("%s: field name \"%s\" in %s cannot be a CSV column; names are letters, digits and _"
                            .formatted(where, e.getKey(), path));
                }
                node(e.getValue(), path + "." + e.getKey(), where, leaf);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                node(value.get(i), path + "[" + i + "]", where, leaf);
            }
        } else {
            leaf.accept(path, value);
        }
    }
}
