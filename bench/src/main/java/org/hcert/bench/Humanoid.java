package org.hcert.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The bench humanoid "HB-40": 40 joints (legs 2×6, waist 3, neck 3, arms 2×7, hands 2×4), a
 * nominal pelvis height of 0.92 m and a declared stopping time of 600 ms, as in
 * {@code bench/robot-40dof.yaml}.
 */
final class Humanoid {

    /** Pelvis height while standing, m. */
    static final double PELVIS_HEIGHT_M = 0.92;

    /** Base speed while walking, m/s. */
    static final double WALKING_SPEED_MS = 0.6;

    /** Strides per second (two steps each). */
    static final double STRIDE_HZ = 0.9;

    static final List<Joint> JOINTS = joints();

    private Humanoid() {}

    private static List<Joint> joints() {
        List<Joint> j = new ArrayList<>(40);
        for (String side : new String[] {"left", "right"}) {
            double p = side.equals("left") ? 0 : 0.5;
            j.add(new Joint(side + "_hip_yaw_joint", -0.5, 0.5, 0, 0.03, p, 0));
            j.add(new Joint(side + "_hip_roll_joint", -0.4, 0.4, 0, 0.05, p + 0.25, 0));
            j.add(new Joint(side + "_hip_pitch_joint", -1.2, 1.2, 0.25, 0.35, p, 9.9));
            j.add(new Joint(side + "_knee_joint", 0, 2.2, 0.5, 0.35, p + 0.25, 28.8));
            j.add(new Joint(side + "_ankle_pitch_joint", -0.8, 0.6, -0.25, 0.2, p + 0.5, -12.4));
            j.add(new Joint(side + "_ankle_roll_joint", -0.3, 0.3, 0, 0.05, p + 0.75, 0));
        }
        j.add(new Joint("waist_yaw_joint", -1.0, 1.0, 0, 0.05, 0.5, 0));
        j.add(new Joint("waist_pitch_joint", -0.5, 0.5, 0, 0.03, 0, 2.0));
        j.add(new Joint("waist_roll_joint", -0.4, 0.4, 0, 0.03, 0.25, 0));
        j.add(new Joint("neck_yaw_joint", -1.2, 1.2, 0, 0.02, 0, 0));
        j.add(new Joint("neck_pitch_joint", -0.6, 0.6, 0, 0.02, 0.5, 0.4));
        j.add(new Joint("neck_roll_joint", -0.4, 0.4, 0, 0.01, 0.25, 0));
        for (String side : new String[] {"left", "right"}) {
            double p = side.equals("left") ? 0.5 : 0;
            double sign = side.equals("left") ? 1 : -1;
            j.add(new Joint(side + "_shoulder_pitch_joint", -2.5, 2.5, 0, 0.3, p, 0));
            j.add(new Joint(side + "_shoulder_roll_joint", -1.5, 1.5, sign * 0.12, 0.03, p + 0.25, sign * 0.7));
            j.add(new Joint(side + "_shoulder_yaw_joint", -1.5, 1.5, 0, 0.02, p, 0));
            j.add(new Joint(side + "_elbow_joint", 0, 2.4, 0.35, 0.15, p + 0.1, 1.0));
            j.add(new Joint(side + "_wrist_yaw_joint", -1.5, 1.5, 0, 0.01, p, 0));
            j.add(new Joint(side + "_wrist_pitch_joint", -1.0, 1.0, 0, 0.01, p + 0.25, 0));
            j.add(new Joint(side + "_wrist_roll_joint", -1.0, 1.0, 0, 0.01, p + 0.5, 0));
        }
        for (String side : new String[] {"left", "right"}) {
            j.add(new Joint(side + "_thumb_yaw_joint", 0, 1.5, 0.3, 0, 0, 0.05));
            j.add(new Joint(side + "_thumb_pitch_joint", 0, 1.2, 0.2, 0, 0, 0.05));
            j.add(new Joint(side + "_index_joint", 0, 1.6, 0.2, 0, 0, 0.05));
            j.add(new Joint(side + "_middle_joint", 0, 1.6, 0.2, 0, 0, 0.05));
        }
        return List.copyOf(j);
    }
}
