package org.hcert.telemetry.csv;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.jspecify.annotations.Nullable;

/**
 * Write a recording in hcert's CSV format, through Jackson's CSV generator. The columns must be
 * known before the first row: {@link #columns} finds them in one pass over a source. Strings in
 * bodies are always quoted; topic and type only when they hold a comma, quote or line break. Output
 * is deterministic: the same messages and columns give the same bytes (LF line ends, UTF-8, no
 * byte-order mark).
 */
public final class CsvWriter implements Closeable {

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final CsvGenerator out;
    private final Path file;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final @Nullable JsonNode[] row;

    private CsvWriter(CsvGenerator out, Path file, List<String> columns) {
        this.out = out;
        this.file = file;
        for (int i = 0; i < columns.size(); i++) {
            columnIndex.put(columns.get(i), i);
        }
        this.row = new JsonNode[columns.size()];
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
                addColumns(cursor.next(), columns);
            }
        }
        return List.copyOf(columns);
    }

    /** Add the field-path columns of {@code m} to {@code columns}, in order of first appearance. */
    public static void addColumns(Message m, Set<String> columns) {
        Flattener.flatten(m.body(), m.origin(), (path, value) -> columns.add(path));
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
            CsvGenerator out = CSV.createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
            CsvWriter writer = new CsvWriter(out, file, columns);
            String[] header = Stream.concat(Stream.of(CsvHeader.FIXED.split(",")), columns.stream()).toArray(String[]::new);
            out.writeArray(header, 0, header.length);
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
        Arrays.fill(row, null);
        Flattener.flatten(m.body(), m.origin(), (path, value) -> {
            Integer i = columnIndex.get(path);
            if (i == null) {
                throw new TelemetryException("%s: field %s has no column in %s; list the columns with CsvWriter.columns"
                        .formatted(m.origin(), path, file));
            }
            row[i] = value;
        });
        try {
            out.writeStartArray();
            out.writeNumber(m.logTimeNs());
            out.writeString(m.topic());
            out.writeString(m.type());
            out.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
            for (JsonNode value : row) {
                cell(value);
            }
            out.disable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** An absent field is an empty cell, a string a quoted one, any other value its unquoted text. */
    private void cell(@Nullable JsonNode value) throws IOException {
        if (value == null) {
            out.writeRawValue("");
        } else if (value.isTextual()) {
            out.writeString(value.textValue());
        } else {
            out.writeRawValue(CellValues.format(value));
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
