package org.hcert.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * HC-1's numbers. Names, limits, the 8 rad/s velocity limit, the pelvis height and the declared
 * stopping time are those of {@code profiles/robots/hc1-demo.yaml} (D); torques, inertias, gravity
 * loads, friction, masses, the feet and the arms are simulator parameters (plausible for a 1.7 m,
 * 60 kg biped, not measured on any robot).
 */
final class Hc1 {

    static final double VELOCITY_LIMIT_RAD_S = 8.0;

    private Hc1() {}

    static RobotDescription description() {
        return new RobotDescription("HC-1 virtual humanoid", "HC1-DEMO-0001", joints(), 0.92, 60.0, 600,
                new RobotDescription.Foot(0.08, 0.16), new RobotDescription.Arm(0.45, 0.20, 0.30, 0.30, 0.9),
                new RobotDescription.Limits(1.0, 1.0, 0.25, 0.2, 50.0, 40.0));
    }

    private static List<JointDescription> joints() {
        List<JointDescription> out = new ArrayList<>();
        pair(out, joint("left_hip_yaw", -0.5, 0.5, 120, 0, 0.05, 5, 0.5), true);
        pair(out, joint("left_hip_roll", -0.4, 0.4, 200, 0, 0.6, 60, 1.0), true);
        pair(out, joint("left_hip_pitch", -1.2, 1.2, 220, 0.25, 0.8, 40, 1.5), false);
        pair(out, joint("left_knee", 0.0, 2.2, 250, 0.5, 0.5, 60, 1.5), false);
        pair(out, joint("left_ankle_pitch", -0.8, 0.6, 150, -0.25, 0.2, 50, 1.0), false);
        pair(out, joint("left_ankle_roll", -0.3, 0.3, 100, 0, 0.1, 30, 0.8), true);
        out.add(joint("torso_yaw", -1.0, 1.0, 120, 0, 0.9, 2, 1.0));
        pair(out, joint("left_shoulder_pitch", -2.5, 2.5, 80, 0, 0.15, 8, 0.3), false);
        pair(out, joint("left_shoulder_roll", -1.5, 1.5, 80, 0.12, 0.12, 6, 0.3), true);
        pair(out, joint("left_elbow", 0.0, 2.4, 50, 0.35, 0.05, 3, 0.2), false);
        out.add(joint("neck_yaw", -1.2, 1.2, 10, 0, 0.02, 0.5, 0.1));
        return List.copyOf(out);
    }

    private static JointDescription joint(String name, double lower, double upper, double torque, double stand,
            double inertia, double gravity, double damping) {
        return new JointDescription(name, lower, upper, VELOCITY_LIMIT_RAD_S, torque, stand, inertia, gravity,
                damping);
    }

    /** Add a left joint and its right twin; roll and yaw joints mirror their limits and posture. */
    private static void pair(List<JointDescription> out, JointDescription left, boolean mirrored) {
        out.add(left);
        double m = mirrored ? -1 : 1;
        out.add(new JointDescription(left.name().replace("left_", "right_"),
                mirrored ? -left.upperRad() : left.lowerRad(), mirrored ? -left.lowerRad() : left.upperRad(),
                left.maxVelocityRadS(), left.maxTorqueNm(), m * left.standRad(), left.inertiaKgM2(),
                left.gravityNm(), left.dampingNmS()));
    }
}
