package org.hcert.simulator;

import org.hcert.telemetry.Vector3;

/**
 * The floating base (pelvis): sagittal dynamics from {@link SagittalBalance}; sideways walking and
 * turning are kinematic (speed-limited ramps, decaying when the drives are off); the trunk sways
 * with the gait. Integrates the pelvis pose in the world (odom) frame: x, y, z in m, z up.
 */
final class Base {

    /** Largest sideways acceleration, m/s², and yaw acceleration, rad/s², of a healthy robot. */
    static final double LATERAL_ACCEL_MS2 = 2.0;
    static final double YAW_ACCEL_RAD_S2 = 4.0;
    /** Time constant of sideways and turning motion dying out without drive power, s. */
    static final double PASSIVE_TAU_S = 0.06;
    static final double ROLL_SWAY_RAD = 0.03;
    static final double PITCH_LEAN_RAD = 0.02;

    final SagittalBalance sagittal;
    private double heading;
    private double yawRate;
    private double lateralSpeed;
    private double x;
    private double y;
    private double lastPath;
    private Vector3 velocity = Vector3.ZERO;
    private Vector3 acceleration = Vector3.ZERO;
    private Attitude attitude = Attitude.LEVEL;
    private Vector3 bodyRate = Vector3.ZERO;

    Base(RobotDescription robot) {
        this.sagittal = new SagittalBalance(robot.foot(), robot.nominalPelvisHeightM());
    }

    /**
     * Advance by dt (s) towards the target twist (m/s, m/s, rad/s) with the given rate limits
     * ({@code accel} scales all three), with power on or off and ankles holding or limp; the trunk
     * sways with gait amplitude {@code amplitude}.
     */
    void step(double dt, Command.Walk target, double accel, boolean powered, boolean limpAnkles, double amplitude) {
        sagittal.step(dt, target.vxMs(), accel, powered, limpAnkles);
        boolean moving = powered && sagittal.phase() != SagittalBalance.Phase.TOPPLING;
        lateralSpeed = moving ? toward(lateralSpeed, target.vyMs(), Math.min(accel, LATERAL_ACCEL_MS2) * dt)
                : lateralSpeed * StrictMath.exp(-dt / PASSIVE_TAU_S);
        yawRate = moving ? toward(yawRate, target.yawRateRadS(), Math.min(4 * accel, YAW_ACCEL_RAD_S2) * dt)
                : yawRate * StrictMath.exp(-dt / PASSIVE_TAU_S);
        integrate(dt, amplitude);
    }

    private void integrate(double dt, double amplitude) {
        double path = sagittal.position();
        double ds = path - lastPath;
        lastPath = path;
        double dl = lateralSpeed * dt;
        double c = StrictMath.cos(heading);
        double s = StrictMath.sin(heading);
        x += c * ds - s * dl;
        y += s * ds + c * dl;
        heading += yawRate * dt;
        double along = sagittal.velocity();
        Vector3 v = new Vector3(c * along - s * lateralSpeed, s * along + c * lateralSpeed,
                sagittal.verticalVelocity());
        acceleration = new Vector3((v.x() - velocity.x()) / dt, (v.y() - velocity.y()) / dt,
                (v.z() - velocity.z()) / dt);
        velocity = v;
        double phase = sagittal.gaitPhase();
        Attitude next = new Attitude(ROLL_SWAY_RAD * amplitude * StrictMath.sin(phase),
                PITCH_LEAN_RAD * amplitude + sagittal.fallPitch(), heading);
        bodyRate = next.bodyRate(attitude, dt);
        attitude = next;
    }

    private static double toward(double value, double target, double maxChange) {
        return Math.max(value - maxChange, Math.min(value + maxChange, target));
    }

    Vector3 position() {
        return new Vector3(x, y, sagittal.height());
    }

    /** Pelvis velocity in the world frame, m/s. */
    Vector3 velocity() {
        return velocity;
    }

    /** Pelvis velocity in the pelvis frame, m/s. */
    Vector3 velocityBody() {
        return attitude.toBody(velocity);
    }

    /** Specific force an accelerometer on the trunk measures, body frame, m/s²: Rᵀ·(a + g·ẑ). */
    Vector3 specificForceBody() {
        return attitude.toBody(new Vector3(acceleration.x(), acceleration.y(), acceleration.z() + Lipm.GRAVITY_M_S2));
    }

    Attitude attitude() {
        return attitude;
    }

    /** Angular velocity in the body frame, rad/s. */
    Vector3 bodyRate() {
        return bodyRate;
    }
}
