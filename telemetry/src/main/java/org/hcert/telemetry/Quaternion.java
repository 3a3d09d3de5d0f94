package org.hcert.telemetry;

/**
 * A rotation as a unit quaternion (x, y, z, w), rotating body-frame vectors into the world frame,
 * with the world z axis pointing up (ROS REP 103).
 */
public record Quaternion(double x, double y, double z, double w) {

    public static final Quaternion IDENTITY = new Quaternion(0, 0, 0, 1);

    /**
     * Compute the tilt of the body z axis from the world vertical, in radians, in [0, π].
     *
     * <p>The body z axis expressed in the world frame has z component {@code 1 - 2(x² + y²)} for a
     * unit quaternion; the quaternion is normalised first so that small drift does not matter.
     */
    public double tiltFromVerticalRad() {
        double n2 = x * x + y * y + z * z + w * w;
        if (n2 == 0) {
            return Double.NaN;
        }
        double cos = 1 - 2 * (x * x + y * y) / n2;
        return Math.acos(Math.max(-1, Math.min(1, cos)));
    }

    /** Build the rotation of {@code angleRad} about the unit axis (ax, ay, az). */
    public static Quaternion fromAxisAngle(double ax, double ay, double az, double angleRad) {
        double s = Math.sin(angleRad / 2);
        return new Quaternion(ax * s, ay * s, az * s, Math.cos(angleRad / 2));
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z) && Double.isFinite(w);
    }
}
