package org.hcert.simulator.recording;

import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Vector3;

/** Quaternion arithmetic for checking recorded orientations (unit quaternions, x, y, z, w). */
final class Rotations {

    private Rotations() {}

    static Quaternion multiply(Quaternion a, Quaternion b) {
        return new Quaternion(
                a.w() * b.x() + a.x() * b.w() + a.y() * b.z() - a.z() * b.y(),
                a.w() * b.y() - a.x() * b.z() + a.y() * b.w() + a.z() * b.x(),
                a.w() * b.z() + a.x() * b.y() - a.y() * b.x() + a.z() * b.w(),
                a.w() * b.w() - a.x() * b.x() - a.y() * b.y() - a.z() * b.z());
    }

    static Quaternion conjugate(Quaternion q) {
        return new Quaternion(-q.x(), -q.y(), -q.z(), q.w());
    }

    /** Rotate a body vector into the world frame: q·v·q*. */
    static Vector3 rotate(Quaternion q, Vector3 v) {
        Quaternion r = multiply(multiply(q, new Quaternion(v.x(), v.y(), v.z(), 0)), conjugate(q));
        return new Vector3(r.x(), r.y(), r.z());
    }

    /** Mean body-frame angular velocity (rad/s) that turns {@code from} into {@code to} in dtS seconds. */
    static Vector3 bodyRate(Quaternion from, Quaternion to, double dtS) {
        Quaternion d = multiply(conjugate(from), to);
        double sign = d.w() < 0 ? -1 : 1;
        double s = Math.sqrt(d.x() * d.x() + d.y() * d.y() + d.z() * d.z());
        double angle = 2 * Math.atan2(s, Math.abs(d.w()));
        double k = s == 0 ? 0 : sign * angle / (s * dtS);
        return new Vector3(d.x() * k, d.y() * k, d.z() * k);
    }

    static Vector3 minus(Vector3 a, Vector3 b) {
        return new Vector3(a.x() - b.x(), a.y() - b.y(), a.z() - b.z());
    }

    static Vector3 mean(Vector3 a, Vector3 b) {
        return new Vector3((a.x() + b.x()) / 2, (a.y() + b.y()) / 2, (a.z() + b.z()) / 2);
    }
}
