package org.hcert.simulator;

/**
 * A fall: the body, rigid (braked joints) or pivoting on a limp ankle, rotates about a support
 * edge as a point mass on a rigid leg of length r, θ̈ = (g/r)·sin θ, θ from the vertical and
 * positive forward. RK4 at a quarter of the step. Once the pelvis is {@link #GROUND_CONTACT_M}
 * above the ground, the ground stops the rotation with time constant {@link #IMPACT_TAU_S}. If the
 * body swings back over its edge instead, {@link #rockedBack()} turns true.
 */
final class Topple {

    static final double GROUND_CONTACT_M = 0.15;
    static final double IMPACT_TAU_S = 0.012;

    private final double edge;
    private final double direction;
    private final double radius;
    private final double theta0;
    private double theta;
    private double rate;
    private boolean grounded;
    private boolean rockedBack;

    /**
     * Start from CoM at {@code com} (m along the path) and height h, moving at {@code velocity}
     * (m/s), about the front ({@code direction} +1) or rear (-1) edge of the support.
     */
    Topple(double edge, double direction, double com, double heightM, double velocity) {
        this.edge = edge;
        this.direction = direction;
        this.radius = StrictMath.hypot(com - edge, heightM);
        this.theta0 = StrictMath.atan2(com - edge, heightM);
        this.theta = theta0;
        this.rate = velocity * StrictMath.cos(theta0) / radius;
    }

    void step(double dt) {
        if (grounded) {
            rate *= StrictMath.exp(-dt / IMPACT_TAU_S);
            theta += rate * dt;
            return;
        }
        int n = 4;
        for (int i = 0; i < n; i++) {
            rk4(dt / n);
        }
        grounded = height() <= GROUND_CONTACT_M;
        rockedBack = direction * rate < 0 && direction * theta <= direction * theta0;
    }

    private void rk4(double h) {
        double k1v = accel(theta);
        double k2v = accel(theta + h / 2 * rate);
        double k3v = accel(theta + h / 2 * (rate + h / 2 * k1v));
        double k4v = accel(theta + h * (rate + h / 2 * k2v));
        theta += h * rate + h * h / 6 * (k1v + k2v + k3v);
        rate += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
    }

    private double accel(double th) {
        return Lipm.GRAVITY_M_S2 / radius * StrictMath.sin(th);
    }

    /** CoM position along the path, m. */
    double position() {
        return edge + radius * StrictMath.sin(theta);
    }

    /** CoM velocity along the path, m/s. */
    double velocity() {
        return radius * rate * StrictMath.cos(theta);
    }

    /** CoM (pelvis) height, m. */
    double height() {
        return radius * StrictMath.cos(theta);
    }

    /** Vertical CoM velocity, m/s. */
    double verticalVelocity() {
        return -radius * rate * StrictMath.sin(theta);
    }

    /** Rotation of the body since the start of the fall, rad (positive forward). */
    double pitch() {
        return theta - theta0;
    }

    double pitchRate() {
        return rate;
    }

    boolean rockedBack() {
        return rockedBack;
    }

    boolean grounded() {
        return grounded;
    }
}
