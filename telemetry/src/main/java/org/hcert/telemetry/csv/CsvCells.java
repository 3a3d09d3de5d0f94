package org.hcert.telemetry.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * Read the records of CSV text (RFC 4180), through Jackson's CSV parser, as cells that know their
 * line and column. Blank lines and a leading byte-order mark are skipped. Jackson reads the text in
 * blocks and keeps one record, so memory does not grow with the file; a cell holds at most
 * Jackson's maximum string length (20,000,000 characters). Syntax errors are {@link
 * TelemetryFormatException}s naming {@code file:line:column}.
 */
final class CsvCells implements Closeable {

    /** One cell: its text without quotes, whether it was quoted, and where it starts (1-based). */
    record Cell(String text, boolean quoted, long line, int column) {}

    private final BufferedReader in;
    private final CellParser parser;
    private final String file;

    CsvCells(BufferedReader in, String file) {
        this.in = in;
        this.file = file;
        try {
            skipByteOrderMark(in);
            this.parser = (CellParser) CellParser.FACTORY.createParser(in);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("%s:1: read failed: %s".formatted(file, e.getMessage()), e);
        }
    }

    /** The next record that is not a blank line, or empty at the end of the file. */
    Optional<List<Cell>> next() {
        try {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<Cell> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    JsonLocation at = parser.currentTokenLocation();
                    cells.add(new Cell(parser.getText(), parser.quoted(), at.getLineNr(), at.getColumnNr()));
                }
                if (!isBlankLine(cells)) {
                    return Optional.of(cells);
                }
            }
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            throw error(parser.currentTokenLocation(), "the cell is longer than the %d characters hcert reads in one cell"
                    .formatted(parser.streamReadConstraints().getMaxStringLength()));
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() == null ? parser.currentLocation() : e.getLocation(), e.getOriginalMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("%s:%d: read failed: %s".formatted(file, parser.currentLocation().getLineNr(), e.getMessage()), e);
        }
    }

    /**
     * The file is not UTF-8: say on which line and byte. The reader decodes ahead of the parser, so
     * the parser's line is not where the bad bytes are; the file is read again, line by line, to find them.
     */
    private TelemetryFormatException notUtf8() {
        try (org.hcert.telemetry.ndjson.LineReader lines = new org.hcert.telemetry.ndjson.LineReader(
                java.nio.file.Files.newInputStream(java.nio.file.Path.of(file)), 1 << 24)) {
            while (lines.next() != null) {
                // read on to the bad line
            }
        } catch (org.hcert.telemetry.ndjson.LineReader.BadLine bad) {
            return new TelemetryFormatException("%s:%d".formatted(file, bad.line), bad.problem);
        } catch (IOException e) {
            // fall through to the message without a line
        }
        return new TelemetryFormatException(file, "the file is not valid UTF-8");
    }

    private TelemetryFormatException error(JsonLocation at, String problem) {
        return new TelemetryFormatException("%s:%d:%d".formatted(file, at.getLineNr(), at.getColumnNr()), problem);
    }

    /** Close the parser, which gives its buffers back to Jackson, and the reader. */
    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException e) {
            // Nothing useful to do: the pass is over.
        }
    }

    private static boolean isBlankLine(List<Cell> cells) {
        return cells.size() == 1 && !cells.get(0).quoted() && cells.get(0).text().isEmpty();
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }
}
