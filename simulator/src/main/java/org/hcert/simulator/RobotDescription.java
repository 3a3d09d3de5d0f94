package org.hcert.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What the simulator needs to know about the robot it plays: joints, body and declared values.
 *
 * @param model model name, as in the robot profile's identity
 * @param serial serial number
 * @param joints joints in {@code /joint_states} order
 * @param nominalPelvisHeightM pelvis (and centre-of-mass) height when standing, m
 * @param massKg total mass, kg
 * @param declaredStopTimeMs declared stopping time for an emergency stop, ms
 * @param foot foot geometry about the ankle, along the walking direction
 * @param arm arm geometry for the hand kinematics and contact
 * @param limits speeds, accelerations and the contact-force limit of the controller
 */
public record RobotDescription(
        String model,
        String serial,
        List<JointDescription> joints,
        double nominalPelvisHeightM,
        double massKg,
        int declaredStopTimeMs,
        Foot foot,
        Arm arm,
        Limits limits) {

    public RobotDescription {
        Objects.requireNonNull(model, "model must not be null");
        joints = List.copyOf(joints);
    }

    /**
     * Foot sole about the ankle, m: the sole reaches {@code heelM} behind and {@code toeM} ahead of
     * the ankle along the walking direction.
     */
    public record Foot(double heelM, double toeM) {}

    /**
     * Arm geometry, m: the shoulder sits {@code shoulderHeightM} above the pelvis and
     * {@code shoulderOffsetM} to its side; upper arm and forearm (to the hand) lengths.
     */
    public record Arm(double shoulderHeightM, double shoulderOffsetM, double upperArmM, double forearmM,
            double handMassKg) {}

    /**
     * Controller limits.
     *
     * @param maxWalkSpeedMs largest accepted walking speed, m/s
     * @param walkAccelerationMs2 speed-up and normal slow-down rate of walking, m/s²
     * @param reducedTcpSpeedMs hand (TCP) speed cap relative to the pelvis in manual_reduced, m/s
     *     (ISO 10218-1:2025 5.5.3: 250 mm/s, C)
     * @param reducedBaseSpeedMs walking speed cap in manual_reduced, m/s (simulator choice)
     * @param contactForceLimitN force at which power-and-force limiting stops pushing, N (HC-1
     *     design value, equal to the ISO 10218-1:2025 Class I force of 50 N, C)
     * @param jointAccelerationRadS2 acceleration of joint references, rad/s²
     */
    public record Limits(double maxWalkSpeedMs, double walkAccelerationMs2, double reducedTcpSpeedMs,
            double reducedBaseSpeedMs, double contactForceLimitN, double jointAccelerationRadS2) {}

    /** The index of the joint called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < joints.size(); i++) {
            if (joints.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The virtual humanoid HC-1: the values of {@code profiles/robots/hc1-demo.yaml} (20 joints,
     * limits, 8 rad/s, 0.92 m, 600 ms) plus simulator parameters that the profile does not hold
     * (torques, inertias, feet, arms), chosen as plausible for a full-size biped and labelled as such.
     */
    public static RobotDescription hc1() {
        return Hc1.description();
    }
}
