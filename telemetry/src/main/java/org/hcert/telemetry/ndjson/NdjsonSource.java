package org.hcert.telemetry.ndjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.LookaheadCursor;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.jspecify.annotations.Nullable;

/**
 * A recording in hcert's NDJSON format: one JSON object per line,
 * {@code {"t": <int64 ns>, "topic": "/x", "type": "pkg/msg/T", "msg": {...}}}, in non-decreasing
 * {@code t}. Blank lines are skipped. Read one line at a time, so memory does not grow with length.
 */
public final class NdjsonSource implements TelemetrySource {

    /** Each key once per object: a key given twice (the last would win) is a format error, never a silent choice. */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** The longest line read, bytes: a message larger than this is refused, before its memory is spent. */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private final Path file;

    public NdjsonSource(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public MessageCursor open() {
        try {
            return new Cursor(file, new LineReader(Files.newInputStream(file), MAX_LINE_BYTES));
        } catch (NoSuchFileException e) {
            throw new TelemetryException("%s: recording not found".formatted(file));
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot open recording: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static final class Cursor extends LookaheadCursor {

        private final Path file;
        private final LineReader reader;
        private long lineNumber;
        private long lastTimeNs = Long.MIN_VALUE;

        Cursor(Path file, LineReader reader) {
            super(file.toString());
            this.file = file;
            this.reader = reader;
        }

        @Override
        protected @Nullable Message readNext() {
            try {
                String line;
                while ((line = reader.next()) != null) {
                    lineNumber = reader.lineNumber();
                    if (!line.isBlank()) {
                        return parse(line);
                    }
                }
                return null;
            } catch (LineReader.BadLine e) {
                throw new TelemetryFormatException(file + ":" + e.line, e.problem);
            } catch (IOException e) {
                throw new UncheckedIOException("%s:%d: read failed: %s".formatted(file, lineNumber + 1, e.getMessage()), e);
            }
        }

        private Message parse(String line) {
            String where = file + ":" + lineNumber;
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(firstLine(e));
                if (dup.find()) {
                    throw new TelemetryFormatException(where, "key \"%s\" is given twice in one object; JSON readers disagree on which "
                            .formatted(dup.group(1)) + "one counts, so hcert reads neither");
                }
                throw new TelemetryFormatException(where, "not a JSON object: " + firstLine(e));
            }
            if (node == null || !node.isObject()) {
                throw new TelemetryFormatException(where, "expected a JSON object {\"t\", \"topic\", \"type\", \"msg\"}");
            }
            JsonNode t = node.get("t");
            if (t == null || !t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0) {
                throw new TelemetryFormatException(where, "field \"t\" must be a whole, non-negative number of nanoseconds since the "
                        + "Unix epoch, got " + t);
            }
            long tNs = t.longValue();
            if (tNs < lastTimeNs) {
                throw new TelemetryFormatException(
                        where, "field \"t\" goes back in time: %d ns after %d ns (the format requires non-decreasing t)"
                                .formatted(tNs, lastTimeNs));
            }
            lastTimeNs = tNs;
            String topic = text(node, "topic", where);
            String type = text(node, "type", where);
            JsonNode msg = node.get("msg");
            if (msg == null || !msg.isObject()) {
                throw new TelemetryFormatException(where, "field \"msg\" must be a JSON object");
            }
            return new Message(tNs, topic, type, msg, where);
        }

        private static String text(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                throw new TelemetryFormatException(where, "field \"%s\" must be a non-empty string".formatted(field));
            }
            return v.asText();
        }

        private static String firstLine(JsonProcessingException e) {
            String original = e.getOriginalMessage();
            String first = original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse(original);
            // Jackson names where an unclosed object opened by its own source description: keep the column alone
            return first.replaceAll("\\(start marker at \\[Source: [^;\\]]*; line: \\d+, column: (\\d+)\\]\\)", "(opened at column $1)");
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                // Nothing useful to do: the pass is over.
            }
        }
    }
}
