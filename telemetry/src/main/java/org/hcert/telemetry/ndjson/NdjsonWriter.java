package org.hcert.telemetry.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.hcert.telemetry.Message;

/**
 * Write a recording in hcert's NDJSON format, one line per message:
 * {@code {"t":…,"topic":…,"type":…,"msg":{…}}}. Non-finite floats are written {@code null}, which
 * {@link NdjsonSource} reads back as NaN (JSON has no NaN). Output is deterministic: fields in
 * body order, floats as Java prints them, LF line ends.
 */
public final class NdjsonWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private final JsonGenerator json;

    private NdjsonWriter(Path file, BufferedWriter out) throws IOException {
        this.file = file;
        this.out = out;
        this.json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * Create (or replace) {@code file}.
     *
     * @throws UncheckedIOException when the file cannot be created
     */
    public static NdjsonWriter open(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            return new NdjsonWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Write one message as one line. */
    public void write(Message m) {
        try {
            message(json, m);
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The line this writer writes for {@code m}, without its line feed. */
    public static String line(Message m) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            message(g, m);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return text.toString();
    }

    private static void message(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("t", m.logTimeNs());
        g.writeStringField("topic", m.topic());
        g.writeStringField("type", m.type());
        g.writeFieldName("msg");
        node(g, m.body());
        g.writeEndObject();
    }

    /**
     * The JSON text of {@code body} as this writer writes it: compact, fields in order, non-finite
     * floats as {@code null}.
     */
    public static String json(JsonNode body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            node(g, body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return text.toString();
    }

    private static void node(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                g.writeFieldName(e.getKey());
                node(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) {
                node(g, e);
            }
            g.writeEndArray();
        } else if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            g.writeNull();
        } else if (n.isFloat()) {
            g.writeNumber(n.floatValue());
        } else {
            g.writeTree(n);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
