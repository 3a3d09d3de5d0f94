package org.hcert.simulator.demo;

/**
 * One joint of HC-1: limits, postures and the parameters of its simple effort model
 * τ = gravity·sin(q) + inertia·q̈ + damping·q̇ (N·m).
 *
 * @param lowerRad lower position limit, rad
 * @param upperRad upper position limit, rad
 * @param standRad position when standing, rad
 * @param limpRad position the joint sags to when the drives are cut during a fall, rad
 * @param gait gait pattern added to the standing posture, scaled by walking speed
 * @param gravityNm gravity-load torque amplitude, N·m
 * @param inertiaKgM2 reflected inertia, kg·m²
 * @param dampingNmS viscous damping, N·m·s/rad
 */
record JointSpec(
        String name,
        double lowerRad,
        double upperRad,
        double standRad,
        double limpRad,
        GaitTerm gait,
        double gravityNm,
        double inertiaKgM2,
        double dampingNmS) {

    /** Effort the drive applies to follow the trajectory q, in N·m. */
    double effortNm(Kin q) {
        return gravityNm * StrictMath.sin(q.p()) + inertiaKgM2 * q.a() + dampingNmS * q.v();
    }

    /** The right-side twin of a left joint: same limits, mirrored sign for roll and yaw joints. */
    JointSpec rightTwin(boolean mirrored) {
        double m = mirrored ? -1 : 1;
        return new JointSpec(name.replace("left_", "right_"), mirrored ? -upperRad : lowerRad,
                mirrored ? -lowerRad : upperRad, m * standRad, m * limpRad, gait.opposite(mirrored), gravityNm,
                inertiaKgM2, dampingNmS);
    }
}
