package org.hcert.telemetry.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Assemble one message body from the values of its non-empty cells, each at its column path, in
 * any column order. Arrays must be filled from index 0 without gaps; {@link #build} names the cell
 * after a gap.
 */
final class BodyBuilder {

    /** Where a value came from, for errors: the cell's column (1-based) and column name. */
    record Source(int column, String name) {}

    /** A path is used twice in incompatible ways, or an array has a gap. */
    static final class ShapeException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int column;

        ShapeException(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }

        int column() {
            return column;
        }

        @Override
        public String getMessage() {
            return java.util.Objects.requireNonNull(super.getMessage());
        }
    }

    private final Node root = new Node();

    /** Put {@code value} at {@code path}. */
    void put(ColumnPath path, JsonNode value, Source source) {
        Node node = root;
        for (Object segment : path.segments()) {
            node = node.child(segment, path, source);
        }
        if (node.value != null || node.hasChildren()) {
            throw new ShapeException(source.column(), "column \"%s\" gives a second value for the same field".formatted(path.text()));
        }
        node.value = value;
        node.source = source;
    }

    /** The body; {@code {}} when no cell had a value. */
    ObjectNode build() {
        return (ObjectNode) root.json("");
    }

    private static final class Node {
        final Map<String, Node> fields = new LinkedHashMap<>();
        final TreeMap<Integer, Node> items = new TreeMap<>();
        @Nullable JsonNode value;
        @Nullable Source source;

        boolean hasChildren() {
            return !fields.isEmpty() || !items.isEmpty();
        }

        Node child(Object segment, ColumnPath path, Source source) {
            boolean index = segment instanceof Integer;
            if (value != null || (index ? !fields.isEmpty() : !items.isEmpty())) {
                throw new ShapeException(source.column(), "column \"%s\" does not fit the other columns of this row"
                        .formatted(path.text()));
            }
            if (this.source == null) {
                this.source = source;
            }
            return index ? items.computeIfAbsent((Integer) segment, k -> new Node())
                    : fields.computeIfAbsent((String) segment, k -> new Node());
        }

        JsonNode json(String path) {
            if (value != null) {
                return value;
            }
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (!items.isEmpty()) {
                ArrayNode array = f.arrayNode(items.size());
                int expected = 0;
                for (Map.Entry<Integer, Node> e : items.entrySet()) {
                    if (e.getKey() != expected) {
                        Source s = Objects.requireNonNull(e.getValue().firstSource());
                        throw new ShapeException(s.column(), "column \"%s\" has a value but %s[%d] is empty; arrays are filled from index 0"
                                .formatted(s.name(), path, expected));
                    }
                    array.add(e.getValue().json(path + "[" + expected + "]"));
                    expected++;
                }
                return array;
            }
            ObjectNode object = f.objectNode();
            fields.forEach((name, child) -> object.set(name, child.json(path.isEmpty() ? name : path + "." + name)));
            return object;
        }

        @Nullable Source firstSource() {
            return source;
        }
    }
}
