package org.hcert.conformance.family;

import org.hcert.telemetry.Vector3;

/**
 * Forward kinematics of a {@link KinematicFrame}'s chain: the frame's position in the base frame
 * and its velocity relative to the base, v = Σ q̇ᵢ·(aᵢ × (p − oᵢ)) (J·q̇, with aᵢ the unit axis
 * and oᵢ a point on the axis of joint i, both in the base frame). A NaN joint value gives NaN.
 */
final class ForwardKinematics {

    /** The joint values the chain is evaluated at. */
    interface Joints {
        /** Position of {@code joint}, rad. */
        double positionRad(String joint);

        /** Velocity of {@code joint}, rad/s. */
        double velocityRadS(String joint);
    }

    /**
     * Where a frame is and how fast it moves, relative to the base.
     *
     * @param positionM position in the base frame, m
     * @param velocityMps velocity relative to the base, in the base frame's axes, m/s
     */
    record State(Vector3 positionM, Vector3 velocityMps) {}

    private ForwardKinematics() {}

    static State of(KinematicFrame frame, Joints joints) {
        double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] p = new double[3];
        int n = frame.chain().size();
        double[][] axes = new double[n][];
        double[][] origins = new double[n][];
        double[] rates = new double[n];
        int k = 0;
        for (KinematicFrame.Link link : frame.chain()) {
            double[] t = apply(r, link.xyzM());
            for (int i = 0; i < 3; i++) {
                p[i] += t[i];
            }
            r = multiply(r, rpy(link.rpyRad()));
            if (!link.joint().isEmpty()) {
                axes[k] = apply(r, link.axis());
                origins[k] = p.clone();
                rates[k] = joints.velocityRadS(link.joint());
                k++;
                r = multiply(r, rotation(link.axis(), joints.positionRad(link.joint())));
            }
        }
        double vx = 0;
        double vy = 0;
        double vz = 0;
        for (int i = 0; i < k; i++) {
            double[] a = axes[i];
            double dx = p[0] - origins[i][0];
            double dy = p[1] - origins[i][1];
            double dz = p[2] - origins[i][2];
            vx += rates[i] * (a[1] * dz - a[2] * dy);
            vy += rates[i] * (a[2] * dx - a[0] * dz);
            vz += rates[i] * (a[0] * dy - a[1] * dx);
        }
        return new State(new Vector3(p[0], p[1], p[2]), new Vector3(vx, vy, vz));
    }

    /** R·v for a row-major 3×3 matrix. */
    private static double[] apply(double[] r, Vector3 v) {
        return new double[] {
            r[0] * v.x() + r[1] * v.y() + r[2] * v.z(),
            r[3] * v.x() + r[4] * v.y() + r[5] * v.z(),
            r[6] * v.x() + r[7] * v.y() + r[8] * v.z()};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    /** Rotation by {@code angle} about the unit vector {@code u} (Rodrigues). */
    private static double[] rotation(Vector3 u, double angle) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        double t = 1 - c;
        double x = u.x();
        double y = u.y();
        double z = u.z();
        return new double[] {
            c + t * x * x, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, c + t * y * y, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, c + t * z * z};
    }

    /** Rz(yaw)·Ry(pitch)·Rx(roll), URDF's fixed-axis roll-pitch-yaw. */
    private static double[] rpy(Vector3 rpy) {
        double[] rz = rotation(new Vector3(0, 0, 1), rpy.z());
        double[] ry = rotation(new Vector3(0, 1, 0), rpy.y());
        double[] rx = rotation(new Vector3(1, 0, 0), rpy.x());
        return multiply(multiply(rz, ry), rx);
    }
}
