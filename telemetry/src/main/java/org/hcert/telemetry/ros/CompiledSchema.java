package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.hcert.telemetry.TelemetryException;

/**
 * A parsed definition ready to decode bodies: ROS 2 definitions read CDR, ROS 1 definitions read
 * the ROS 1 serialization. Immutable, so one instance serves every message of its schema.
 */
final class CompiledSchema {

    private final String typeName;
    private final Dialect dialect;
    private final MessageType root;
    private final Map<MessageType, Integer> minSizes;

    private CompiledSchema(String typeName, Dialect dialect, MessageType root) {
        this.typeName = typeName;
        this.dialect = dialect;
        this.root = root;
        IdentityHashMap<MessageType, Integer> sizes = new IdentityHashMap<>();
        minSize(root, sizes);
        this.minSizes = Collections.unmodifiableMap(sizes);
    }

    /**
     * Parse the definition text of {@code typeName}.
     *
     * @throws TelemetryException when the definition is invalid
     */
    static CompiledSchema compile(String typeName, String definition, Dialect dialect) {
        return new CompiledSchema(typeName, dialect, DefinitionParser.parse(typeName, definition, dialect));
    }

    /** The message encoding this schema reads: {@code cdr} or {@code ros1}. */
    String messageEncoding() {
        return dialect == Dialect.ROS2 ? "cdr" : "ros1";
    }

    MessageType root() {
        return root;
    }

    /**
     * Decode one body, from its position to its limit, leaving {@code data} untouched.
     *
     * @throws TelemetryException naming the type, the field path and the byte offset (from the
     *     start of the body) when the body does not match the definition
     */
    JsonNode decode(ByteBuffer data) {
        ByteBuffer message = data.slice();
        MessageWalker walker = null;
        try {
            WireReader in = dialect == Dialect.ROS2 ? CdrReader.open(message) : new Ros1Reader(message);
            walker = new MessageWalker(in, minSizes);
            JsonNode node = walker.message(root);
            if (in.remaining() > in.allowedTrailingBytes()) {
                throw new DecodeFailure(in.position(), "%d bytes left over after the last field; the body does not match the definition"
                        .formatted(in.remaining()));
            }
            return node;
        } catch (DecodeFailure e) {
            String field = walker == null || walker.path().isEmpty() ? "" : ", field " + walker.path();
            throw new TelemetryException("%s (%s)%s, byte %d: %s"
                    .formatted(typeName, messageEncoding(), field, e.offset(), e.getMessage()));
        }
    }

    private int minSize(MessageType type, IdentityHashMap<MessageType, Integer> sizes) {
        Integer known = sizes.get(type);
        if (known != null) {
            return known;
        }
        int sum = 0;
        for (MessageType.Field f : type.fields()) {
            FieldType t = f.type();
            int element = t.element() instanceof Primitive p ? p.size() : minSize((MessageType) t.element(), sizes);
            switch (t.arity()) {
                case SINGLE:
                    sum += element;
                    break;
                case FIXED:
                    sum += (int) Math.min(Integer.MAX_VALUE / 2, (long) element * t.length());
                    break;
                default:
                    sum += 4;
                    break;
            }
            sum = Math.min(sum, Integer.MAX_VALUE / 2);
        }
        int size = type.fields().isEmpty() ? (dialect == Dialect.ROS2 ? 1 : 0) : sum;
        sizes.put(type, size);
        return size;
    }
}
