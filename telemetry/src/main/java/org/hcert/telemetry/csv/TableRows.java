package org.hcert.telemetry.csv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TimeBase;

/**
 * The rows of a vendor's CSV table (any header, one row per sample) as messages: each row is one
 * message on the topic {@code /<file stem>} of type {@value #TYPE}, whose body holds one field per
 * non-empty cell, named by its column exactly as the header writes it. A quoted cell is text; an
 * unquoted one is {@code true}/{@code false}, an integer, a number ({@code NaN} and {@code inf}
 * included) or else text. An empty cell is no field: absent, never 0. The row's log time comes from
 * the {@link TimeBase}: a time column in a given unit, non-negative and non-decreasing, or a fixed
 * rate (row i at i/rate).
 */
final class TableRows {

    /** The type of a table row's message. */
    static final String TYPE = "table/msg/Row";

    private final String file;
    private final String topic;
    private final List<String> columns;
    private final TimeBase time;
    private final int timeColumn;
    private long rows;
    private long lastNs = -1;

    TableRows(String file, String topic, List<CsvCells.Cell> header, TimeBase time) {
        this.file = file;
        this.topic = topic;
        this.time = time;
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvCells.Cell c : header) {
            String name = c.text().strip();
            if (name.isEmpty()) {
                throw new TelemetryFormatException("%s:%d:%d".formatted(file, c.line(), c.column()), "a column of the header has no name");
            }
            if (seen.putIfAbsent(name, names.size()) != null) {
                throw new TelemetryFormatException("%s:%d:%d".formatted(file, c.line(), c.column()),
                        "column \"%s\" appears twice".formatted(name));
            }
            names.add(name);
        }
        this.columns = List.copyOf(names);
        if (time instanceof TimeBase.Field f) {
            Integer at = seen.get(f.field());
            if (at == null) {
                throw new TelemetryFormatException("%s:%d:1".formatted(file, header.get(0).line()),
                        "the time column \"%s\" is not in the header; its columns are %s".formatted(f.field(), String.join(", ", names)));
            }
            this.timeColumn = at;
        } else {
            this.timeColumn = -1;
        }
    }

    /** The message of one row. */
    Message message(List<CsvCells.Cell> cells) {
        CsvCells.Cell first = cells.get(0);
        String origin = "%s:%d".formatted(file, first.line());
        if (cells.size() > columns.size()) {
            CsvCells.Cell extra = cells.get(columns.size());
            throw new TelemetryFormatException("%s:%d:%d".formatted(file, extra.line(), extra.column()),
                    "the row has %d cells but the header only %d columns".formatted(cells.size(), columns.size()));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            CsvCells.Cell c = cells.get(i);
            if (c.text().isEmpty() && !c.quoted()) {
                continue;
            }
            String column = columns.get(i);
            CellValues.parse(c.text(), c.quoted(), Optional.empty()).ifPresent(v -> body.set(column, v));
        }
        long tNs = timeOf(cells, origin);
        if (tNs < lastNs) {
            throw new TelemetryFormatException(origin, "the time goes back: %d ns after %d ns (column %s must not decrease)"
                    .formatted(tNs, lastNs, ((TimeBase.Field) time).field()));
        }
        lastNs = tNs;
        rows++;
        return new Message(tNs, topic, TYPE, body, origin);
    }

    private long timeOf(List<CsvCells.Cell> cells, String origin) {
        if (time instanceof TimeBase.Rate r) {
            return r.atNs(rows);
        }
        TimeBase.Field f = (TimeBase.Field) time;
        CsvCells.Cell c = timeColumn < cells.size() ? cells.get(timeColumn) : null;
        if (c == null || c.text().isBlank()) {
            throw new TelemetryFormatException(origin, "the time column %s is empty".formatted(f.field()));
        }
        return f.toNs(c.text()).orElseThrow(() -> new TelemetryFormatException("%s:%d:%d".formatted(file, c.line(), c.column()),
                "the time column %s holds \"%s\", not a non-negative number of %s".formatted(f.field(), c.text(), f.unit())));
    }
}
