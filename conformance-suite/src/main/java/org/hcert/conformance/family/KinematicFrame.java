package org.hcert.conformance.family;

import java.util.List;
import java.util.Objects;
import org.hcert.telemetry.Vector3;

/**
 * A named frame of the robot (a hand, a tool, a point on a link) with its kinematic chain from the
 * robot's base frame, as the robot profile's {@code kinematics} section declares it.
 *
 * <p>The chain is walked from the base: each link first applies its fixed transform (translation
 * {@code xyzM}, then rotation {@code rpyRad} = Rz(yaw)·Ry(pitch)·Rx(roll), as in URDF's
 * {@code origin}), then, if it names a joint, rotates by the joint's position about its unit
 * {@code axis} (revolute). The frame sits at the end of the last link.
 *
 * @param name the frame's name, e.g. {@code left_hand}
 * @param kind {@code hand}, {@code tool} or {@code point}
 * @param chain the links from the base to the frame, in order
 */
public record KinematicFrame(String name, String kind, List<Link> chain) {

    /** A hand or the tip of an end effector. */
    public static final String HAND = "hand";
    /** A tool centre point. */
    public static final String TOOL = "tool";
    /** Any other point on a link. */
    public static final String POINT = "point";

    public KinematicFrame {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        chain = List.copyOf(chain);
    }

    /** Whether the frame is a hand or a tool frame (a TCP in ISO 10218's sense). */
    public boolean handOrTool() {
        return HAND.equals(kind) || TOOL.equals(kind);
    }

    /** The joints of the chain, from the base, without repeats. */
    public List<String> joints() {
        return chain.stream().map(Link::joint).filter(j -> !j.isEmpty()).distinct().toList();
    }

    /**
     * One link of a chain: a fixed transform, then a revolute joint (or none).
     *
     * @param joint the joint's name, as in the joint states; empty for a fixed link
     * @param xyzM translation from the previous frame, m, in the previous frame's axes
     * @param rpyRad roll, pitch and yaw of the fixed rotation, rad
     * @param axis the joint's unit rotation axis in the link's frame; zero for a fixed link
     */
    public record Link(String joint, Vector3 xyzM, Vector3 rpyRad, Vector3 axis) {

        public Link {
            Objects.requireNonNull(joint, "joint must not be null");
            Objects.requireNonNull(xyzM, "xyzM must not be null");
            Objects.requireNonNull(rpyRad, "rpyRad must not be null");
            Objects.requireNonNull(axis, "axis must not be null");
        }

        /** A fixed link: a translation only. */
        public static Link fixed(Vector3 xyzM) {
            return new Link("", xyzM, Vector3.ZERO, Vector3.ZERO);
        }

        /** A revolute joint about {@code axis} after the translation {@code xyzM}. */
        public static Link revolute(String joint, Vector3 xyzM, Vector3 axis) {
            return new Link(joint, xyzM, Vector3.ZERO, axis);
        }
    }
}
