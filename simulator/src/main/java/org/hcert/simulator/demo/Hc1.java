package org.hcert.simulator.demo;

import java.util.ArrayList;
import java.util.List;

/** The demo robot HC-1: a full-size biped with 20 joints. Angles in rad, lengths in m. */
final class Hc1 {

    static final String MODEL = "HC-1";
    /** Pelvis height when standing, m. */
    static final double NOMINAL_PELVIS_HEIGHT_M = 0.92;
    /** Joint velocity limit, rad/s. */
    static final double VELOCITY_LIMIT_RAD_S = 8.0;
    /** Declared stopping time for an emergency stop, ms. */
    static final int DECLARED_STOPPING_TIME_MS = 600;

    static final List<JointSpec> JOINTS = joints();

    private static final double PI = StrictMath.PI;

    private Hc1() {}

    private static List<JointSpec> joints() {
        List<JointSpec> out = new ArrayList<>();
        pair(out, leg("left_hip_yaw", 0.5, 0, 0, GaitTerm.of(0, 0.04, 0, 0, 0), 5, 0.05, 0.5), true);
        pair(out, leg("left_hip_roll", 0.4, 0, 0, GaitTerm.of(0, 0.05, 0, 0, 0), 60, 0.6, 1.0), true);
        pair(out, new JointSpec("left_hip_pitch", -1.2, 1.2, 0.25, 0.75,
                GaitTerm.of(0, 0.35, PI / 2, 0, 0), 40, 0.8, 1.5), false);
        pair(out, new JointSpec("left_knee", 0.0, 2.2, 0.5, 1.4,
                GaitTerm.of(0.30, 0.30, 0.9 * PI, 0.06, 0), 60, 0.5, 1.5), false);
        pair(out, new JointSpec("left_ankle_pitch", -0.8, 0.6, -0.25, 0.05,
                GaitTerm.of(0, 0.18, 0.3, 0, 0), 50, 0.2, 1.0), false);
        pair(out, leg("left_ankle_roll", 0.3, 0, 0, GaitTerm.of(0, 0.04, PI, 0, 0), 30, 0.1, 0.8), true);
        out.add(new JointSpec("torso_yaw", -1.0, 1.0, 0, 0, GaitTerm.of(0, 0.06, 0, 0, 0), 2, 0.9, 1.0));
        pair(out, new JointSpec("left_shoulder_pitch", -2.5, 2.5, 0, -0.6,
                GaitTerm.of(0, 0.30, -PI / 2, 0, 0), 8, 0.15, 0.3), false);
        pair(out, new JointSpec("left_shoulder_roll", -1.5, 1.5, 0.12, 0.3,
                GaitTerm.of(0, 0, 0, 0.02, 0), 6, 0.12, 0.3), true);
        pair(out, new JointSpec("left_elbow", 0.0, 2.4, 0.35, 0.2,
                GaitTerm.of(0, 0.12, -PI / 2, 0, 0), 3, 0.05, 0.2), false);
        out.add(new JointSpec("neck_yaw", -1.2, 1.2, 0, 0, GaitTerm.of(0, 0.05, PI, 0, 0), 0.5, 0.02, 0.1));
        return List.copyOf(out);
    }

    private static JointSpec leg(String name, double limit, double stand, double limp, GaitTerm gait,
            double gravity, double inertia, double damping) {
        return new JointSpec(name, -limit, limit, stand, limp, gait, gravity, inertia, damping);
    }

    private static void pair(List<JointSpec> out, JointSpec left, boolean mirrored) {
        out.add(left);
        out.add(left.rightTwin(mirrored));
    }

    /** Index of the joint named {@code name} in {@link #JOINTS}. */
    static int index(String name) {
        for (int i = 0; i < JOINTS.size(); i++) {
            if (JOINTS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("HC-1 has no joint named " + name);
    }
}
