package org.hcert.telemetry.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TimeBase;
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
    private final @Nullable TimeBase time;

    /** A recording in hcert's CSV format. */
    public CsvSource(Path file) {
        this(file, null);
    }

    /**
     * A recording in hcert's CSV format or, when its header is not hcert's and {@code time} is
     * given, a vendor's table ({@link TableRows}) whose rows are timed by {@code time}.
     */
    public CsvSource(Path file, @Nullable TimeBase time) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.time = time;
    }

    /** The topic of a vendor table's rows: {@code /} and the file's name without {@code .csv}. */
    public static String tableTopic(Path file) {
        String name = file.getFileName().toString();
        return "/" + (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name);
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
            List<CsvCells.Cell> first = cells.next().orElseThrow(() -> new TelemetryFormatException(file + ":1",
                    "the file is empty; expected a header starting with " + CsvHeader.FIXED));
            if (time != null && !CsvHeader.isHcertHeader(first)) {
                TableRows table = new TableRows(file.toString(), tableTopic(file), first, time);
                return new Cursor(cells, table::message);
            }
            String hint = "; for a table of another layout, say where its time is (--time-from COLUMN:UNIT or RATEHz, "
                    + "or recordingTime in the robot profile)";
            CsvRows rows = new CsvRows(file.toString(), CsvHeader.read(first, file.toString(), hint));
            return new Cursor(cells, rows::message);
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
        private final Function<List<CsvCells.Cell>, Message> rows;
        private @Nullable Message next;
        private boolean done;

        Cursor(CsvCells cells, Function<List<CsvCells.Cell>, Message> rows) {
            this.cells = cells;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = cells.next().map(rows).orElse(null);
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
