package org.hcert.conformance.family;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * What a family may know of the robot under test, from its profile.
 *
 * @param profile the robot profile's file, for messages
 * @param joints the declared joints, in declaration order
 * @param declared the declared specification values, e.g. {@code nominalPelvisHeight}
 * @param topics which recorded topics play which role
 * @param kinematics the named frames and their joint chains, from the profile's {@code kinematics} section; empty when it has none
 */
public record RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics,
        List<KinematicFrame> kinematics) {

    public RobotFacts {
        Objects.requireNonNull(profile, "profile must not be null");
        joints = List.copyOf(joints);
        declared = Map.copyOf(declared);
        Objects.requireNonNull(topics, "topics must not be null");
        kinematics = List.copyOf(kinematics);
    }

    /** A robot without a kinematic description. */
    public RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics) {
        this(profile, joints, declared, topics, List.of());
    }

    public Optional<Quantity> declaredValue(String key) {
        return Optional.ofNullable(declared.get(key));
    }
}
