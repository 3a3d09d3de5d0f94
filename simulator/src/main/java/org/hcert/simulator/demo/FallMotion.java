package org.hcert.simulator.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Walking until the e-stop, then a category 0 stop: the drives are cut and HC-1 falls forward as
 * described in {@link FallDynamics}. At the cut the centre of mass is half a step ahead of the
 * stance ankle, and the pendulum starts with the pelvis velocity of walking (its tangential part
 * sets the initial rate of fall, its radial part stretches the leg briefly), so every velocity is
 * continuous at the cut while accelerations jump as the torques vanish. The joints lose their drive
 * torque: their rates die out by friction while they sag towards {@link JointSpec#limpRad()};
 * the hips fold the trunk a further {@link #HIP_FOLD_RAD} forward relative to the leg line.
 */
final class FallMotion implements Motion {

    /** Trunk pitch relative to the leg line once folded on the ground, rad. */
    static final double HIP_FOLD_RAD = 0.15;
    /** Time constant of the friction that stops a limp joint, s. */
    static final double JOINT_FRICTION_TAU_S = 0.04;
    /** Time constant of the sideways and yaw motion dying out, s. */
    static final double SWAY_TAU_S = 0.06;

    private final Motion walking;
    private final BodyState atCut;
    private final FallDynamics dynamics;
    private final double pivotX;
    private final double theta0;

    FallMotion(Motion walking) {
        this.walking = walking;
        this.atCut = walking.at(Timeline.ESTOP_S);
        double ahead = Timeline.STEP_LENGTH_M / 2;
        double r0 = StrictMath.hypot(ahead, atCut.z().p());
        this.theta0 = StrictMath.atan2(ahead, atCut.z().p());
        this.pivotX = atCut.x().p() - ahead;
        double s = StrictMath.sin(theta0);
        double c = StrictMath.cos(theta0);
        double radial = atCut.x().v() * s + atCut.z().v() * c;
        double tangential = atCut.x().v() * c - atCut.z().v() * s;
        this.dynamics = new FallDynamics(theta0, tangential / r0, r0, radial);
    }

    /** Time of ground contact, s since the start of the recording. */
    double contactS() {
        return Timeline.ESTOP_S + dynamics.contactS();
    }

    @Override
    public BodyState at(double t) {
        if (t < Timeline.ESTOP_S) {
            return walking.at(t);
        }
        double dt = t - Timeline.ESTOP_S;
        Kin theta = dynamics.theta(dt);
        Kin r = dynamics.radius(dt);
        Kin collapse = Smooth.overTime(Smooth.quintic(dt / FallDynamics.COLLAPSE_S), FallDynamics.COLLAPSE_S);
        Kin x = Kin.constant(pivotX).plus(r.times(sin(theta)));
        Kin z = r.times(cos(theta));
        Kin y = Kin.decay(atCut.y().p(), atCut.y().v(), SWAY_TAU_S, dt);
        Kin pitch = theta.plus(trunkLean(dt, collapse));
        Attitude attitude = new Attitude(decayed(atCut.attitude().roll(), dt), pitch,
                decayed(atCut.attitude().yaw(), dt));
        return new BodyState(limpJoints(dt, collapse), x, y, z, attitude);
    }

    /**
     * Trunk pitch relative to the leg line: its lean at the cut, its relative rate dying out by
     * joint friction (so the trunk's own rate is continuous), folding to {@link #HIP_FOLD_RAD}.
     */
    private Kin trunkLean(double dt, Kin collapse) {
        double lean0 = atCut.attitude().pitch().p() - theta0;
        double relativeRate0 = atCut.attitude().pitch().v() - dynamics.theta(0).v();
        return Kin.decay(lean0, relativeRate0, JOINT_FRICTION_TAU_S, dt).plus(collapse.times(HIP_FOLD_RAD - lean0));
    }

    private List<Kin> limpJoints(double dt, Kin collapse) {
        List<Kin> out = new ArrayList<>(Hc1.JOINTS.size());
        for (int i = 0; i < Hc1.JOINTS.size(); i++) {
            Kin q = atCut.joints().get(i);
            Kin coasting = Kin.decay(q.p(), q.v(), JOINT_FRICTION_TAU_S, dt);
            out.add(coasting.plus(collapse.times(Hc1.JOINTS.get(i).limpRad() - q.p())));
        }
        return out;
    }

    private static Kin decayed(Kin angle, double dt) {
        return Kin.decay(angle.p(), angle.v(), SWAY_TAU_S, dt);
    }

    private static Kin sin(Kin a) {
        double s = StrictMath.sin(a.p());
        double c = StrictMath.cos(a.p());
        return new Kin(s, c * a.v(), c * a.a() - s * a.v() * a.v());
    }

    private static Kin cos(Kin a) {
        double s = StrictMath.sin(a.p());
        double c = StrictMath.cos(a.p());
        return new Kin(c, -s * a.v(), -s * a.a() - c * a.v() * a.v());
    }
}
