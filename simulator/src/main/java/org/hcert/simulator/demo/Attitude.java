package org.hcert.simulator.demo;

import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Vector3;

/**
 * Orientation of the trunk as Z-Y-X Euler angles (rad), R = Rz(yaw)·Ry(pitch)·Rx(roll), rotating
 * body vectors into the world frame (z up), each angle with its rate and acceleration.
 */
record Attitude(Kin roll, Kin pitch, Kin yaw) {

    /** The rotation world ← body as a unit quaternion. */
    Quaternion quaternion() {
        double cr = StrictMath.cos(roll.p() / 2);
        double sr = StrictMath.sin(roll.p() / 2);
        double cp = StrictMath.cos(pitch.p() / 2);
        double sp = StrictMath.sin(pitch.p() / 2);
        double cy = StrictMath.cos(yaw.p() / 2);
        double sy = StrictMath.sin(yaw.p() / 2);
        return new Quaternion(sr * cp * cy - cr * sp * sy, cr * sp * cy + sr * cp * sy,
                cr * cp * sy - sr * sp * cy, cr * cp * cy + sr * sp * sy);
    }

    /** Angular velocity in the body frame, rad/s, from the Euler angle rates. */
    Vector3 bodyRate() {
        double sr = StrictMath.sin(roll.p());
        double cr = StrictMath.cos(roll.p());
        double sp = StrictMath.sin(pitch.p());
        double cp = StrictMath.cos(pitch.p());
        return new Vector3(roll.v() - yaw.v() * sp, pitch.v() * cr + yaw.v() * cp * sr,
                -pitch.v() * sr + yaw.v() * cp * cr);
    }

    /** Express a world-frame vector in the body frame: Rᵀ·w. */
    Vector3 toBody(Vector3 w) {
        double cy = StrictMath.cos(yaw.p());
        double sy = StrictMath.sin(yaw.p());
        double x1 = cy * w.x() + sy * w.y();
        double y1 = -sy * w.x() + cy * w.y();
        double cp = StrictMath.cos(pitch.p());
        double sp = StrictMath.sin(pitch.p());
        double x2 = cp * x1 - sp * w.z();
        double z2 = sp * x1 + cp * w.z();
        double cr = StrictMath.cos(roll.p());
        double sr = StrictMath.sin(roll.p());
        return new Vector3(x2, cr * y1 + sr * z2, -sr * y1 + cr * z2);
    }

    /** Angle between the body z axis and the world vertical, rad. */
    double tiltRad() {
        return StrictMath.acos(StrictMath.cos(roll.p()) * StrictMath.cos(pitch.p()));
    }
}
