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
 * @param serial the robot's serial number, as its profile's identity gives it (empty when unknown)
 * @param capabilities the capabilities the robot declares
 * @param declaration the robot's declaration manifest ({@link RobotDeclaration#NONE} when the profile has none)
 * @param streams the declared telemetry streams ({@code streams:}), in declaration order
 * @param surfaces the declared touchable surfaces ({@code surfaces:}), in declaration order
 * @param kinematics the named frames and their joint chains, from the profile's {@code kinematics} section; empty when it has none
 */
public record RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics,
        String serial, java.util.Set<String> capabilities, RobotDeclaration declaration,
        List<DeclaredStream> streams, List<DeclaredSurface> surfaces, List<KinematicFrame> kinematics) {

    public RobotFacts {
        Objects.requireNonNull(profile, "profile must not be null");
        joints = List.copyOf(joints);
        declared = Map.copyOf(declared);
        Objects.requireNonNull(topics, "topics must not be null");
        Objects.requireNonNull(serial, "serial must not be null");
        capabilities = java.util.Set.copyOf(capabilities);
        Objects.requireNonNull(declaration, "declaration must not be null");
        streams = List.copyOf(streams);
        surfaces = List.copyOf(surfaces);
        kinematics = List.copyOf(kinematics);
    }

    /** A robot known by its joints, declared values and topics only. */
    public RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics) {
        this(profile, joints, declared, topics, List.of(), List.of());
    }

    /** A robot known by its joints, declared values, topics and kinematic description only. */
    public RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics,
            List<KinematicFrame> kinematics) {
        this(profile, joints, declared, topics, "", java.util.Set.of(), RobotDeclaration.NONE, List.of(), List.of(), kinematics);
    }

    /** A robot known by its joints, declared values, topics, streams and surfaces, without serial, capabilities or declaration manifest. */
    public RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics,
            List<DeclaredStream> streams, List<DeclaredSurface> surfaces) {
        this(profile, joints, declared, topics, "", java.util.Set.of(), RobotDeclaration.NONE, streams, surfaces, List.of());
    }

    /** A robot that declares no streams and no surfaces. */
    public RobotFacts(Path profile, List<DeclaredJoint> joints, Map<String, Quantity> declared, SignalMapping topics,
            String serial, java.util.Set<String> capabilities, RobotDeclaration declaration) {
        this(profile, joints, declared, topics, serial, capabilities, declaration, List.of(), List.of(), List.of());
    }

    public Optional<Quantity> declaredValue(String key) {
        return Optional.ofNullable(declared.get(key));
    }
}
