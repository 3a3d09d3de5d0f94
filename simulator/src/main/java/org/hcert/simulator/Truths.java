package org.hcert.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Assemble a {@link TrueState} snapshot. */
final class Truths {

    private Truths() {}

    static TrueState of(VirtualHumanoid robot, Body body, SafetyLogic safety) {
        List<JointTruth> joints = new ArrayList<>(body.joints.size());
        for (Joint j : body.joints) {
            joints.add(new JointTruth(j.spec.name(), j.position(), j.velocity(), j.effort(), j.thermal.temperatureC()));
        }
        List<TrueState.Hand> hands = body.arms.stream()
                .map(a -> new TrueState.Hand(a.side, a.handSpeed(), a.forceN(), a.penetrationM(), a.hand())).toList();
        SagittalBalance s = body.base.sagittal;
        Battery b = body.battery;
        return new TrueState(robot.simTimeNs(), robot.robotClockNs(), joints, body.base.position(),
                body.base.velocity(), body.base.attitude().tiltRad(), s.capturePoint() - s.position(), s.captureMarginM(),
                s.phase().name().toLowerCase(Locale.ROOT), safety.powered(), safety.estopLatched(),
                safety.protective(), safety.motionEnabled(), safety.mode(), safety.fallen(), hands,
                new TrueState.BatteryTruth(b.stateOfCharge(), b.voltageV(), b.currentA(), b.temperatureC()), safety.lastStop());
    }
}
