package org.hcert.simulator;

import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Vector3;

/**
 * Trunk orientation as Z-Y-X Euler angles (rad), R = Rz(yaw)·Ry(pitch)·Rx(roll), rotating body
 * vectors into the world frame (z up).
 */
record Attitude(double roll, double pitch, double yaw) {

    static final Attitude LEVEL = new Attitude(0, 0, 0);

    Quaternion quaternion() {
        double cr = StrictMath.cos(roll / 2);
        double sr = StrictMath.sin(roll / 2);
        double cp = StrictMath.cos(pitch / 2);
        double sp = StrictMath.sin(pitch / 2);
        double cy = StrictMath.cos(yaw / 2);
        double sy = StrictMath.sin(yaw / 2);
        return new Quaternion(sr * cp * cy - cr * sp * sy, cr * sp * cy + sr * cp * sy,
                cr * cp * sy - sr * sp * cy, cr * cp * cy + sr * sp * sy);
    }

    /** Angular velocity in the body frame, rad/s, from the previous attitude dt seconds ago. */
    Vector3 bodyRate(Attitude previous, double dt) {
        double dr = (roll - previous.roll) / dt;
        double dp = (pitch - previous.pitch) / dt;
        double dy = (yaw - previous.yaw) / dt;
        double sr = StrictMath.sin(roll);
        double cr = StrictMath.cos(roll);
        double sp = StrictMath.sin(pitch);
        double cp = StrictMath.cos(pitch);
        return new Vector3(dr - dy * sp, dp * cr + dy * cp * sr, -dp * sr + dy * cp * cr);
    }

    /** Express a world-frame vector in the body frame: Rᵀ·w. */
    Vector3 toBody(Vector3 w) {
        double cy = StrictMath.cos(yaw);
        double sy = StrictMath.sin(yaw);
        double x1 = cy * w.x() + sy * w.y();
        double y1 = -sy * w.x() + cy * w.y();
        double cp = StrictMath.cos(pitch);
        double sp = StrictMath.sin(pitch);
        double x2 = cp * x1 - sp * w.z();
        double z2 = sp * x1 + cp * w.z();
        double cr = StrictMath.cos(roll);
        double sr = StrictMath.sin(roll);
        return new Vector3(x2, cr * y1 + sr * z2, -sr * y1 + cr * z2);
    }

    /** Angle between the body z axis and the world vertical, rad. */
    double tiltRad() {
        return StrictMath.acos(Math.max(-1, Math.min(1, StrictMath.cos(roll) * StrictMath.cos(pitch))));
    }
}
