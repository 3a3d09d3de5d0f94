package org.hcert.telemetry.mapping;

import java.util.Set;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * The roles a recorded topic can play, named as in the robot profile's {@code topics} section and
 * the signal dictionary of docs/catalogue.md, with the message types each role accepts.
 */
public enum Role {
    JOINTS("joints", true, RosJsonDecoder.JOINT_STATE),
    IMU("imu", true, RosJsonDecoder.IMU),
    ODOMETRY("odometry", true, RosJsonDecoder.ODOMETRY),
    WRENCHES("wrenches", true, RosJsonDecoder.WRENCH_STAMPED),
    SAFETY_STATE("safety_state", false, RosJsonDecoder.SAFETY_STATE),
    EVENTS("events", false, RosJsonDecoder.EVENT),
    BATTERY("battery", true, RosJsonDecoder.BATTERY_STATE),
    /** One topic carries many sensors, each named by its frame_id. */
    TEMPERATURES("temperatures", false, RosJsonDecoder.TEMPERATURE);

    private final String key;
    private final boolean framePublisher;
    @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
    private final Set<String> types;

    Role(String key, boolean framePublisher, String... types) {
        this.key = key;
        this.framePublisher = framePublisher;
        this.types = Set.of(types);
    }

    /** The key used for this role in robot profiles, e.g. {@code safety_state}. */
    public String key() {
        return key;
    }

    /**
     * Whether a message's {@code header.frame_id} tells its publisher apart: one publisher of
     * this role keeps one frame, so two frames on a topic are two publishers (and the robot profile
     * may choose one by its frame). False where the message has no header in hcert's definitions
     * (safety state, events) and where the frame names the sensor (temperatures: many sensors on
     * one topic).
     */
    public boolean framePublisher() {
        return framePublisher;
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
