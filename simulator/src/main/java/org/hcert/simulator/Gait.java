package org.hcert.simulator;

import java.util.List;
import java.util.Map;

/**
 * The joint motion of walking: each joint's reference is its standing posture plus s·g(φ), where
 * s is the gait amplitude (walking speed over {@link #NOMINAL_SPEED_MS}) and g a {@link GaitTerm}.
 * The joints are cosmetic for balance: the base's dynamics are those of {@link SagittalBalance}.
 */
final class Gait {

    /** Walking speed at which the gait patterns have their full amplitude, m/s. */
    static final double NOMINAL_SPEED_MS = 0.5;

    private static final double PI = Math.PI;
    private static final Map<String, GaitTerm> LEFT = Map.of(
            "left_hip_yaw", GaitTerm.of(0, 0.04, 0),
            "left_hip_roll", GaitTerm.of(0, 0.05, 0),
            "left_hip_pitch", GaitTerm.of(0, 0.35, PI / 2),
            "left_knee", GaitTerm.of(0.30, 0.30, 0.9 * PI),
            "left_ankle_pitch", GaitTerm.of(0, 0.18, 0.3),
            "left_ankle_roll", GaitTerm.of(0, 0.04, PI),
            "left_shoulder_pitch", GaitTerm.of(0, 0.30, -PI / 2),
            "left_elbow", GaitTerm.of(0, 0.12, -PI / 2));
    private static final Map<String, GaitTerm> CENTRE = Map.of(
            "torso_yaw", GaitTerm.of(0, 0.06, 0),
            "neck_yaw", GaitTerm.of(0, 0.05, PI));
    private static final List<String> MIRRORED = List.of("hip_yaw", "hip_roll", "ankle_roll");

    private final GaitTerm[] terms;

    Gait(List<JointDescription> joints) {
        terms = joints.stream().map(j -> term(j.name())).toArray(GaitTerm[]::new);
    }

    private static GaitTerm term(String name) {
        if (name.startsWith("right_")) {
            String left = name.replace("right_", "left_");
            boolean mirrored = MIRRORED.stream().anyMatch(name::endsWith);
            return LEFT.getOrDefault(left, GaitTerm.NONE).opposite(mirrored);
        }
        return LEFT.getOrDefault(name, CENTRE.getOrDefault(name, GaitTerm.NONE));
    }

    /** Offset of joint i from its standing posture at gait phase φ and amplitude s, rad. */
    double offset(int i, double phase, double amplitude) {
        return amplitude * terms[i].at(phase);
    }
}
