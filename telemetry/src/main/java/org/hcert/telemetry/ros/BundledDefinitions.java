package org.hcert.telemetry.ros;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hcert.telemetry.SchemaInfo;

/**
 * The ROS 2 definitions of the message types hcert reads, bundled as resources under
 * {@code ros-definitions/} (copies of the public ROS 2 interfaces, plus hcert's own
 * {@code SafetyState} and {@code Event}).
 */
public final class BundledDefinitions {

    /** The top-level types whose definitions are bundled, as {@code pkg/msg/Type}. */
    public static final List<String> TYPES = List.of(
            RosJsonDecoder.JOINT_STATE, RosJsonDecoder.IMU, RosJsonDecoder.ODOMETRY, RosJsonDecoder.WRENCH_STAMPED,
            RosJsonDecoder.BATTERY_STATE, RosJsonDecoder.TEMPERATURE, RosJsonDecoder.SAFETY_STATE, RosJsonDecoder.EVENT);

    private static final List<String> FILES = List.of(
            "builtin_interfaces/Time", "std_msgs/Header", "geometry_msgs/Point", "geometry_msgs/Pose",
            "geometry_msgs/PoseWithCovariance", "geometry_msgs/Quaternion", "geometry_msgs/Twist",
            "geometry_msgs/TwistWithCovariance", "geometry_msgs/Vector3", "geometry_msgs/Wrench",
            "geometry_msgs/WrenchStamped", "sensor_msgs/BatteryState", "sensor_msgs/Imu", "sensor_msgs/JointState",
            "sensor_msgs/Temperature", "nav_msgs/Odometry", "hcert/SafetyState", "hcert/Event");

    private static final RosDefinitions CATALOG = RosDefinitions.of(load());
    private static final Map<String, Optional<SchemaInfo>> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<MessageType>> MESSAGE_TYPES = new ConcurrentHashMap<>();

    private BundledDefinitions() {}

    /**
     * The ros2msg schema of {@code type} ({@code pkg/msg/Type} or {@code pkg/Type}) with all its
     * dependencies, as rosbag2 writes it; empty when no definition of it is bundled.
     */
    public static Optional<SchemaInfo> schema(String type) {
        Objects.requireNonNull(type, "type must not be null");
        String normalised = RosJsonDecoder.normalise(type);
        if (!TYPES.contains(normalised)) {
            return Optional.empty();
        }
        return SCHEMAS.computeIfAbsent(normalised, CATALOG::schema);
    }

    /**
     * The primitive type ({@code float64}, {@code string}, …) of the field reached from the
     * bundled {@code type} through {@code fieldNames} (array indices left out: {@code pose, pose,
     * position, x}); empty when no definition of {@code type} is bundled or the path does not end
     * at a primitive field.
     */
    public static Optional<String> primitiveAt(String type, List<String> fieldNames) {
        Optional<MessageType> message = messageType(type);
        for (int i = 0; i < fieldNames.size() && message.isPresent(); i++) {
            String name = fieldNames.get(i);
            Optional<ElementType> element = message.get().fields().stream().filter(f -> f.name().equals(name))
                    .map(f -> f.type().element()).findFirst();
            if (element.isEmpty()) {
                return Optional.empty();
            }
            if (i == fieldNames.size() - 1) {
                return element.filter(Primitive.class::isInstance).map(ElementType::displayName);
            }
            message = element.filter(MessageType.class::isInstance).map(MessageType.class::cast);
        }
        return Optional.empty();
    }

    /** The resolved definition of {@code type}, empty when none is bundled. */
    static Optional<MessageType> messageType(String type) {
        return MESSAGE_TYPES.computeIfAbsent(RosJsonDecoder.normalise(type), t -> schema(t).map(s ->
                DefinitionParser.parse(s.name(), new String(s.data(), StandardCharsets.UTF_8), Dialect.ROS2)));
    }

    private static Map<String, String> load() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String type : FILES) {
            String resource = "/ros-definitions/" + type.replace("/", "/msg/") + ".msg";
            try (InputStream in = BundledDefinitions.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled definition %s is missing from the jar".formatted(resource));
                }
                texts.put(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled definition " + resource, e);
            }
        }
        return texts;
    }
}
