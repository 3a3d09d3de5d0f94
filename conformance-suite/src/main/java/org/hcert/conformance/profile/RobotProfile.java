package org.hcert.conformance.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.adapters.foxglove.CommandRoutes;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.family.KinematicFrame;
import org.hcert.conformance.family.RobotDeclaration;
import org.hcert.conformance.family.DeclaredStream;
import org.hcert.conformance.family.DeclaredSurface;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A robot as its manufacturer declares it.
 *
 * @param file where the profile came from
 * @param identity manufacturer, model, serial number and firmware
 * @param robotClass the class that selects limits, e.g. {@code full-size-biped}
 * @param capabilities declared capabilities that decide which clauses apply
 * @param declared declared specification values, e.g. {@code stopTime}
 * @param declaredLines the line of each declared value in the file, for error messages: by key
 *     ({@code stopTime}), and for values a joint or stream declares by {@link #lineKey}
 * @param joints joints with their soft limits, in radians
 * @param topics which recorded topics play which role
 * @param robotClassLine the line of {@code robotClass} in the file, for error messages
 * @param draftMarkerLine the line of {@code draft: true} when the profile is an unreviewed draft of
 *     {@code hcert profile init}, else 0
 * @param declaration the declaration manifest ({@code declaration:}); {@link RobotDeclaration#NONE} when the profile has none
 * @param streams telemetry streams with their declared rates and data ages ({@code streams:})
 * @param surfaces surfaces people can touch, with their temperature frames ({@code surfaces:})
 * @param kinematics the named frames (hands, tools, points on links) and their joint chains from the
 *     base, from the {@code kinematics} section; empty when the profile has none
 * @param commands how hcert's commands reach the robot over a Foxglove WebSocket server, from the
 *     {@code commands} section; {@link CommandRoutes#none()} when the profile has none
 */
public record RobotProfile(
        ProfileFile file,
        Identity identity,
        String robotClass,
        Set<String> capabilities,
        Map<String, Quantity> declared,
        Map<String, Integer> declaredLines,
        List<DeclaredJoint> joints,
        SignalMapping topics,
        int robotClassLine,
        int draftMarkerLine,
        RobotDeclaration declaration,
        List<DeclaredStream> streams,
        List<DeclaredSurface> surfaces,
        List<KinematicFrame> kinematics,
        CommandRoutes commands) {

    /** Manufacturer, model, serial number and firmware version. */
    public record Identity(String manufacturer, String model, String serial, String firmware) {}

    public RobotProfile {
        capabilities = Set.copyOf(capabilities);
        declared = Map.copyOf(declared);
        declaredLines = Map.copyOf(declaredLines);
        joints = List.copyOf(joints);
        java.util.Objects.requireNonNull(declaration, "declaration must not be null");
        streams = List.copyOf(streams);
        surfaces = List.copyOf(surfaces);
        kinematics = List.copyOf(kinematics);
        java.util.Objects.requireNonNull(commands, "commands must not be null");
    }

    /** A robot profile without a declaration manifest, streams, surfaces or kinematics. */
    public RobotProfile(ProfileFile file, Identity identity, String robotClass, Set<String> capabilities,
            Map<String, Quantity> declared, Map<String, Integer> declaredLines, List<DeclaredJoint> joints,
            SignalMapping topics, int robotClassLine, int draftMarkerLine) {
        this(file, identity, robotClass, capabilities, declared, declaredLines, joints, topics, robotClassLine,
                draftMarkerLine, RobotDeclaration.NONE, List.of(), List.of(), List.of(), CommandRoutes.none());
    }

    /** The key of {@link #declaredLines} for value {@code key} of {@code subject} ({@code joint} or {@code stream}) {@code name}. */
    public static String lineKey(String subject, String name, String key) {
        return "%ss[%s].%s".formatted(subject, name, key);
    }

    /** The line of the draft marker, when the profile is an unreviewed draft. */
    public Optional<Integer> draftLine() {
        return draftMarkerLine > 0 ? Optional.of(draftMarkerLine) : Optional.empty();
    }

    public Optional<Quantity> declaredValue(String key) {
        return Optional.ofNullable(declared.get(key));
    }
}
