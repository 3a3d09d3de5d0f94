package org.hcert.telemetry.ros;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.WrenchSample;

/**
 * Decode message bodies in the JSON shape of their ROS 2 definitions into typed samples.
 *
 * <p>Field names are those of the {@code .msg} files. A floating-point field written as JSON
 * {@code null} is read as NaN (JSON has no NaN); metrics treat NaN as missing evidence. Every
 * decoding error names the message's origin and the field path.
 */
public final class RosJsonDecoder {

    public static final String JOINT_STATE = "sensor_msgs/msg/JointState";
    public static final String IMU = "sensor_msgs/msg/Imu";
    public static final String ODOMETRY = "nav_msgs/msg/Odometry";
    public static final String WRENCH_STAMPED = "geometry_msgs/msg/WrenchStamped";
    public static final String BATTERY_STATE = "sensor_msgs/msg/BatteryState";
    public static final String TEMPERATURE = "sensor_msgs/msg/Temperature";
    public static final String SAFETY_STATE = "hcert/msg/SafetyState";
    public static final String EVENT = "hcert/msg/Event";

    private static final Map<String, BiFunction<Message, Fields, Sample>> DECODERS = Map.of(
            JOINT_STATE, RosJsonDecoder::jointState,
            IMU, RosJsonDecoder::imu,
            ODOMETRY, RosJsonDecoder::odometry,
            WRENCH_STAMPED, RosJsonDecoder::wrench,
            BATTERY_STATE, RosJsonDecoder::battery,
            TEMPERATURE, RosJsonDecoder::temperature,
            SAFETY_STATE, RosJsonDecoder::safetyState,
            EVENT, RosJsonDecoder::event);

    private RosJsonDecoder() {}

    /** Whether {@code type} is one of the message types this decoder knows. */
    public static boolean supports(String type) {
        return DECODERS.containsKey(normalise(type));
    }

    /**
     * Decode one message, or return empty when its type is not one hcert reads.
     *
     * @throws TelemetryFormatException when a field is missing or has the wrong JSON type
     */
    public static Optional<Sample> decode(Message message) {
        BiFunction<Message, Fields, Sample> decoder = DECODERS.get(normalise(message.type()));
        if (decoder == null) {
            return Optional.empty();
        }
        return Optional.of(decoder.apply(message, new Fields(message)));
    }

    /** Accept the ROS 1 spelling {@code pkg/Type} as well as ROS 2's {@code pkg/msg/Type}. */
    public static String normalise(String type) {
        int slash = type.indexOf('/');
        if (slash > 0 && type.indexOf('/', slash + 1) < 0) {
            return type.substring(0, slash) + "/msg" + type.substring(slash);
        }
        return type;
    }

    private static Sample jointState(Message m, Fields f) {
        List<String> names = f.strings("name");
        try {
            return new JointStateSample(
                    m.logTimeNs(), m.topic(), names, f.doubles("position"), f.optionalDoubles("velocity"),
                    f.optionalDoubles("effort"));
        } catch (IllegalArgumentException e) {
            // an array that does not match the names (ROS allows it empty, never shorter or longer)
            throw new TelemetryFormatException(m.origin(), "%s (sensor_msgs/msg/JointState): %s".formatted(m.topic(), e.getMessage()));
        }
    }

    private static Sample imu(Message m, Fields f) {
        return new ImuSample(m.logTimeNs(), m.topic(), f.quaternion("orientation"),
                f.vector("angular_velocity"), f.vector("linear_acceleration"));
    }

    private static Sample odometry(Message m, Fields f) {
        return new OdometrySample(m.logTimeNs(), m.topic(), f.vector("pose.pose.position"),
                f.quaternion("pose.pose.orientation"), f.vector("twist.twist.linear"), f.vector("twist.twist.angular"));
    }

    private static Sample wrench(Message m, Fields f) {
        return new WrenchSample(m.logTimeNs(), m.topic(), f.optionalString("header.frame_id"),
                f.vector("wrench.force"), f.vector("wrench.torque"));
    }

    private static Sample battery(Message m, Fields f) {
        return new BatterySample(m.logTimeNs(), m.topic(), f.number("voltage"), f.number("current"),
                f.optionalNumber("percentage"), f.optionalNumber("temperature"));
    }

    private static Sample temperature(Message m, Fields f) {
        return new TemperatureSample(m.logTimeNs(), m.topic(), f.optionalString("header.frame_id"),
                f.number("temperature"));
    }

    private static Sample safetyState(Message m, Fields f) {
        return new SafetyStateSample(m.logTimeNs(), m.topic(), f.string("mode"), f.bool("estop"),
                f.bool("protective_stop"), f.bool("drive_enabled"));
    }

    private static Sample event(Message m, Fields f) {
        return new EventSample(m.logTimeNs(), m.topic(), f.string("kind"), f.optionalString("detail"));
    }

    /** Typed access to the fields of one message body, with errors that name origin and path. */
    private static final class Fields {

        private final Message message;

        Fields(Message message) {
            this.message = message;
        }

        private JsonNode at(String path) {
            JsonNode node = message.body();
            for (String part : path.split("\\.", -1)) {
                node = node.path(part);
            }
            return node;
        }

        private TelemetryFormatException error(String path, String expected, JsonNode got) {
            String found = got.isMissingNode() ? "it is missing" : "got " + got;
            return new TelemetryFormatException(message.origin(),
                    "%s field \"%s\" must be %s, %s".formatted(message.type(), path, expected, found));
        }

        double number(String path) {
            JsonNode n = at(path);
            if (n.isNull()) {
                return Double.NaN;
            }
            if (!n.isNumber()) {
                throw error(path, "a number", n);
            }
            return n.doubleValue();
        }

        double optionalNumber(String path) {
            return at(path).isMissingNode() ? Double.NaN : number(path);
        }

        boolean bool(String path) {
            JsonNode n = at(path);
            if (!n.isBoolean()) {
                throw error(path, "true or false", n);
            }
            return n.booleanValue();
        }

        String string(String path) {
            JsonNode n = at(path);
            if (!n.isTextual()) {
                throw error(path, "a string", n);
            }
            return n.textValue();
        }

        String optionalString(String path) {
            return at(path).isMissingNode() ? "" : string(path);
        }

        List<String> strings(String path) {
            JsonNode n = at(path);
            if (!n.isArray()) {
                throw error(path, "an array of strings", n);
            }
            List<String> out = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                if (!e.isTextual()) {
                    throw error(path + "[" + i + "]", "a string", e);
                }
                out.add(e.textValue());
            }
            return out;
        }

        double[] doubles(String path) {
            JsonNode n = at(path);
            if (!n.isArray()) {
                throw error(path, "an array of numbers", n);
            }
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = n.get(i);
                if (e.isNull()) {
                    out[i] = Double.NaN;
                } else if (e.isNumber()) {
                    out[i] = e.doubleValue();
                } else {
                    throw error(path + "[" + i + "]", "a number", e);
                }
            }
            return out;
        }

        double[] optionalDoubles(String path) {
            return at(path).isMissingNode() ? new double[0] : doubles(path);
        }

        Vector3 vector(String path) {
            return new Vector3(number(path + ".x"), number(path + ".y"), number(path + ".z"));
        }

        Quaternion quaternion(String path) {
            return new Quaternion(number(path + ".x"), number(path + ".y"), number(path + ".z"), number(path + ".w"));
        }
    }
}
