package org.hcert.telemetry.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.jspecify.annotations.Nullable;

/**
 * A recording in hcert's CSV format (docs/telemetry.md, "CSV recordings"): a header {@code t_ns,topic,type,}
 * followed by field paths, then one row per message in non-decreasing {@code t_ns}. Cells of the
 * types whose definitions hcert bundles are read as their ROS field types; cells of other types
 * are read as booleans, numbers or strings by their look (quoted cells are strings). Read one row
 * at a time. Errors name {@code file:line:column}.
 */
public final class CsvSource implements TelemetrySource {

    private final Path file;

    public CsvSource(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public MessageCursor open() {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TelemetryException("%s: recording not found".formatted(file));
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot open recording: %s".formatted(file, e.getMessage()), e);
        }
        try {
            CsvCells cells = new CsvCells(reader, file.toString());
            CsvHeader header = CsvHeader.read(cells, file.toString());
            return new Cursor(cells, header);
        } catch (RuntimeException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private final class Cursor implements MessageCursor {

        private final CsvCells cells;
        private final CsvRows rows;
        private @Nullable Message next;
        private boolean done;

        Cursor(CsvCells cells, CsvHeader header) {
            this.cells = cells;
            this.rows = new CsvRows(file.toString(), header);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = cells.next().map(rows::message).orElse(null);
                done = next == null;
            }
            return next != null;
        }

        @Override
        public Message next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more messages in " + file);
            }
            Message m = Objects.requireNonNull(next);
            next = null;
            return m;
        }

        @Override
        public void close() {
            cells.close();
        }
    }
}
