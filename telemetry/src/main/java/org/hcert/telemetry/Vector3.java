package org.hcert.telemetry;

/** A 3-vector in SI units; the unit and frame are named by the field that holds it. */
public record Vector3(double x, double y, double z) {

    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }
}
