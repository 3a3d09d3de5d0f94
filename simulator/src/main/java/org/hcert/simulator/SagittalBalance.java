package org.hcert.simulator;

import java.util.Optional;

/**
 * Balance of the walking base in its sagittal plane (along the walking path, in m): a {@link Lipm}
 * whose zero-moment point (ZMP) a controller keeps inside the support of the feet, with footsteps
 * placed by the capture point.
 *
 * <ul>
 *   <li><b>Walking:</b> steps of {@link #STEP_S}. During a step the ZMP stays in the stance foot at
 *       p = ankle + K_a·(ξ − ξ_nom), ξ_nom = ankle + b·e^{ωt}, an ankle strategy around the
 *       point-foot gait. At the end of a step the swing foot lands at ξ − b(v), with
 *       b(v) = v·T/(e^{ωT} − 1): the deadbeat rule that walks at the desired speed v from the next
 *       step on.
 *   <li><b>Stopping:</b> once the desired speed is 0, the current step ends after at least
 *       {@link #MIN_SWING_S} and the foot lands on the capture point (b = 0); the robot then stands.
 *   <li><b>Standing:</b> the ZMP damps the CoM velocity, p = c + (K_v·ċ + K_p·(c − c_safe))/ω²,
 *       clamped to the support polygon (both soles, or the stance sole if a foot is in the air,
 *       or only the ankle line if the ankles are limp). If the capture point ξ lies beyond the
 *       support, nothing can stop the CoM: the body {@link Topple topples} about that edge.
 * </ul>
 *
 * With drive power off the same standing law stands for the passive contact of a braked body with
 * the ground (it rocks to rest if ξ is inside the support, else it topples).
 */
final class SagittalBalance {

    static final double STEP_S = 0.5;
    static final double MIN_SWING_S = 0.2;
    static final double ANKLE_GAIN = 3.0;
    static final double MAX_STEP_M = 0.45;
    static final double VELOCITY_GAIN_S = 12.0;
    static final double POSITION_GAIN_S2 = 40.0;
    static final double EDGE_MARGIN_M = 0.02;
    private static final double EPS = 1e-4;

    enum Phase { STANDING, WALKING, TOPPLING }

    private final RobotDescription.Foot foot;
    private final double height;
    private final Lipm lipm;
    private double stanceAnkle;
    private double otherAnkle;
    private boolean otherDown = true;
    private double stepTimer;
    private double gaitPhase;
    private double desiredSpeed;
    private double zmp;
    private Phase phase = Phase.STANDING;
    private Optional<Topple> topple = Optional.empty();
    private boolean limp;

    SagittalBalance(RobotDescription.Foot foot, double heightM) {
        this.foot = foot;
        this.height = heightM;
        this.lipm = new Lipm(heightM, 0);
    }

    /**
     * Advance by dt (s) towards the target speed (m/s), changing the desired speed by at most
     * {@code accelMs2}·dt; {@code powered} false means the drives are off, {@code limpAnkles} that the
     * ankles cannot hold the body.
     */
    void step(double dt, double targetSpeed, double accelMs2, boolean powered, boolean limpAnkles) {
        limp = limpAnkles;
        if (phase == Phase.TOPPLING) {
            topple(dt);
            return;
        }
        if (!powered) {
            desiredSpeed = 0;
            if (phase == Phase.WALKING) {
                phase = Phase.STANDING;
                otherDown = false;
            }
            stand(dt, limpAnkles);
            return;
        }
        double change = accelMs2 * dt;
        desiredSpeed = Math.max(desiredSpeed - change, Math.min(desiredSpeed + change, targetSpeed));
        if (phase == Phase.STANDING && (Math.abs(desiredSpeed) > EPS || Math.abs(targetSpeed) > EPS)) {
            startWalking();
        }
        if (phase == Phase.WALKING) {
            walk(dt, Math.abs(targetSpeed) < EPS && Math.abs(desiredSpeed) < EPS);
        } else {
            stand(dt, false);
        }
    }

    private void startWalking() {
        double rear = desiredSpeed >= 0 ? Math.min(stanceAnkle, otherAnkle) : Math.max(stanceAnkle, otherAnkle);
        otherAnkle = rear == stanceAnkle ? otherAnkle : stanceAnkle;
        stanceAnkle = rear;
        otherDown = false;
        stepTimer = 0;
        phase = Phase.WALKING;
    }

    private void walk(double dt, boolean stopping) {
        double nominal = stanceAnkle + dcmOffset(desiredSpeed) * StrictMath.exp(lipm.omega() * stepTimer);
        zmp = clamp(stanceAnkle + ANKLE_GAIN * (lipm.capturePoint() - nominal), stanceAnkle - foot.heelM(),
                stanceAnkle + foot.toeM());
        lipm.advance(dt, zmp);
        stepTimer += dt;
        gaitPhase += Math.PI * dt / STEP_S;
        if (stepTimer >= STEP_S - 1e-9 || (stopping && stepTimer >= MIN_SWING_S - 1e-9)) {
            land(stopping);
        }
    }

    private void land(boolean stopping) {
        double target = lipm.capturePoint() - (stopping ? 0 : dcmOffset(desiredSpeed));
        double next = clamp(target, stanceAnkle - MAX_STEP_M, stanceAnkle + MAX_STEP_M);
        otherAnkle = stanceAnkle;
        stanceAnkle = next;
        stepTimer = 0;
        if (stopping) {
            phase = Phase.STANDING;
            otherDown = true;
        }
    }

    /** The capture-point offset b(v) = v·T/(e^{ωT} − 1) at the start of a step of the periodic gait, m. */
    double dcmOffset(double speed) {
        return speed * STEP_S / (StrictMath.exp(lipm.omega() * STEP_S) - 1);
    }

    private void stand(double dt, boolean limpAnkles) {
        double lo = supportLow(limpAnkles);
        double hi = supportHigh(limpAnkles);
        double xi = lipm.capturePoint();
        if (xi > hi + EPS || xi < lo - EPS) {
            boolean forward = xi > hi;
            topple = Optional.of(new Topple(forward ? hi : lo, forward ? 1 : -1, lipm.position(), height,
                    lipm.velocity()));
            phase = Phase.TOPPLING;
            topple(dt);
            return;
        }
        double c = lipm.position();
        double safe = clamp(c, Math.min(lo + EDGE_MARGIN_M, (lo + hi) / 2), Math.max(hi - EDGE_MARGIN_M, (lo + hi) / 2));
        double w2 = lipm.omega() * lipm.omega();
        zmp = clamp(c + (VELOCITY_GAIN_S * lipm.velocity() + POSITION_GAIN_S2 * (c - safe)) / w2, lo, hi);
        lipm.advance(dt, zmp);
    }

    private void topple(double dt) {
        Topple t = topple.orElseThrow();
        t.step(dt);
        if (t.rockedBack()) {
            lipm.set(t.position(), 0);
            topple = Optional.empty();
            phase = Phase.STANDING;
        }
    }

    private double supportLow(boolean limpAnkles) {
        double ankle = otherDown ? Math.min(stanceAnkle, otherAnkle) : stanceAnkle;
        return limpAnkles ? ankle : ankle - foot.heelM();
    }

    private double supportHigh(boolean limpAnkles) {
        double ankle = otherDown ? Math.max(stanceAnkle, otherAnkle) : stanceAnkle;
        return limpAnkles ? ankle : ankle + foot.toeM();
    }

    /**
     * The body is no longer held up (its joints give way while it stands): it starts to fall
     * forward about the point under its CoM, pushed at {@code pushMps} m/s on top of its own speed.
     */
    void giveWay(double pushMps) {
        if (phase == Phase.TOPPLING) {
            return;
        }
        double c = lipm.position();
        topple = Optional.of(new Topple(c, 1, c, height, lipm.velocity() + pushMps));
        phase = Phase.TOPPLING;
    }

    /** Put the lifted foot down where it is (when the drives come back on). */
    void footDown() {
        otherDown = true;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    Phase phase() {
        return phase;
    }

    /** CoM (pelvis) position along the path, m. */
    double position() {
        return topple.map(Topple::position).orElse(lipm.position());
    }

    double velocity() {
        return topple.map(Topple::velocity).orElse(lipm.velocity());
    }

    /** CoM (pelvis) height, m. */
    double height() {
        return topple.map(Topple::height).orElse(height);
    }

    double verticalVelocity() {
        return topple.map(Topple::verticalVelocity).orElse(0.0);
    }

    /** Forward rotation of the whole body in a fall, rad; 0 when not falling. */
    double fallPitch() {
        return topple.map(Topple::pitch).orElse(0.0);
    }

    /** The capture point ξ along the path, m (during a fall: the CoM position). */
    double capturePoint() {
        return topple.isPresent() ? position() : lipm.capturePoint();
    }

    /**
     * Distance from the capture point to the nearest edge of the present support along the path,
     * m: positive inside (the CoM can be stopped over the feet), negative outside.
     */
    double captureMarginM() {
        if (phase == Phase.TOPPLING) {
            return Double.NEGATIVE_INFINITY;
        }
        double xi = lipm.capturePoint();
        double lo = phase == Phase.WALKING ? stanceAnkle - (limp ? 0 : foot.heelM()) : supportLow(limp);
        double hi = phase == Phase.WALKING ? stanceAnkle + (limp ? 0 : foot.toeM()) : supportHigh(limp);
        return Math.min(xi - lo, hi - xi);
    }

    double zmp() {
        return zmp;
    }

    /** The desired walking speed the controller is ramping, m/s. */
    double desiredSpeed() {
        return desiredSpeed;
    }

    /**
     * Gait phase φ, rad: advances by π per {@link #STEP_S} of walking (0 = a stance on the left foot
     * begins) and stands still otherwise. It never jumps: a step cut short by a stop leaves φ where
     * that step ended, so the gait patterns and the trunk's sway fade out from there.
     */
    double gaitPhase() {
        return gaitPhase;
    }
}
