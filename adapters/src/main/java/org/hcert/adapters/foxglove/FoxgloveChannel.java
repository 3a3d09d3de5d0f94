package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hcert.telemetry.SchemaInfo;
import org.jspecify.annotations.Nullable;

/**
 * A channel a Foxglove WebSocket server advertised: its id, topic, message encoding and schema.
 *
 * @param id the server's channel id
 * @param topic the topic, e.g. {@code /joint_states}
 * @param encoding the message encoding ({@code cdr}, {@code json}, {@code protobuf}, …)
 * @param schemaName the schema's name, e.g. {@code sensor_msgs/msg/JointState}
 * @param schemaEncoding the schema's encoding ({@code ros2msg}, {@code jsonschema}, …), or empty
 * @param schema the schema for hcert's decoders (the text as sent, or decoded from base64 for a
 *     binary schema), or null for a schemaless channel
 */
public record FoxgloveChannel(long id, String topic, String encoding, String schemaName, String schemaEncoding,
        @Nullable SchemaInfo schema) {

    /**
     * The schema encoding a server leaves out, from the message encoding, as the protocol's own
     * tools infer it.
     */
    static String inferredSchemaEncoding(String encoding) {
        return switch (encoding) {
            case "json" -> "jsonschema";
            case "protobuf" -> "protobuf";
            case "flatbuffer" -> "flatbuffer";
            case "ros1" -> "ros1msg";
            case "cdr" -> "ros2msg";
            default -> "";
        };
    }

    /** A channel from one entry of an {@code advertise} op; the problem when a field is missing. */
    static FoxgloveChannel of(JsonNode c) {
        for (String field : new String[] {"id", "topic", "encoding", "schemaName"}) {
            if (!c.hasNonNull(field)) {
                throw new IllegalArgumentException("an advertised channel has no " + field + ": " + c);
            }
        }
        String encoding = c.get("encoding").asText();
        String schemaEncoding = c.hasNonNull("schemaEncoding") ? c.get("schemaEncoding").asText() : inferredSchemaEncoding(encoding);
        String text = c.path("schema").asText("");
        // binary schemas travel in base64; text schemas (ros2msg, ros1msg, jsonschema, idl) as they are
        byte[] schema = schemaEncoding.equals("protobuf") || schemaEncoding.equals("flatbuffer")
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        String name = c.get("schemaName").asText();
        return new FoxgloveChannel(c.get("id").asLong(), c.get("topic").asText(), encoding, name, schemaEncoding,
                schema.length == 0 && schemaEncoding.isEmpty() ? null : new SchemaInfo(name, schemaEncoding, schema));
    }
}
