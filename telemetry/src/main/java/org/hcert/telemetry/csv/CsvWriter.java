package org.hcert.telemetry.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;

/**
 * Write a recording in hcert's CSV format. The columns must be known before the first row:
 * {@link #columns} finds them in one pass over a source. Output is deterministic: the same
 * messages and columns give the same bytes (LF line ends, UTF-8, no byte-order mark).
 */
public final class CsvWriter implements Closeable {

    private final BufferedWriter out;
    private final Path file;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final String[] row;

    private CsvWriter(BufferedWriter out, Path file, List<String> columns) {
        this.out = out;
        this.file = file;
        for (int i = 0; i < columns.size(); i++) {
            columnIndex.put(columns.get(i), i);
        }
        this.row = new String[columns.size()];
    }

    /**
     * The field-path columns of every message of {@code source}, in order of first appearance.
     *
     * @throws TelemetryException when the source cannot be read or a field name cannot be a column
     */
    public static List<String> columns(TelemetrySource source) {
        Set<String> columns = new LinkedHashSet<>();
        try (MessageCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Message m = cursor.next();
                Flattener.flatten(m.body(), m.origin(), (path, value) -> columns.add(path));
            }
        }
        return List.copyOf(columns);
    }

    /**
     * Create (or replace) {@code file} and write the header {@code t_ns,topic,type,} + {@code columns}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static CsvWriter open(Path file, List<String> columns) {
        Objects.requireNonNull(file, "file must not be null");
        for (String c : columns) {
            if (ColumnPath.parse(c).isEmpty()) {
                throw new IllegalArgumentException("column \"%s\" is not a field path".formatted(c));
            }
        }
        try {
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CsvWriter writer = new CsvWriter(out, file, columns);
            writer.line(CsvHeader.FIXED + (columns.isEmpty() ? "" : "," + String.join(",", columns)));
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create CSV file " + file, e);
        }
    }

    /**
     * Write one row.
     *
     * @throws TelemetryException when the body has a field path that is not one of the columns
     */
    public void write(Message m) {
        Arrays.fill(row, "");
        Flattener.flatten(m.body(), m.origin(), (path, value) -> {
            Integer i = columnIndex.get(path);
            if (i == null) {
                throw new TelemetryException("%s: field %s has no column in %s; list the columns with CsvWriter.columns"
                        .formatted(m.origin(), path, file));
            }
            row[i] = CellValues.format(value);
        });
        StringBuilder sb = new StringBuilder(64 + row.length * 8);
        sb.append(m.logTimeNs()).append(',').append(CellValues.quote(m.topic(), false)).append(',')
                .append(CellValues.quote(m.type(), false));
        for (String cell : row) {
            sb.append(',').append(cell);
        }
        line(sb.toString());
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
