package org.hcert.telemetry.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.ros.BundledDefinitions;

/** Turn the cells of one data row into a {@link Message}, checking time order and cell types. */
final class CsvRows {

    private final String file;
    private final CsvHeader header;
    private final Map<String, List<Optional<String>>> columnTypes = new HashMap<>();
    private long lastTimeNs = Long.MIN_VALUE;

    CsvRows(String file, CsvHeader header) {
        this.file = file;
        this.header = header;
    }

    Message message(List<CsvCells.Cell> cells) {
        if (cells.size() > header.width()) {
            throw error(cells.get(header.width()), "the row has %d cells but the header only %d columns"
                    .formatted(cells.size(), header.width()));
        }
        if (cells.size() < 3) {
            throw error(cells.get(cells.size() - 1), "expected at least the cells t_ns, topic and type");
        }
        long tNs = time(cells.get(0));
        String topic = text(cells.get(1), "topic");
        String type = text(cells.get(2), "type");
        boolean bundled = BundledDefinitions.schema(type).isPresent();
        List<Optional<String>> rosTypes = columnTypes.computeIfAbsent(type, this::rosTypes);
        BodyBuilder body = new BodyBuilder();
        for (int i = 3; i < cells.size(); i++) {
            CsvCells.Cell cell = cells.get(i);
            ColumnPath path = header.paths().get(i - 3);
            value(cell, path, type, bundled, rosTypes.get(i - 3)).ifPresent(v -> put(body, path, v, cell));
        }
        try {
            return new Message(tNs, topic, type, body.build(), file + ":" + cells.get(0).line());
        } catch (BodyBuilder.ShapeException e) {
            throw new TelemetryFormatException("%s:%d:%d".formatted(file, cells.get(0).line(), e.column()), e.getMessage());
        }
    }

    private void put(BodyBuilder body, ColumnPath path, JsonNode value, CsvCells.Cell cell) {
        try {
            body.put(path, value, new BodyBuilder.Source(cell.column(), path.text()));
        } catch (BodyBuilder.ShapeException e) {
            throw error(cell, e.getMessage());
        }
    }

    /** The ROS type of each column's field in {@code type}, empty where it has none. */
    private List<Optional<String>> rosTypes(String type) {
        return header.paths().stream().map(p -> BundledDefinitions.primitiveAt(type, p.fieldNames())).toList();
    }

    private Optional<JsonNode> value(CsvCells.Cell cell, ColumnPath path, String type, boolean bundled,
            Optional<String> columnType) {
        String text = cell.text();
        if (!cell.quoted() && (text.isEmpty() || text.equals("[]") || text.equals("{}"))) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return text.isEmpty() ? Optional.empty() : Optional.of(text.equals("[]") ? f.arrayNode() : f.objectNode());
        }
        Optional<String> rosType = Optional.empty();
        if (bundled) {
            rosType = columnType;
            if (rosType.isEmpty()) {
                throw error(cell, "column \"%s\" is not a field of %s".formatted(path.text(), type));
            }
            if (!rosType.get().endsWith("string") && text.isBlank()) {
                return Optional.empty();
            }
        }
        Optional<String> expected = rosType;
        return Optional.of(CellValues.parse(text, cell.quoted(), rosType).orElseThrow(() -> error(cell,
                "column \"%s\": expected %s, got \"%s\"".formatted(path.text(), expected.map(CellValues::expected).orElse("a value"), text))));
    }

    private long time(CsvCells.Cell cell) {
        long t;
        try {
            t = Long.parseLong(cell.text().strip());
        } catch (NumberFormatException e) {
            throw error(cell, "t_ns must be an integer (nanoseconds since the Unix epoch), got \"%s\"".formatted(cell.text()));
        }
        if (t < lastTimeNs) {
            throw error(cell, "t_ns goes back in time: %d ns after %d ns (the format requires non-decreasing t_ns)"
                    .formatted(t, lastTimeNs));
        }
        lastTimeNs = t;
        return t;
    }

    private String text(CsvCells.Cell cell, String column) {
        if (cell.text().isBlank()) {
            throw error(cell, "%s must not be empty".formatted(column));
        }
        return cell.text().strip();
    }

    private TelemetryFormatException error(CsvCells.Cell cell, String problem) {
        return new TelemetryFormatException("%s:%d:%d".formatted(file, cell.line(), cell.column()), problem);
    }
}
