package org.hcert.conformance.family;

import java.util.List;
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
        List<KinematicFrame.Link> chain = frame.chain();
        int n = (int) chain.stream().filter(l -> !l.joint().isEmpty()).count();
        double[] positionRad = new double[n];
        double[] velocityRadS = new double[n];
        int k = 0;
        for (KinematicFrame.Link link : chain) {
            if (!link.joint().isEmpty()) {
                positionRad[k] = joints.positionRad(link.joint());
                velocityRadS[k] = joints.velocityRadS(link.joint());
                k++;
            }
        }
        return of(frame, positionRad, velocityRadS);
    }

    /**
     * The frame's state with the values of the chain's joint links, in the chain's order (a joint
     * that two links share has a value per link).
     */
    static State of(KinematicFrame frame, double[] positionRad, double[] velocityRadS) {
        // It runs at every joint state of a 1 kHz recording, per frame: flat scratch arrays, no
        // matrix allocated per link.
        double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] scratch = new double[9];
        double[] turn = new double[9];
        double px = 0;
        double py = 0;
        double pz = 0;
        int n = frame.chain().size();
        double[] axes = new double[3 * n];
        double[] origins = new double[3 * n];
        double[] rates = new double[n];
        int k = 0;
        for (KinematicFrame.Link link : frame.chain()) {
            Vector3 t = link.xyzM();
            px += r[0] * t.x() + r[1] * t.y() + r[2] * t.z();
            py += r[3] * t.x() + r[4] * t.y() + r[5] * t.z();
            pz += r[6] * t.x() + r[7] * t.y() + r[8] * t.z();
            Vector3 rpy = link.rpyRad();
            if (rpy.x() != 0 || rpy.y() != 0 || rpy.z() != 0) {
                multiply(r, rpy(rpy), scratch);
                double[] swap = r;
                r = scratch;
                scratch = swap;
            }
            if (!link.joint().isEmpty()) {
                Vector3 u = link.axis();
                axes[3 * k] = r[0] * u.x() + r[1] * u.y() + r[2] * u.z();
                axes[3 * k + 1] = r[3] * u.x() + r[4] * u.y() + r[5] * u.z();
                axes[3 * k + 2] = r[6] * u.x() + r[7] * u.y() + r[8] * u.z();
                origins[3 * k] = px;
                origins[3 * k + 1] = py;
                origins[3 * k + 2] = pz;
                rates[k] = velocityRadS[k];
                rotation(u, positionRad[k], turn);
                k++;
                multiply(r, turn, scratch);
                double[] swap = r;
                r = scratch;
                scratch = swap;
            }
        }
        double vx = 0;
        double vy = 0;
        double vz = 0;
        for (int i = 0; i < k; i++) {
            double ax = axes[3 * i];
            double ay = axes[3 * i + 1];
            double az = axes[3 * i + 2];
            double dx = px - origins[3 * i];
            double dy = py - origins[3 * i + 1];
            double dz = pz - origins[3 * i + 2];
            vx += rates[i] * (ay * dz - az * dy);
            vy += rates[i] * (az * dx - ax * dz);
            vz += rates[i] * (ax * dy - ay * dx);
        }
        return new State(new Vector3(px, py, pz), new Vector3(vx, vy, vz));
    }

    /** c = a·b for row-major 3×3 matrices; {@code c} is neither {@code a} nor {@code b}. */
    private static void multiply(double[] a, double[] b, double[] c) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        multiply(a, b, c);
        return c;
    }

    private static double[] rotation(Vector3 u, double angle) {
        double[] m = new double[9];
        rotation(u, angle, m);
        return m;
    }

    /** Rotation by {@code angle} about the unit vector {@code u} (Rodrigues), into {@code m}. */
    private static void rotation(Vector3 u, double angle, double[] m) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        double t = 1 - c;
        double x = u.x();
        double y = u.y();
        double z = u.z();
        m[0] = c + t * x * x;
        m[1] = t * x * y - s * z;
        m[2] = t * x * z + s * y;
        m[3] = t * x * y + s * z;
        m[4] = c + t * y * y;
        m[5] = t * y * z - s * x;
        m[6] = t * x * z - s * y;
        m[7] = t * y * z + s * x;
        m[8] = c + t * z * z;
    }

    /** Rz(yaw)·Ry(pitch)·Rx(roll), URDF's fixed-axis roll-pitch-yaw. */
    private static double[] rpy(Vector3 rpy) {
        double[] rz = rotation(new Vector3(0, 0, 1), rpy.z());
        double[] ry = rotation(new Vector3(0, 1, 0), rpy.y());
        double[] rx = rotation(new Vector3(1, 0, 0), rpy.x());
        return multiply(multiply(rz, ry), rx);
    }
}
