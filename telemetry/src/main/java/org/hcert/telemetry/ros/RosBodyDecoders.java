package org.hcert.telemetry.ros;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.jspecify.annotations.Nullable;

/**
 * Decode ROS message bodies by their (schema encoding, message encoding):
 * <ul>
 *   <li>({@code ros2msg}, {@code cdr}): ROS 2 definitions, plain CDR (XCDR1), either byte order;
 *   <li>({@code ros1msg}, {@code ros1}): ROS 1 definitions and serialization;
 *   <li>({@code protobuf}, {@code protobuf}): the schema's FileDescriptorSet, through the protobuf
 *       library's dynamic messages ({@link org.hcert.telemetry.protobuf.ProtobufBodies});
 *   <li>({@code flatbuffer}, {@code flatbuffer}): the schema's binary flatbuffers schema, through
 *       the flatbuffers library's reflection ({@link org.hcert.telemetry.flatbuffers.FlatbufferBodies});
 *   <li>({@code jsonschema} or no schema, {@code json}): the body is the JSON object itself.
 * </ul>
 * Other combinations, {@code ros2idl} definitions among them, are refused with a
 * {@link TelemetryException} that names them.
 *
 * <p>Each schema is parsed once and kept (up to {@value #MAX_CACHED_SCHEMAS} schemas per instance;
 * beyond that the cache starts over). Instances are thread-safe.
 */
public final class RosBodyDecoders implements BodyDecoder {

    /** How many parsed schemas one instance keeps: {@value}. */
    public static final int MAX_CACHED_SCHEMAS = 512;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<SchemaInfo, Compiled> cache = new ConcurrentHashMap<>();
    private final Map<SchemaInfo, com.google.protobuf.Descriptors.Descriptor> protobuf = new ConcurrentHashMap<>();
    private final Map<SchemaInfo, com.google.flatbuffers.reflection.Schema> flatbuffer = new ConcurrentHashMap<>();

    private RosBodyDecoders() {}

    /** A decoder for ros2msg/cdr, ros1msg/ros1 and JSON, with its own schema cache. */
    public static RosBodyDecoders standard() {
        return new RosBodyDecoders();
    }

    @Override
    public JsonNode decode(@Nullable SchemaInfo schema, String messageEncoding, ByteBuffer data) {
        String schemaEncoding = schema == null ? "" : schema.encoding();
        String typeName = schema == null ? "(no schema)" : schema.name();
        if (messageEncoding.equals("json") && (schemaEncoding.isEmpty() || schemaEncoding.equals("jsonschema"))) {
            return json(typeName, data);
        }
        if (schema != null && schemaEncoding.equals("protobuf") && messageEncoding.equals("protobuf")) {
            return org.hcert.telemetry.protobuf.ProtobufBodies.decode(protobuf.computeIfAbsent(schema,
                    s -> org.hcert.telemetry.protobuf.ProtobufBodies.descriptor(s)), data);
        }
        if (schema != null && schemaEncoding.equals("flatbuffer") && messageEncoding.equals("flatbuffer")) {
            return org.hcert.telemetry.flatbuffers.FlatbufferBodies.decode(flatbuffer.computeIfAbsent(schema,
                    org.hcert.telemetry.flatbuffers.FlatbufferBodies::schema), data);
        }
        if (schema != null && schemaEncoding.equals("ros2idl")) {
            throw new TelemetryException(("%s: schema encoding ros2idl is not supported; hcert decodes ros2msg definitions "
                    + "(rosbag2 writes ros2msg for every type generated from a .msg file)").formatted(typeName));
        }
        boolean ros2 = schemaEncoding.equals("ros2msg") && messageEncoding.equals("cdr");
        boolean ros1 = schemaEncoding.equals("ros1msg") && messageEncoding.equals("ros1");
        if (schema == null || !(ros1 || ros2)) {
            throw new TelemetryException(("%s: no decoder for schema encoding \"%s\" with message encoding \"%s\"; "
                    + "hcert decodes ros2msg with cdr, ros1msg with ros1, protobuf with protobuf, flatbuffer with flatbuffer, "
                    + "and jsonschema (or no schema) with json")
                    .formatted(typeName, schemaEncoding, messageEncoding));
        }
        return compiled(schema, ros2 ? Dialect.ROS2 : Dialect.ROS1).decode(data);
    }

    private CompiledSchema compiled(SchemaInfo schema, Dialect dialect) {
        Compiled compiled = cache.get(schema);
        if (compiled == null) {
            if (cache.size() >= MAX_CACHED_SCHEMAS) {
                cache.clear();
            }
            compiled = Compiled.of(schema, dialect);
            cache.put(schema, compiled);
        }
        return compiled.orThrow();
    }

    private static JsonNode json(String typeName, ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new TelemetryException("%s (json): the body must be a JSON object".formatted(typeName));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getByteOffset() < 0 ? "" : ", byte " + at.getByteOffset();
            throw new TelemetryException("%s (json)%s: not JSON: %s".formatted(typeName, where, e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TelemetryException("%s (json): %s".formatted(typeName, e.getMessage()), e);
        }
    }

    /** A parsed schema, or why it could not be parsed (kept so that a bad schema is parsed once). */
    private record Compiled(@Nullable CompiledSchema schema, String error) {

        static Compiled of(SchemaInfo info, Dialect dialect) {
            String text = new String(info.data(), StandardCharsets.UTF_8);
            try {
                return new Compiled(CompiledSchema.compile(info.name(), text, dialect), "");
            } catch (TelemetryException e) {
                return new Compiled(null, e.getMessage());
            }
        }

        CompiledSchema orThrow() {
            if (schema == null) {
                throw new TelemetryException(error);
            }
            return schema;
        }
    }
}
