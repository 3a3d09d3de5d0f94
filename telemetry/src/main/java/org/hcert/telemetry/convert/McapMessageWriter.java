package org.hcert.telemetry.convert;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapWriter;
import org.hcert.telemetry.ndjson.NdjsonWriter;
import org.hcert.telemetry.ros.BundledDefinitions;
import org.hcert.telemetry.ros.CdrEncoder;

/**
 * Write messages into an MCAP file, registering one schema per type and one channel per (topic,
 * type) in order of first appearance, so that the same messages always give the same bytes.
 */
final class McapMessageWriter implements AutoCloseable {

    private final McapWriter mcap;
    private final BodyEncoding encoding;
    private final Map<String, Integer> schemaIds = new HashMap<>();
    private final Map<SchemaInfo, Integer> rawSchemaIds = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, String> encodingByTopic = new LinkedHashMap<>();

    @SuppressWarnings("ArrayRecordComponent") // sequence is the channel's mutable message counter; never compared
    private record Channel(int id, Optional<CdrEncoder> cdr, long[] sequence) {}

    McapMessageWriter(Path file, Compression compression, BodyEncoding encoding) {
        this(file, compression, encoding, encoding == BodyEncoding.CDR ? "ros2" : "");
    }

    /**
     * A writer as {@link #McapMessageWriter(Path, Compression, BodyEncoding)}, which writes the
     * topics of {@code jsonTopics} as JSON even where CDR is asked for (their messages hold values
     * CDR cannot carry, such as an absent flag).
     */
    McapMessageWriter(Path file, Compression compression, BodyEncoding encoding, java.util.Set<String> jsonTopics) {
        this(file, compression, encoding);
        this.jsonTopics = java.util.Set.copyOf(jsonTopics);
    }

    private java.util.Set<String> jsonTopics = java.util.Set.of();

    /** @param profile the MCAP profile written in the header ({@code ros1}, {@code ros2}, or empty) */
    McapMessageWriter(Path file, Compression compression, BodyEncoding encoding, String profile) {
        this.encoding = encoding;
        this.mcap = McapWriter.builder().compression(compression).profile(profile).open(file);
    }

    /**
     * Write a message as its source stored it: its own schema (registered once per distinct schema)
     * and encoding, its bytes unchanged.
     */
    void writeRaw(RawMessageSource.RawMessage m) {
        SchemaInfo schema = m.schema();
        String key = m.topic() + "\n" + m.messageEncoding() + "\n" + (schema == null ? "" : schema.name() + "\n" + schema.encoding()
                + "\n" + java.util.Arrays.hashCode(schema.data()));
        Channel channel = channels.computeIfAbsent(key, k -> {
            int schemaId = schema == null ? 0
                    : rawSchemaIds.computeIfAbsent(schema, s -> mcap.registerSchema(s.name(), s.encoding(), s.data()));
            encodingByTopic.merge(m.topic(), m.messageEncoding(), (a, b) -> a.equals(b) ? a : a + "+" + b);
            return new Channel(mcap.registerChannel(m.topic(), m.messageEncoding(), schemaId, Map.of()), Optional.empty(), new long[1]);
        });
        mcap.write(channel.id(), ++channel.sequence()[0], m.logTimeNs(), m.logTimeNs(), m.data());
    }

    /** The message encoding written for each topic, in order of first appearance. */
    Map<String, String> encodingByTopic() {
        return encodingByTopic;
    }

    void write(Message m) {
        Channel channel = channels.computeIfAbsent(m.topic() + "\n" + m.type(), k -> register(m.topic(), m.type()));
        byte[] body;
        try {
            body = channel.cdr().isPresent() ? channel.cdr().get().encode(m.body())
                    : NdjsonWriter.json(m.body()).getBytes(StandardCharsets.UTF_8);
        } catch (TelemetryException e) {
            throw new TelemetryFormatException(m.origin(), e.getMessage(), e);
        }
        mcap.write(channel.id(), ++channel.sequence()[0], m.logTimeNs(), m.logTimeNs(), body);
    }

    private Channel register(String topic, String type) {
        Optional<SchemaInfo> ros2 = encoding == BodyEncoding.CDR && !jsonTopics.contains(topic) ? BundledDefinitions.schema(type)
                : Optional.empty();
        Optional<CdrEncoder> cdr = ros2.flatMap(s -> CdrEncoder.bundled(type));
        String messageEncoding = cdr.isPresent() ? "cdr" : "json";
        int schemaId = schemaIds.computeIfAbsent(messageEncoding + "\n" + type, k -> ros2.isPresent()
                ? mcap.registerSchema(ros2.get().name(), ros2.get().encoding(), ros2.get().data())
                : mcap.registerSchema(type, "jsonschema", jsonSchema(type)));
        encodingByTopic.merge(topic, messageEncoding, (a, b) -> a.equals(b) ? a : a + "+" + b);
        return new Channel(mcap.registerChannel(topic, messageEncoding, schemaId, Map.of()), cdr, new long[1]);
    }

    /** A JSON schema that names the type and promises an object; bodies are not described further. */
    private static byte[] jsonSchema(String type) {
        return "{\"title\":%s,\"type\":\"object\"}".formatted(NdjsonWriter.json(TextNode.valueOf(type)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Record what the source could not read, so that the copy is as damaged as the original (nothing when sound). */
    void markDamage(java.util.List<String> damage) {
        if (!damage.isEmpty()) {
            Map<String, String> entries = new LinkedHashMap<>();
            for (int i = 0; i < damage.size(); i++) {
                entries.put("%03d".formatted(i + 1), damage.get(i));
            }
            mcap.metadata(org.hcert.telemetry.mcap.McapSource.DAMAGE_METADATA, entries);
        }
    }

    @Override
    public void close() {
        mcap.close();
    }
}
