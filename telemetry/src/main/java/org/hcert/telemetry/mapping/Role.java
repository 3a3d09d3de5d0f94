package org.hcert.telemetry.mapping;

import java.util.Set;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.WrenchSample;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * The roles a recorded topic can play, named as in the robot profile's {@code topics} section and
 * the signal dictionary of docs/catalogue.md, with the message types each role accepts.
 */
public enum Role {
    JOINTS("joints", true, JointStateSample.class, RosJsonDecoder.JOINT_STATE),
    IMU("imu", true, ImuSample.class, RosJsonDecoder.IMU),
    ODOMETRY("odometry", true, OdometrySample.class, RosJsonDecoder.ODOMETRY),
    WRENCHES("wrenches", true, WrenchSample.class, RosJsonDecoder.WRENCH_STAMPED),
    SAFETY_STATE("safety_state", false, SafetyStateSample.class, RosJsonDecoder.SAFETY_STATE),
    EVENTS("events", false, EventSample.class, RosJsonDecoder.EVENT),
    BATTERY("battery", true, BatterySample.class, RosJsonDecoder.BATTERY_STATE),
    /** One topic carries many sensors, each named by its frame_id. */
    TEMPERATURES("temperatures", false, TemperatureSample.class, RosJsonDecoder.TEMPERATURE);

    /** The roles, once: {@code values()} copies its array at every call, and {@link #of} is called per sample. */
    private static final Role[] ALL = values();

    private final String key;
    private final boolean framePublisher;
    @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
    private final Set<String> types;

    private final Class<? extends Sample> sampleType;

    Role(String key, boolean framePublisher, Class<? extends Sample> sampleType, String... types) {
        this.key = key;
        this.sampleType = sampleType;
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

    /** The role whose samples are of {@code sample}'s kind: a joint state is the joints', a wrench the wrenches'. */
    public static Role of(Sample sample) {
        for (Role r : ALL) {
            if (r.sampleType.isInstance(sample)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no role has samples of " + sample.getClass().getSimpleName());
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
