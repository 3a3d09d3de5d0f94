package org.hcert.simulator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standing, walking and a controlled (category 1) stop: every coordinate is its standing value
 * plus s(t)·g(φ(t)), where s is the speed scale of the {@link SpeedProfile} and g a periodic gait
 * pattern of the phase φ, which advances at a constant cadence. Rates follow by the product rule
 * (s'·g + s·g'·φ'), so they are the exact derivatives of the positions.
 */
final class WalkingMotion implements Motion {

    /** Phase at walk start, chosen so that a left-knee swing peak falls at t = 3.2 s. */
    static final double PHASE_AT_WALK_START =
            3.6 * StrictMath.PI - Timeline.PHASE_RATE_RAD_S * (3.2 - Timeline.WALK_START_S);

    private static final GaitTerm PELVIS_HEIGHT = GaitTerm.of(0, 0, 0, 0.004, StrictMath.PI / 2);
    private static final GaitTerm LATERAL_SWAY = GaitTerm.of(0, 0.025, 0, 0, 0);
    private static final GaitTerm TRUNK_ROLL = GaitTerm.of(0, 0.04, 0, 0, 0);
    private static final GaitTerm TRUNK_PITCH = GaitTerm.of(0.03, 0, 0, 0.025, 0);
    private static final GaitTerm TRUNK_YAW = GaitTerm.of(0, 0.03, 0, 0, 0);

    private final SpeedProfile profile;
    private final Optional<KneeOverrun> overrun;
    private final int overrunJoint;

    WalkingMotion(SpeedProfile profile, Optional<KneeOverrun> overrun) {
        this.profile = profile;
        this.overrun = overrun;
        this.overrunJoint = overrun.map(o -> Hc1.index(o.joint())).orElse(-1);
    }

    @Override
    public BodyState at(double t) {
        Kin s = profile.scale(t);
        double phase = PHASE_AT_WALK_START + Timeline.PHASE_RATE_RAD_S * (t - Timeline.WALK_START_S);
        List<Kin> joints = new ArrayList<>(Hc1.JOINTS.size());
        for (int i = 0; i < Hc1.JOINTS.size(); i++) {
            JointSpec spec = Hc1.JOINTS.get(i);
            Kin q = Kin.constant(spec.standRad()).plus(modulated(s, spec.gait(), phase));
            joints.add(i == overrunJoint ? q.plus(overrun.orElseThrow().at(t)) : q);
        }
        Kin z = Kin.constant(Hc1.NOMINAL_PELVIS_HEIGHT_M).plus(modulated(s, PELVIS_HEIGHT, phase));
        Attitude attitude = new Attitude(modulated(s, TRUNK_ROLL, phase), modulated(s, TRUNK_PITCH, phase),
                modulated(s, TRUNK_YAW, phase));
        return new BodyState(joints, profile.forward(t), modulated(s, LATERAL_SWAY, phase), z, attitude);
    }

    /** s(t)·g(φ(t)) with its time derivatives. */
    private static Kin modulated(Kin s, GaitTerm gait, double phase) {
        Kin g = gait.at(phase);
        double w = Timeline.PHASE_RATE_RAD_S;
        return s.times(new Kin(g.p(), g.v() * w, g.a() * w * w));
    }
}
