package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;

/**
 * Encode message bodies in their JSON shape (the shape {@link RosBodyDecoders} produces) as ROS 2
 * CDR: little-endian XCDR1 with the header {@code 00 01 00 00}, as rosbag2 records them.
 *
 * <p>A field missing from the JSON takes the value that means "not measured": NaN for a float
 * (as JSON {@code null} does), zeros for a fixed float array (ROS: an all-zero covariance is
 * unknown), and zero, {@code false}, {@code ""} or an empty sequence otherwise. A JSON field that
 * the definition does not have is refused, so that nothing is dropped silently. Instances are
 * immutable and thread-safe.
 */
public final class CdrEncoder {

    private final String typeName;
    private final MessageType root;

    private CdrEncoder(String typeName, MessageType root) {
        this.typeName = typeName;
        this.root = root;
    }

    /**
     * An encoder for the ros2msg {@code schema}.
     *
     * @throws TelemetryException when the schema is not ros2msg or its definition is invalid
     */
    public static CdrEncoder of(SchemaInfo schema) {
        Objects.requireNonNull(schema, "schema must not be null");
        if (!schema.encoding().equals(Dialect.ROS2.schemaEncoding())) {
            throw new TelemetryException("%s: CDR is encoded from ros2msg definitions, not from schema encoding \"%s\""
                    .formatted(schema.name(), schema.encoding()));
        }
        String text = new String(schema.data(), StandardCharsets.UTF_8);
        return new CdrEncoder(schema.name(), DefinitionParser.parse(schema.name(), text, Dialect.ROS2));
    }

    /** An encoder for {@code type} from hcert's bundled definitions, empty when none is bundled. */
    public static Optional<CdrEncoder> bundled(String type) {
        return BundledDefinitions.messageType(type).map(t -> new CdrEncoder(RosJsonDecoder.normalise(type), t));
    }

    /** The type this encoder writes, e.g. {@code sensor_msgs/msg/Imu}. */
    public String typeName() {
        return typeName;
    }

    /**
     * Encode {@code body}, a JSON object with the fields of the definition.
     *
     * @throws TelemetryException naming the type and the field path when a value does not fit its
     *     field (wrong JSON type, integer out of range, wrong array length) or a field is unknown
     */
    public byte[] encode(JsonNode body) {
        Objects.requireNonNull(body, "body must not be null");
        FieldPath path = new FieldPath();
        try {
            CdrWriter out = new CdrWriter();
            new Walk(out, path).message(root, body);
            return out.toByteArray();
        } catch (EncodeFailure e) {
            String field = path.isEmpty() ? "" : ", field " + path;
            throw new TelemetryException("%s (cdr)%s: %s".formatted(typeName, field, e.getMessage()));
        }
    }

    /**
     * The path of the first {@code bool} field that {@code body} lacks, or string field of one of
     * hcert's own types ({@code hcert/msg/SafetyState}'s mode, an event's kind), if any: CDR has no
     * way to say "absent", so {@link #encode} would write {@code false} or {@code ""}, a value the
     * source never gave. Not reported: floats (written as NaN, "not measured"), integers (a zero
     * stamp is ROS's unset stamp, a zero status its UNKNOWN), sequences (empty), and the strings of
     * ROS's own types, whose empty string means "unknown" ({@code frame_id}, a battery's location).
     */
    public Optional<String> absentFlag(JsonNode body) {
        return absentFlag(root, body, "", typeName.startsWith("hcert/"));
    }

    private static Optional<String> absentFlag(MessageType type, JsonNode node, String prefix, boolean strings) {
        for (MessageType.Field field : type.fields()) {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            JsonNode value = node.path(field.name());
            FieldType ft = field.type();
            if (ft.element() instanceof MessageType m) {
                if (ft.arity() == FieldType.Arity.SINGLE) {
                    Optional<String> inner = absentFlag(m, value, path, strings);
                    if (inner.isPresent()) {
                        return inner;
                    }
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        Optional<String> inner = absentFlag(m, value.get(i), path + "[" + i + "]", strings);
                        if (inner.isPresent()) {
                            return inner;
                        }
                    }
                }
            } else if (value.isMissingNode() && (ft.arity() == FieldType.Arity.SINGLE || ft.arity() == FieldType.Arity.FIXED)
                    && (ft.element() == Primitive.BOOL || (strings && (ft.element() == Primitive.STRING
                            || ft.element() == Primitive.WSTRING)))) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** One pass over a body; {@link EncodeFailure} leaves {@link #path} at the offending field. */
    private record Walk(CdrWriter out, FieldPath path) {

        void message(MessageType type, JsonNode node) {
            if (!node.isMissingNode() && !node.isObject()) {
                throw new EncodeFailure("expected an object (%s), got %s".formatted(type.name(), shown(node)));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (type.fields().stream().noneMatch(f -> f.name().equals(name))) {
                    throw new EncodeFailure("\"%s\" is not a field of %s; encode such messages as json instead"
                            .formatted(name, type.name()));
                }
            }
            if (type.fields().isEmpty()) {
                out.emptyMessage();
                return;
            }
            for (MessageType.Field field : type.fields()) {
                path.push(field.name());
                field(field.type(), node.path(field.name()));
                path.pop();
            }
        }

        private void field(FieldType type, JsonNode node) {
            if (type.arity() == FieldType.Arity.SINGLE) {
                element(type, node, false);
                return;
            }
            if (node.isMissingNode()) {
                int count = type.arity() == FieldType.Arity.FIXED ? type.length() : 0;
                elements(type, node, count);
                return;
            }
            if (!node.isArray()) {
                throw new EncodeFailure("expected an array (%s), got %s".formatted(declared(type), shown(node)));
            }
            if (type.arity() == FieldType.Arity.FIXED && node.size() != type.length()) {
                throw new EncodeFailure("expected %d elements (%s), got %d".formatted(type.length(), declared(type), node.size()));
            }
            if (type.arity() == FieldType.Arity.BOUNDED && node.size() > type.length()) {
                throw new EncodeFailure("%d elements exceed the bound of %s".formatted(node.size(), declared(type)));
            }
            elements(type, node, node.size());
        }

        private void elements(FieldType type, JsonNode array, int count) {
            if (type.arity() != FieldType.Arity.FIXED) {
                out.sequenceLength(count);
            }
            for (int i = 0; i < count; i++) {
                path.index(i);
                element(type, array.isMissingNode() ? MissingNode.getInstance() : array.get(i), true);
            }
        }

        private void element(FieldType type, JsonNode node, boolean inArray) {
            if (type.element() instanceof MessageType m) {
                message(m, node);
            } else {
                primitive((Primitive) type.element(), type.stringBound(), node, inArray);
            }
        }

        private void primitive(Primitive p, int stringBound, JsonNode node, boolean inArray) {
            switch (p) {
                case BOOL -> out.bool(node.isMissingNode() ? false : bool(node));
                case FLOAT32 -> out.float32((float) floating(p, node, inArray));
                case FLOAT64 -> out.float64(floating(p, node, inArray));
                case STRING -> out.string(text(p, stringBound, node));
                case WSTRING -> out.wstring(text(p, stringBound, node));
                default -> out.integer(integer(p, node), p.size());
            }
        }

        private static boolean bool(JsonNode node) {
            if (!node.isBoolean()) {
                throw new EncodeFailure("expected true or false (bool), got " + shown(node));
            }
            return node.booleanValue();
        }

        private static double floating(Primitive p, JsonNode node, boolean inArray) {
            if (node.isMissingNode()) {
                return inArray ? 0 : Double.NaN;
            }
            if (node.isNull()) {
                return Double.NaN;
            }
            if (!node.isNumber()) {
                throw new EncodeFailure("expected a number (%s), got %s".formatted(p.displayName(), shown(node)));
            }
            double v = node.doubleValue();
            if (p == Primitive.FLOAT32 && Double.isFinite(v) && Float.isInfinite((float) v)) {
                throw new EncodeFailure("%s is outside the float32 range".formatted(node.asText()));
            }
            return v;
        }

        private static String text(Primitive p, int bound, JsonNode node) {
            if (node.isMissingNode()) {
                return "";
            }
            if (!node.isTextual()) {
                throw new EncodeFailure("expected a string (%s), got %s".formatted(p.displayName(), shown(node)));
            }
            String s = node.textValue();
            int length = p == Primitive.STRING ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
            if (bound >= 0 && length > bound) {
                throw new EncodeFailure("%d %s exceed the bound of %s<=%d"
                        .formatted(length, p == Primitive.STRING ? "bytes" : "characters", p.displayName(), bound));
            }
            return s;
        }

        private static long integer(Primitive p, JsonNode node) {
            if (node.isMissingNode()) {
                return 0;
            }
            if (!node.isNumber() || !node.canConvertToExactIntegral()) {
                throw new EncodeFailure("expected an integer (%s), got %s".formatted(p.displayName(), shown(node)));
            }
            BigInteger v = node.bigIntegerValue();
            int bits = p.size() * 8;
            boolean unsigned = p == Primitive.UINT8 || p == Primitive.UINT16 || p == Primitive.UINT32 || p == Primitive.UINT64;
            BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
            BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new EncodeFailure("%s is outside the %s range [%s, %s]".formatted(v, p.displayName(), min, max));
            }
            return v.longValue();
        }

        private static String declared(FieldType type) {
            String bound = switch (type.arity()) {
                case FIXED -> "[" + type.length() + "]";
                case BOUNDED -> "[<=" + type.length() + "]";
                default -> "[]";
            };
            return type.element().displayName() + bound;
        }

        private static String shown(JsonNode node) {
            String s = node.toString();
            return s.length() > 40 ? s.substring(0, 37) + "..." : s;
        }
    }

    /** A value does not fit its field; the walk's path names the field. */
    private static final class EncodeFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EncodeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
