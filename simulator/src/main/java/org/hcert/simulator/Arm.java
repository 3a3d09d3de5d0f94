package org.hcert.simulator;

import java.util.List;
import java.util.Optional;
import org.hcert.telemetry.Vector3;

/**
 * One arm as a chain of four joints of the body (torso yaw, shoulder pitch, shoulder roll, elbow):
 * its hand, its test dummy, the contact torques, and power-and-force limiting (PFL), which backs
 * the arm's references away along the hand's forward gradient at {@link #PFL_RETREAT_M_PER_NS} per
 * newton of excess force.
 */
final class Arm {

    /** Retreat speed of the hand reference per newton above the PFL limit, m/(N·s). */
    static final double PFL_RETREAT_M_PER_NS = 0.05;

    final Side side;
    final ArmKinematics kinematics;
    final int[] chain;
    private Optional<Contact> contact = Optional.empty();
    private Vector3 hand;
    private double handSpeed;
    private double force;

    Arm(Side side, RobotDescription robot, List<Joint> joints) {
        this.side = side;
        this.kinematics = new ArmKinematics(robot.arm(), side);
        String s = side.wireName();
        this.chain = new int[] {index(robot, "torso_yaw"), index(robot, s + "_shoulder_pitch"),
            index(robot, s + "_shoulder_roll"), index(robot, s + "_elbow")};
        this.hand = kinematics.hand(angles(joints));
    }

    private static int index(RobotDescription robot, String name) {
        int i = robot.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("robot %s has no joint %s; the arm model needs torso_yaw, "
                    .formatted(robot.model(), name) + "<side>_shoulder_pitch, <side>_shoulder_roll and <side>_elbow");
        }
        return i;
    }

    double[] angles(List<Joint> joints) {
        double[] q = new double[chain.length];
        for (int i = 0; i < chain.length; i++) {
            q[i] = joints.get(chain[i]).position();
        }
        return q;
    }

    /** Add this arm's contact torques to {@code torques} (indexed like the body's joints). */
    void contactTorques(List<Joint> joints, double[] torques) {
        double[] q = angles(joints);
        force = contact.map(c -> c.forceN(kinematics.hand(q))).orElse(0.0);
        if (force > 0) {
            double[] g = kinematics.forwardGradient(q);
            for (int i = 0; i < chain.length; i++) {
                torques[chain[i]] -= force * g[i];
            }
        }
    }

    /** Update the hand position and speed after a step of dt seconds. */
    void observe(List<Joint> joints, double dt) {
        Vector3 next = kinematics.hand(angles(joints));
        handSpeed = new Vector3(next.x() - hand.x(), next.y() - hand.y(), next.z() - hand.z()).norm() / dt;
        hand = next;
        force = contact.map(c -> c.forceN(next)).orElse(0.0);
    }

    /** Back the references off while the force exceeds {@code limitN}. */
    void limitForce(List<Joint> joints, double limitN, double dt) {
        if (force <= limitN) {
            return;
        }
        double[] g = kinematics.forwardGradient(angles(joints));
        double norm2 = 0;
        for (double gi : g) {
            norm2 += gi * gi;
        }
        double retreat = PFL_RETREAT_M_PER_NS * (force - limitN) * dt;
        for (int i = 0; i < chain.length; i++) {
            joints.get(chain[i]).ramp.shift(-retreat * g[i] / norm2);
        }
    }

    void place(Contact c) {
        contact = Optional.of(c);
    }

    void removeDummy() {
        contact = Optional.empty();
    }

    Optional<Contact> contact() {
        return contact;
    }

    /** Hand position in the pelvis frame, m. */
    Vector3 hand() {
        return hand;
    }

    /** Hand speed relative to the pelvis, m/s. */
    double handSpeed() {
        return handSpeed;
    }

    /** True contact force on the hand, N. */
    double forceN() {
        return force;
    }

    /** Penetration into the dummy, m (0 without dummy or contact). */
    double penetrationM() {
        return contact.map(c -> Math.max(0, c.penetrationM(hand))).orElse(0.0);
    }
}
