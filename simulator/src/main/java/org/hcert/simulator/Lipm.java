package org.hcert.simulator;

/**
 * Linear inverted pendulum along one horizontal axis: a point mass at constant height z_c on a
 * massless leg, c̈ = ω²·(c − p) with ω = √(g/z_c) and p the zero-moment point (ZMP). For a
 * constant p over a step the solution is exact: c(t) = p + (c₀ − p)·cosh(ωt) + (ċ₀/ω)·sinh(ωt).
 * Positions in m along the walking path, velocities in m/s.
 */
final class Lipm {

    static final double GRAVITY_M_S2 = 9.81;

    private final double omega;
    private double position;
    private double velocity;
    private double acceleration;

    Lipm(double heightM, double position) {
        this.omega = Math.sqrt(GRAVITY_M_S2 / heightM);
        this.position = position;
    }

    /** Advance by dt (s) with the ZMP held at p (m). */
    void advance(double dt, double zmp) {
        double ch = StrictMath.cosh(omega * dt);
        double sh = StrictMath.sinh(omega * dt);
        double offset = position - zmp;
        double v = offset * omega * sh + velocity * ch;
        position = zmp + offset * ch + velocity / omega * sh;
        acceleration = (v - velocity) / dt;
        velocity = v;
    }

    /** Set the state, e.g. after an inelastic landing. */
    void set(double positionM, double velocityMs) {
        position = positionM;
        velocity = velocityMs;
        acceleration = 0;
    }

    /** The instantaneous capture point (divergent component of motion) ξ = c + ċ/ω, m. */
    double capturePoint() {
        return position + velocity / omega;
    }

    /** The natural frequency ω = √(g/z_c), 1/s. */
    double omega() {
        return omega;
    }

    double position() {
        return position;
    }

    double velocity() {
        return velocity;
    }

    /** Mean acceleration over the last step, m/s². */
    double acceleration() {
        return acceleration;
    }
}
