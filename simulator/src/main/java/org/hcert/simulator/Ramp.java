package org.hcert.simulator;

/**
 * A reference that moves towards its target with bounded speed and acceleration, braking so that
 * it arrives at rest (the time-optimal law v = sign(e)·min(vmax, √(2·a·|e|))). Units of the
 * joint it drives: rad, rad/s, rad/s².
 */
final class Ramp {

    private double position;
    private double rate;
    private double target;

    Ramp(double position) {
        reset(position);
    }

    /** Jump to rest at {@code p}: used when the drives come back on. */
    void reset(double p) {
        position = p;
        target = p;
        rate = 0;
    }

    void target(double t) {
        target = t;
    }

    /** Move reference and target by {@code delta} (rad), keeping the rate. */
    void shift(double delta) {
        position += delta;
        target += delta;
    }

    /** Brake to rest with deceleration {@code decel}: the target becomes the stopping point. */
    void halt(double decel) {
        target = position + rate * Math.abs(rate) / (2 * decel);
    }

    /** Advance by dt (s) with speed limit vmax and acceleration limit amax. */
    void step(double dt, double vmax, double amax) {
        double error = target - position;
        double wanted = Math.signum(error) * Math.min(vmax, Math.sqrt(2 * amax * Math.abs(error)));
        double change = Math.max(-amax * dt, Math.min(amax * dt, wanted - rate));
        rate = Math.max(-vmax, Math.min(vmax, rate + change));
        position += rate * dt;
        if (Math.abs(target - position) < 1e-9 && Math.abs(rate) < amax * dt) {
            position = target;
            rate = 0;
        }
    }

    double position() {
        return position;
    }

    double rate() {
        return rate;
    }

    double target() {
        return target;
    }
}
