package org.hcert.simulator;

/**
 * One joint's true state and drive. The rigid-body model is I·q̈ = τ − b·q̇ − G·sin q + τ_ext.
 * With power on, a PD servo with gravity compensation, τ = K_p·(r − q) − K_d·q̇ + G·sin q,
 * follows the reference r of a {@link Ramp}; K_p = I·ω², K_d + b = 2·I·ω (critically damped,
 * critically damped, so q̇ never exceeds the reference's speed); τ is clamped to ±τ_max and the drive never
 * lets |q̇| exceed the velocity limit. With power off, a holding brake of up to
 * {@link #BRAKE_SHARE}·τ_max stops and holds the joint. Mechanical end stops sit
 * {@link #HARD_STOP_MARGIN_RAD} beyond the soft limits. Integration is semi-implicit Euler.
 */
final class Joint {

    /** Servo bandwidth ω, rad/s. */
    static final double SERVO_RAD_S = 40;
    /** Brake torque as a share of the drive's torque limit. */
    static final double BRAKE_SHARE = 0.6;
    static final double HARD_STOP_MARGIN_RAD = 0.15;

    final JointDescription spec;
    final Ramp ramp;
    private double q;
    private double qd;
    private double effort;
    private double externalTorque;
    final Thermal thermal = new Thermal();

    Joint(JointDescription spec) {
        this.spec = spec;
        this.q = spec.standRad();
        this.ramp = new Ramp(q);
    }

    /** Advance by dt with the servo on, never letting |q̇| exceed the joint's velocity limit. */
    void servo(double dt) {
        servo(dt, spec.maxVelocityRadS());
    }

    /** Advance by dt with the servo on, never letting |q̇| exceed {@code velocityLimitRadS}. */
    void servo(double dt, double velocityLimitRadS) {
        double inertia = spec.inertiaKgM2();
        double kp = inertia * SERVO_RAD_S * SERVO_RAD_S;
        double kd = Math.max(0, 2 * inertia * SERVO_RAD_S - spec.dampingNmS());
        double torque = clampTorque(kp * (ramp.position() - q) - kd * qd + gravity(), spec.maxTorqueNm());
        double next = qd + dt * acceleration(torque);
        if (Math.abs(next) > velocityLimitRadS) {
            double wanted = Math.signum(next) * velocityLimitRadS;
            torque = clampTorque(torque + inertia * (wanted - next) / dt, spec.maxTorqueNm());
        }
        effort = torque;
        integrate(dt, torque);
    }

    /** Advance by dt with the power off: the brake stops the joint as fast as its torque allows. */
    void braked(double dt) {
        double stopping = -spec.inertiaKgM2() * qd / dt + spec.dampingNmS() * qd + gravity() - externalTorque;
        double brake = clampTorque(stopping, BRAKE_SHARE * spec.maxTorqueNm());
        effort = 0;
        integrate(dt, brake);
    }

    private void integrate(double dt, double torque) {
        qd += dt * acceleration(torque);
        q += dt * qd;
        double low = spec.lowerRad() - HARD_STOP_MARGIN_RAD;
        double high = spec.upperRad() + HARD_STOP_MARGIN_RAD;
        if (q < low || q > high) {
            q = Math.max(low, Math.min(high, q));
            qd = 0;
        }
        thermal.step(dt, effort, spec.maxTorqueNm());
    }

    private double acceleration(double torque) {
        return (torque - spec.dampingNmS() * qd - gravity() + externalTorque) / spec.inertiaKgM2();
    }

    private double gravity() {
        return spec.gravityNm() * StrictMath.sin(q);
    }

    private static double clampTorque(double torque, double limit) {
        return Math.max(-limit, Math.min(limit, torque));
    }

    /** Set the torque the environment applies (contact), N·m, until changed. */
    void externalTorque(double torqueNm) {
        externalTorque = torqueNm;
    }

    /** Bring the reference to the true position at rest, before the servo takes over again. */
    void syncReference() {
        ramp.reset(q);
    }

    double position() {
        return q;
    }

    double velocity() {
        return qd;
    }

    /** Torque the drive applies, N·m (0 with power off). */
    double effort() {
        return effort;
    }

    /** Mechanical power the drive delivers, W (absolute value: regeneration is not recovered). */
    double mechanicalPowerW() {
        return Math.abs(effort * qd);
    }
}
