package org.hcert.simulator.demo;

import org.hcert.telemetry.Vector3;

/**
 * Force-torque sensor at a wrist carrying the hand: the hand's weight and the inertial forces of
 * the arm swing, in the sensor frame (z along the forearm, x forward). N and N·m.
 */
record Wrist(String side, String frameId, int shoulderPitch, int elbow) {

    static final double HAND_MASS_KG = 0.9;
    /** Distance from the shoulder to the hand's centre of mass, m. */
    static final double ARM_LENGTH_M = 0.55;
    /** Offset of the hand's centre of mass from the sensor, m. */
    static final double HAND_OFFSET_M = 0.06;

    static Wrist of(String side) {
        return new Wrist(side, side + "_wrist_ft", Hc1.index(side + "_shoulder_pitch"), Hc1.index(side + "_elbow"));
    }

    /** The ROS topic, e.g. {@code /wrist/left/ft}. */
    String topic() {
        return "/wrist/" + side + "/ft";
    }

    /** A wrench: force (N) and torque (N·m) in the sensor frame. */
    record Reading(Vector3 force, Vector3 torque) {}

    /** The wrench the sensor measures in state s. */
    Reading wrench(BodyState s, double gravityMs2) {
        Kin angle = s.attitude().pitch().plus(s.joints().get(shoulderPitch)).plus(s.joints().get(elbow));
        double sin = StrictMath.sin(angle.p());
        double cos = StrictMath.cos(angle.p());
        double m = HAND_MASS_KG;
        double lateral = s.specificForceBody(gravityMs2).y();
        Vector3 force = new Vector3(m * (gravityMs2 * sin + ARM_LENGTH_M * angle.a()), m * lateral,
                m * (gravityMs2 * cos + ARM_LENGTH_M * angle.v() * angle.v()));
        Vector3 torque = new Vector3(-force.y() * HAND_OFFSET_M, force.x() * HAND_OFFSET_M, 0);
        return new Reading(force, torque);
    }
}
