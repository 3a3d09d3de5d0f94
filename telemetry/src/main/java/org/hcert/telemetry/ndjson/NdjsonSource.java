package org.hcert.telemetry.ndjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            return new Cursor(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TelemetryException("%s: recording not found".formatted(file));
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot open recording: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static final class Cursor extends LookaheadCursor {

        private final Path file;
        private final BufferedReader reader;
        private long lineNumber;
        private long lastTimeNs = Long.MIN_VALUE;

        Cursor(Path file, BufferedReader reader) {
            super(file.toString());
            this.file = file;
            this.reader = reader;
        }

        @Override
        protected @Nullable Message readNext() {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        return parse(line);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("%s:%d: read failed".formatted(file, lineNumber + 1), e);
            }
        }

        private Message parse(String line) {
            String where = file + ":" + lineNumber;
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new TelemetryFormatException(where, "not a JSON object: " + firstLine(e));
            }
            if (node == null || !node.isObject()) {
                throw new TelemetryFormatException(where, "expected a JSON object {\"t\", \"topic\", \"type\", \"msg\"}");
            }
            JsonNode t = node.get("t");
            if (t == null || !t.canConvertToExactIntegral() || !t.canConvertToLong()) {
                throw new TelemetryFormatException(where, "field \"t\" must be an integer (nanoseconds since the Unix epoch), got " + t);
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
            return original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse(original);
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
