package org.hcert.telemetry.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * Split CSV text (RFC 4180: comma-separated, {@code "} quotes, {@code ""} inside quotes, LF or
 * CRLF line ends, quoted cells may span lines) into records of cells that know their line and
 * column. Blank lines and a leading byte-order mark are skipped. Reads one character at a time
 * from a buffered reader, so memory holds one record.
 */
final class CsvLexer {

    /** One cell: its text without quotes, whether it was quoted, and where it starts (1-based). */
    record Cell(String text, boolean quoted, long line, int column) {}

    private final Reader in;
    private final String file;
    private long line = 1;
    private int column = 1;
    private int peeked = -2;

    CsvLexer(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The line the next record starts on, after blank lines. */
    long line() {
        return line;
    }

    /** The next record, or empty at the end of the file. */
    Optional<List<Cell>> next() {
        skipBlankLines();
        if (peek() < 0) {
            return Optional.empty();
        }
        List<Cell> cells = new ArrayList<>();
        while (true) {
            cells.add(cell());
            int c = read();
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return Optional.of(cells);
        }
    }

    private Cell cell() {
        long startLine = line;
        int startColumn = column;
        if (peek() != '"') {
            StringBuilder text = new StringBuilder();
            while (peek() >= 0 && peek() != ',' && peek() != '\n' && peek() != '\r') {
                text.append((char) read());
            }
            return new Cell(text.toString(), false, startLine, startColumn);
        }
        read();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                throw new TelemetryFormatException("%s:%d:%d".formatted(file, startLine, startColumn),
                        "the quoted cell is not closed before the end of the file");
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                read();
            }
            text.append((char) c);
        }
        int after = peek();
        if (after >= 0 && after != ',' && after != '\n' && after != '\r') {
            throw new TelemetryFormatException("%s:%d:%d".formatted(file, line, column),
                    "unexpected '%c' after the closing quote; write a quote inside a quoted cell as \"\""
                            .formatted((char) after));
        }
        return new Cell(text.toString(), true, startLine, startColumn);
    }

    private void skipBlankLines() {
        if (line == 1 && column == 1 && peek() == '\uFEFF') {
            read();
            column = 1;
        }
        while (peek() == '\n' || peek() == '\r') {
            read();
        }
    }

    private int peek() {
        if (peeked == -2) {
            try {
                peeked = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException("%s:%d: read failed".formatted(file, line), e);
            }
        }
        return peeked;
    }

    private int read() {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
            column = 1;
        } else if (c >= 0 && c != '\r') {
            column++;
        }
        return c;
    }
}
