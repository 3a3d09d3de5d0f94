package org.hcert.simulator;

import org.hcert.telemetry.Vector3;

/**
 * Kinematics of one arm in the pelvis frame (x forward, y left, z up, m). The chain is torso yaw
 * (about z), shoulder pitch (positive raises the arm forward), shoulder roll (about x, positive
 * towards +y) and elbow (positive bends the forearm forward); the hand is the forearm's tip:
 * hand = Rz(ψ)·(S + Ry(−q₁)·Rx(q₂)·((0, 0, −L₁) + Ry(−q₃)·(0, 0, −L₂))), S the shoulder.
 */
final class ArmKinematics {

    private final RobotDescription.Arm arm;
    private final double side;

    /** {@code side} +1 for the left arm, -1 for the right. */
    ArmKinematics(RobotDescription.Arm arm, Side side) {
        this.arm = arm;
        this.side = side == Side.LEFT ? 1 : -1;
    }

    /** Hand position for joint angles {torso yaw, shoulder pitch, shoulder roll, elbow}, m. */
    Vector3 hand(double[] q) {
        double ax = arm.forearmM() * StrictMath.sin(q[3]);
        double az = -arm.upperArmM() - arm.forearmM() * StrictMath.cos(q[3]);
        double by = -StrictMath.sin(q[2]) * az;
        double bz = StrictMath.cos(q[2]) * az;
        double px = ax * StrictMath.cos(q[1]) - bz * StrictMath.sin(q[1]);
        double py = by + side * arm.shoulderOffsetM();
        double pz = ax * StrictMath.sin(q[1]) + bz * StrictMath.cos(q[1]) + arm.shoulderHeightM();
        double cy = StrictMath.cos(q[0]);
        double sy = StrictMath.sin(q[0]);
        return new Vector3(cy * px - sy * py, sy * px + cy * py, pz);
    }

    /** ∂hand_x/∂q_i for the four chain joints (numerical, central differences), m/rad. */
    double[] forwardGradient(double[] q) {
        double[] g = new double[q.length];
        double h = 1e-6;
        for (int i = 0; i < q.length; i++) {
            double[] plus = q.clone();
            double[] minus = q.clone();
            plus[i] += h;
            minus[i] -= h;
            g[i] = (hand(plus).x() - hand(minus).x()) / (2 * h);
        }
        return g;
    }

    /**
     * Shoulder pitch and elbow that put the hand {@code forwardM} ahead of and {@code upM} above the
     * shoulder, with the roll at 0 (two-link inverse kinematics, elbow bent forward); an unreachable
     * point gives the nearest reachable pose. Returns {pitch, elbow} in rad.
     */
    double[] reach(double forwardM, double upM) {
        double l1 = arm.upperArmM();
        double l2 = arm.forearmM();
        double cos = (forwardM * forwardM + upM * upM - l1 * l1 - l2 * l2) / (2 * l1 * l2);
        double elbow = StrictMath.acos(Math.max(-1, Math.min(1, cos)));
        double pitch = StrictMath.atan2(forwardM, -upM) - StrictMath.atan2(l2 * StrictMath.sin(elbow), l1 + l2 * StrictMath.cos(elbow));
        return new double[] {pitch, elbow};
    }

    /**
     * Bound on the hand speed per unit joint speed, m/rad: the sum of the four joints' lever arms.
     * Capping every chain joint at v/bound keeps the hand below v relative to the pelvis.
     */
    double leverSum() {
        double reach = arm.upperArmM() + arm.forearmM();
        return (arm.shoulderOffsetM() + reach) + reach + reach + arm.forearmM();
    }

    /** Rotation angle of the forearm about the pitch axis (with roll 0), rad: the wrist sensor frame. */
    static double forearmPitch(double[] q) {
        return q[1] + q[3];
    }
}
