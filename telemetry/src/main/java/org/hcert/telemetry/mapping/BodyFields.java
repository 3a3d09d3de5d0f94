package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.telemetry.JsonBodies;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * How the fields of a message of any type feed a role other than the joints: for each input of the
 * role's own message type ({@link #targets(Role)}: {@code angular_velocity.x} of an IMU,
 * {@code estop} of the safety state…), the {@link FieldSource} it is read from. The sample is the
 * role's message built from those inputs and decoded as that type, so it obeys the same rules.
 *
 * <p>Nothing is invented: a numeric input the profile does not map, or whose field a message lacks,
 * is "not measured" (NaN), which no metric counts as evidence; inputs without such a value (the
 * safety state's flags and mode, an event's kind) must be mapped. A message that has none of the
 * mapped fields gives no sample (a shared message or a table row that does not report this role
 * this time); one that has some but lacks a flag or text, holds a second value where one is
 * expected, or a value of the wrong kind is an error naming the message and the field.
 * A flag may be read from {@code true}/{@code false} or from the numbers 0 and 1; a text from a
 * string or a number (a vendor's mode code).
 *
 * @param role the role the mapped topic plays (not the joints)
 * @param sources the source of each mapped input, by target path
 */
public record BodyFields(Role role, Map<String, FieldSource> sources) implements FieldMapping {

    /** What kind of value an input takes. */
    public enum Kind { NUMBER, FLAG, TEXT }

    /**
     * One input of a role's message type.
     *
     * @param path the field's path in the role's message type, e.g. {@code wrench.force.z}
     * @param kind the kind of value
     * @param siUnits the SI units of the dimensions the field may have (its scale converts to them), empty for flags and texts
     * @param required whether the profile must map it (no value stands for "not measured")
     */
    public record Target(String path, Kind kind, List<String> siUnits, boolean required) {
        public Target {
            siUnits = List.copyOf(siUnits);
        }
    }

    private static final Map<Role, List<Target>> TARGETS = targetsByRole();

    public BodyFields {
        Objects.requireNonNull(role, "role must not be null");
        if (role == Role.JOINTS) {
            throw new IllegalArgumentException("the joints are mapped by JointFields");
        }
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        for (String path : sources.keySet()) {
            if (target(role, path).isEmpty()) {
                throw new IllegalArgumentException("%s is not an input of role %s".formatted(path, role.key()));
            }
        }
        for (Target t : targets(role)) {
            if (t.required() && !sources.containsKey(t.path())) {
                throw new IllegalArgumentException("role %s needs %s mapped".formatted(role.key(), t.path()));
            }
        }
    }

    /** The inputs of {@code role}'s message type a profile may map (none for the joints, which {@link JointFields} maps). */
    public static List<Target> targets(Role role) {
        return TARGETS.getOrDefault(role, List.of());
    }

    /** The input of {@code role} at {@code path}, if there is one. */
    public static Optional<Target> target(Role role, String path) {
        return targets(role).stream().filter(t -> t.path().equals(path)).findFirst();
    }

    @Override
    public @Nullable Sample sampleOf(Message m) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        boolean any = false;
        for (FieldSource source : sources.values()) {
            if (source.constant() == null && !source.select(m.body()).isEmpty()) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        for (Target t : targets(role)) {
            FieldSource source = sources.get(t.path());
            if (source == null) {
                if (t.kind() == Kind.NUMBER) {
                    put(body, t.path(), f.nullNode());
                }
                continue;
            }
            List<JsonNode> values = source.select(m.body());
            if (values.isEmpty() && t.kind() == Kind.NUMBER) {
                put(body, t.path(), f.nullNode());
                continue;
            }
            if (values.isEmpty()) {
                throw new TelemetryFormatException(m.origin(), "field %s (%s %s) is missing".formatted(source.describe(), role.key(), t.path()));
            }
            if (values.size() > 1) {
                throw new TelemetryFormatException(m.origin(), "field %s (%s %s) holds %d values, expected one"
                        .formatted(source.describe(), role.key(), t.path(), values.size()));
            }
            JsonNode v = values.get(0);
            put(body, t.path(), switch (t.kind()) {
                case NUMBER -> f.numberNode(number(m, source, v, role.key() + " " + t.path()));
                case FLAG -> f.booleanNode(flag(m, source, v, t.path()));
                case TEXT -> f.textNode(text(m, source, v, t.path()));
            });
        }
        String type = role.types().iterator().next();
        return RosJsonDecoder.decode(new Message(m.logTimeNs(), m.topic(), type, body, m.origin())).orElseThrow();
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        JsonBodies.put(body, List.of(path.split("\\.", -1)), value);
    }

    /** {@code v} scaled to SI; JSON null (and a NaN or empty cell) is NaN, not measured. */
    static double number(Message m, FieldSource source, JsonNode v, String what) {
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new TelemetryFormatException(m.origin(), "field %s (%s) is not a number: %s".formatted(source.describe(), what, v));
        }
        return v.doubleValue() * source.scale();
    }

    private static boolean flag(Message m, FieldSource source, JsonNode v, String what) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && (v.longValue() == 0 || v.longValue() == 1)) {
            return v.longValue() == 1;
        }
        if (v.isNumber() && (v.doubleValue() == 0 || v.doubleValue() == 1)) {
            return v.doubleValue() == 1;
        }
        throw new TelemetryFormatException(m.origin(), "field %s (%s) must be true, false, 0 or 1, got %s"
                .formatted(source.describe(), what, v));
    }

    private static String text(Message m, FieldSource source, JsonNode v, String what) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new TelemetryFormatException(m.origin(), "field %s (%s) must be text or a number, got %s"
                .formatted(source.describe(), what, v));
    }

    private static Map<Role, List<Target>> targetsByRole() {
        Map<Role, List<Target>> m = new EnumMap<>(Role.class);
        List<Target> imu = new ArrayList<>();
        quaternion(imu, "orientation");
        vector(imu, "angular_velocity", "rad/s");
        vector(imu, "linear_acceleration", "m/s2");
        m.put(Role.IMU, List.copyOf(imu));
        List<Target> odometry = new ArrayList<>();
        vector(odometry, "pose.pose.position", "m");
        quaternion(odometry, "pose.pose.orientation");
        vector(odometry, "twist.twist.linear", "m/s");
        vector(odometry, "twist.twist.angular", "rad/s");
        m.put(Role.ODOMETRY, List.copyOf(odometry));
        List<Target> wrench = new ArrayList<>();
        wrench.add(new Target("header.frame_id", Kind.TEXT, List.of(), false));
        vector(wrench, "wrench.force", "N");
        vector(wrench, "wrench.torque", "N·m");
        m.put(Role.WRENCHES, List.copyOf(wrench));
        m.put(Role.BATTERY, List.of(number("voltage", "V"), number("current", "A"), number("percentage", "ratio"),
                number("temperature", "degC")));
        m.put(Role.TEMPERATURES, List.of(new Target("header.frame_id", Kind.TEXT, List.of(), false),
                new Target("temperature", Kind.NUMBER, List.of("degC"), true)));
        m.put(Role.SAFETY_STATE, List.of(new Target("mode", Kind.TEXT, List.of(), true), new Target("estop", Kind.FLAG, List.of(), true),
                new Target("protective_stop", Kind.FLAG, List.of(), true), new Target("drive_enabled", Kind.FLAG, List.of(), true)));
        m.put(Role.EVENTS, List.of(new Target("kind", Kind.TEXT, List.of(), true), new Target("detail", Kind.TEXT, List.of(), false)));
        return m;
    }

    private static Target number(String path, String siUnit) {
        return new Target(path, Kind.NUMBER, List.of(siUnit), false);
    }

    private static void vector(List<Target> into, String prefix, String siUnit) {
        for (String axis : List.of("x", "y", "z")) {
            into.add(number(prefix + "." + axis, siUnit));
        }
    }

    private static void quaternion(List<Target> into, String prefix) {
        for (String axis : List.of("x", "y", "z", "w")) {
            into.add(number(prefix + "." + axis, "ratio"));
        }
    }
}
