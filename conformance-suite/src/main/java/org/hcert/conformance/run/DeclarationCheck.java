package org.hcert.conformance.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;

/**
 * What the telemetry shows that the robot's declaration does not say, or says otherwise: a
 * capability it uses without declaring it (e-stop events, walking, arm motion, a model loaded), a joint it reports
 * that the profile lacks, a declared joint that never reports. A clause that does not apply because
 * of a missing capability was not checked; while such a contradiction is open, a run cannot be
 * CONFORMANT.
 */
final class DeclarationCheck implements OnePass.Observer {

    /** Base speed from which the robot counts as walking, m/s: {@value}. */
    static final double WALKING_SPEED_MS = 0.2;
    /** How long the base must keep that speed, ns: {@value}. */
    static final long WALKING_FOR_NS = 500_000_000L;
    /** Joint speed from which an arm joint counts as moving, rad/s: {@value}. */
    static final double ARM_MOTION_RADS = 0.1;

    private final RobotProfile robot;
    private final Set<String> declared = new LinkedHashSet<>();
    private final Set<String> reported = new LinkedHashSet<>();
    private final Map<String, String> capabilitiesSeen = new LinkedHashMap<>();
    private long walkingSinceNs = Long.MIN_VALUE;
    private List<String> lastNames = List.of();
    private boolean[] lastArms = new boolean[0];

    DeclarationCheck(RobotProfile robot) {
        this.robot = robot;
        robot.joints().stream().map(DeclaredJoint::name).forEach(declared::add);
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.JOINTS, Role.ODOMETRY, Role.SAFETY_STATE, Role.EVENTS);
    }

    @Override
    public void accept(Sample s) {
        // the evidence of a capability is written once, when first seen: a protective stop held for
        // seconds at 100 Hz formatted thousands of instants that putIfAbsent then dropped
        if (s instanceof JointStateSample j) {
            boolean[] arm = arms(j.names());
            if (!capabilitiesSeen.containsKey("arms") && j.hasVelocity()) {
                for (int i = 0; i < arm.length; i++) {
                    if (arm[i] && Math.abs(j.velocityRadS(i)) >= ARM_MOTION_RADS) {
                        capabilitiesSeen.put("arms", "arm joint %s moves at %s rad/s at %s".formatted(j.names().get(i),
                                Quantity.format(Math.abs(j.velocityRadS(i))), instant(j.tNs())));
                        break;
                    }
                }
            }
        } else if (s instanceof OdometrySample o) {
            if (o.linearVelocityMs().norm() >= WALKING_SPEED_MS) {
                if (walkingSinceNs == Long.MIN_VALUE) {
                    walkingSinceNs = o.tNs();
                } else if (o.tNs() - walkingSinceNs >= WALKING_FOR_NS && !capabilitiesSeen.containsKey("walking")) {
                    capabilitiesSeen.putIfAbsent("walking", "the base moves at %s m/s or more for %s s from %s".formatted(
                            Quantity.format(WALKING_SPEED_MS), Quantity.format(WALKING_FOR_NS / 1e9), instant(walkingSinceNs)));
                }
            } else {
                walkingSinceNs = Long.MIN_VALUE;
            }
        } else if (s instanceof EventSample e && EventSample.ESTOP_PRESSED.equals(e.kind())) {
            capabilitiesSeen.computeIfAbsent("emergency-stop", k -> "an estop_pressed event at " + instant(e.tNs()));
        } else if (s instanceof SafetyStateSample st && st.protectiveStop()) {
            capabilitiesSeen.computeIfAbsent("protective-stop", k -> "the safety state's protective-stop input at " + instant(st.tNs()));
        } else if (s instanceof EventSample e && "protective_stop".equals(e.kind())) {
            capabilitiesSeen.computeIfAbsent("protective-stop", k -> "a protective_stop event at " + instant(e.tNs()));
        } else if (s instanceof EventSample e && "model_loaded".equals(e.kind())) {
            capabilitiesSeen.computeIfAbsent("ai-models", k -> "a model_loaded event at " + instant(e.tNs()));
        }
    }

    /**
     * Which of {@code names} are arm joints; each new list of names is noted as reported. The last
     * list is remembered, so a stream that repeats its names (the same list from the CDR decoder, or
     * an equal one) costs one comparison per message.
     */
    private boolean[] arms(List<String> names) {
        if (names == lastNames || names.equals(lastNames)) {
            lastNames = names;
            return lastArms;
        }
        boolean[] arm = new boolean[names.size()];
        for (int i = 0; i < arm.length; i++) {
            reported.add(names.get(i));
            arm[i] = isArm(names.get(i));
        }
        lastNames = names;
        lastArms = arm;
        return arm;
    }

    private static boolean isArm(String joint) {
        String n = joint.toLowerCase(Locale.ROOT);
        return n.contains("shoulder") || n.contains("elbow") || n.contains("wrist");
    }

    private static String instant(long ns) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }

    /** The contradictions, one sentence each; empty when the telemetry and the declaration agree. */
    List<String> contradictions(boolean telemetrySeen) {
        List<String> out = new ArrayList<>();
        capabilitiesSeen.forEach((capability, evidence) -> {
            if (!robot.capabilities().contains(capability)) {
                out.add(("the telemetry shows the capability %s (%s), but robot profile %s does not declare it: the clauses "
                        + "it brings were not checked").formatted(capability, evidence, robot.file().path()));
            }
        });
        for (String joint : reported) {
            if (!declared.contains(joint)) {
                out.add("the telemetry reports joint %s, which robot profile %s does not declare: its limits are unknown"
                        .formatted(joint, robot.file().path()));
            }
        }
        if (telemetrySeen && !reported.isEmpty()) {
            for (String joint : declared) {
                if (!reported.contains(joint)) {
                    out.add("declared joint %s never reports in the telemetry".formatted(joint));
                }
            }
        }
        return out;
    }
}
