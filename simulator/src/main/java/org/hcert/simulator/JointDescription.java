package org.hcert.simulator;

import java.util.Objects;

/**
 * One joint of the simulated robot.
 *
 * @param name joint name as published on {@code /joint_states}
 * @param lowerRad declared lower soft limit, rad
 * @param upperRad declared upper soft limit, rad
 * @param maxVelocityRadS declared velocity limit, rad/s
 * @param maxTorqueNm drive torque limit, N·m (a simulator parameter, declared in the robot profile as the joint's peakEffort)
 * @param standRad position when standing, rad
 * @param inertiaKgM2 reflected inertia about the joint axis, kg·m²
 * @param gravityNm gravity-load amplitude: the load torque is gravityNm·sin(q), N·m
 * @param dampingNmS viscous friction, N·m·s/rad
 */
public record JointDescription(
        String name,
        double lowerRad,
        double upperRad,
        double maxVelocityRadS,
        double maxTorqueNm,
        double standRad,
        double inertiaKgM2,
        double gravityNm,
        double dampingNmS) {

    public JointDescription {
        Objects.requireNonNull(name, "name must not be null");
        if (!(lowerRad < upperRad)) {
            throw new IllegalArgumentException(
                    "joint %s: lower limit %s rad must be below upper limit %s rad".formatted(name, lowerRad, upperRad));
        }
        if (!(maxVelocityRadS > 0 && maxTorqueNm > 0 && inertiaKgM2 > 0)) {
            throw new IllegalArgumentException(
                    "joint %s: velocity limit, torque limit and inertia must be positive".formatted(name));
        }
    }

    /** Clamp a position into the declared soft limits, rad. */
    double clamp(double positionRad) {
        return Math.max(lowerRad, Math.min(upperRad, positionRad));
    }
}
