package org.hcert.telemetry.mapping;

import java.util.Set;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * The roles a recorded topic can play, named as in the robot profile's {@code topics} section and
 * the signal dictionary of docs/catalogue.md, with the message types each role accepts.
 */
public enum Role {
    JOINTS("joints", RosJsonDecoder.JOINT_STATE),
    IMU("imu", RosJsonDecoder.IMU),
    ODOMETRY("odometry", RosJsonDecoder.ODOMETRY),
    WRENCHES("wrenches", RosJsonDecoder.WRENCH_STAMPED),
    SAFETY_STATE("safety_state", RosJsonDecoder.SAFETY_STATE),
    EVENTS("events", RosJsonDecoder.EVENT),
    BATTERY("battery", RosJsonDecoder.BATTERY_STATE),
    TEMPERATURES("temperatures", RosJsonDecoder.TEMPERATURE);

    private final String key;
    @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
    private final Set<String> types;

    Role(String key, String... types) {
        this.key = key;
        this.types = Set.of(types);
    }

    /** The key used for this role in robot profiles, e.g. {@code safety_state}. */
    public String key() {
        return key;
    }

    /** Message types accepted for this role. */
    public Set<String> types() {
        return types;
    }

    /** Find a role by its profile key. */
    public static java.util.Optional<Role> byKey(String key) {
        for (Role r : values()) {
            if (r.key.equals(key)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
