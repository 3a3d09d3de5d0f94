package org.hcert.simulator;

import java.util.Optional;

/**
 * The event HC-1 logs when it limits a speed: in {@code manual_reduced} (unless
 * {@code overspeed-reduced} switches the caps off), a motion command whose speed exceeds a cap is
 * accepted and carried out at the capped speed, and HC-1 reports {@value #KIND} on {@code /events}
 * with what it capped. The caps are those the safety logic applies in the mode: every arm-chain
 * joint at the reduced hand (TCP) speed divided by the arm's lever sum, the walking speed and turn
 * rate at the reduced base speed. A command within the caps, a command in automatic mode and a
 * mode change during a faster motion log nothing.
 */
final class SpeedLimitEvents {

    /** The event's kind: {@value}. */
    static final String KIND = "speed_limited";

    private SpeedLimitEvents() {}

    /** What HC-1 caps of {@code command} now, in words, if anything. */
    static Optional<String> limited(Command command, Body body, OperatingMode mode, FaultInjector faults) {
        if (mode != OperatingMode.MANUAL_REDUCED || faults.isActive(Fault.OVERSPEED_REDUCED)) {
            return Optional.empty();
        }
        RobotDescription.Limits limits = body.robot.limits();
        if (command instanceof Command.MoveHand h) {
            Arm arm = body.arms.get(h.side().index());
            double cap = limits.reducedTcpSpeedMs() / arm.kinematics.leverSum();
            double reach = body.robot.arm().upperArmM() + body.robot.arm().forearmM();
            double asked = h.speedMs() > 0 ? h.speedMs() / reach : Double.POSITIVE_INFINITY;
            return asked > cap ? Optional.of("manual_reduced: %s hand move at %s m/s capped: arm joints at %s rad/s (hand ≤ %s m/s)"
                    .formatted(h.side().wireName(), h.speedMs(), round(cap), limits.reducedTcpSpeedMs())) : Optional.empty();
        }
        if (command instanceof Command.MoveJoint j) {
            int i = body.robot.indexOf(j.joint());
            for (Arm arm : body.arms) {
                double cap = limits.reducedTcpSpeedMs() / arm.kinematics.leverSum();
                for (int k : arm.chain) {
                    if (k == i && (!(j.speedRadS() > 0) || j.speedRadS() > cap)) {
                        return Optional.of("manual_reduced: %s move at %s rad/s capped at %s rad/s (hand ≤ %s m/s)"
                                .formatted(j.joint(), j.speedRadS(), round(cap), limits.reducedTcpSpeedMs()));
                    }
                }
            }
            return Optional.empty();
        }
        if (command instanceof Command.Walk w) {
            double speed = StrictMath.hypot(w.vxMs(), w.vyMs());
            double cap = limits.reducedBaseSpeedMs();
            return speed > cap || Math.abs(w.yawRateRadS()) > cap
                    ? Optional.of("manual_reduced: walk at %s m/s, %s rad/s capped at %s m/s, %s rad/s"
                            .formatted(speed, w.yawRateRadS(), cap, cap)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static double round(double radS) {
        return Math.round(radS * 1e4) / 1e4;
    }
}
