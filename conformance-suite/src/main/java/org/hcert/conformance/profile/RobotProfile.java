package org.hcert.conformance.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A robot as its manufacturer declares it.
 *
 * @param file where the profile came from
 * @param identity manufacturer, model, serial number and firmware
 * @param robotClass the class that selects limits, e.g. {@code full-size-biped}
 * @param capabilities declared capabilities that decide which clauses apply
 * @param declared declared specification values, e.g. {@code stopTime}
 * @param joints joints with their soft limits, in radians
 * @param topics which recorded topics play which role
 * @param robotClassLine the line of {@code robotClass} in the file, for error messages
 */
public record RobotProfile(
        ProfileFile file,
        Identity identity,
        String robotClass,
        Set<String> capabilities,
        Map<String, Quantity> declared,
        List<JointSpec> joints,
        SignalMapping topics,
        int robotClassLine) {

    /** Manufacturer, model, serial number and firmware version. */
    public record Identity(String manufacturer, String model, String serial, String firmware) {}

    /** One joint's declared soft limits in radians, and its velocity limit in rad/s (NaN when not declared). */
    public record JointSpec(String name, double lowerRad, double upperRad, double maxVelocityRadS) {}

    public RobotProfile {
        capabilities = Set.copyOf(capabilities);
        declared = Map.copyOf(declared);
        joints = List.copyOf(joints);
    }

    public Optional<Quantity> declaredValue(String key) {
        return Optional.ofNullable(declared.get(key));
    }
}
