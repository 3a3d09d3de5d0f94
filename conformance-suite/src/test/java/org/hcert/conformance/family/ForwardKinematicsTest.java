package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

class ForwardKinematicsTest {

    private static final Vector3 Z = new Vector3(0, 0, 1);

    /** Joint values by name: position rad, velocity rad/s. */
    private static ForwardKinematics.Joints joints(Map<String, double[]> values) {
        return new ForwardKinematics.Joints() {
            @Override
            public double positionRad(String joint) {
                return values.get(joint)[0];
            }

            @Override
            public double velocityRadS(String joint) {
                return values.get(joint)[1];
            }
        };
    }

    @Test
    void aPlanarTwoLinkChainHasItsClosedFormPositionAndVelocity() {
        // Links of 0.4 m and 0.3 m, both joints about z: p = (l1 cos q1 + l2 cos(q1 + q2), l1 sin q1 + l2 sin(q1 + q2), 0),
        // ṗ = (−l1 sin q1 q̇1 − l2 sin(q1 + q2)(q̇1 + q̇2), l1 cos q1 q̇1 + l2 cos(q1 + q2)(q̇1 + q̇2), 0).
        KinematicFrame tip = new KinematicFrame("tip", KinematicFrame.TOOL, List.of(
                KinematicFrame.Link.revolute("q1", Vector3.ZERO, Z),
                KinematicFrame.Link.revolute("q2", new Vector3(0.4, 0, 0), Z),
                KinematicFrame.Link.fixed(new Vector3(0.3, 0, 0))));
        double q1 = 0.7;
        double q2 = -1.1;
        double w1 = 0.5;
        double w2 = 2.0;
        ForwardKinematics.State s = ForwardKinematics.of(tip, joints(Map.of("q1", new double[] {q1, w1}, "q2", new double[] {q2, w2})));
        assertThat(s.positionM().x()).isCloseTo(0.4 * Math.cos(q1) + 0.3 * Math.cos(q1 + q2), within(1e-12));
        assertThat(s.positionM().y()).isCloseTo(0.4 * Math.sin(q1) + 0.3 * Math.sin(q1 + q2), within(1e-12));
        assertThat(s.positionM().z()).isCloseTo(0, within(1e-12));
        assertThat(s.velocityMps().x()).isCloseTo(-0.4 * Math.sin(q1) * w1 - 0.3 * Math.sin(q1 + q2) * (w1 + w2), within(1e-12));
        assertThat(s.velocityMps().y()).isCloseTo(0.4 * Math.cos(q1) * w1 + 0.3 * Math.cos(q1 + q2) * (w1 + w2), within(1e-12));
        assertThat(s.velocityMps().z()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aPointTurningAboutAnAxisMovesAtRadiusTimesRate() {
        // A point 0.5 m from a vertical axis turning at 0.3 rad/s moves at 0.15 m/s, tangentially, whatever the angle.
        KinematicFrame point = new KinematicFrame("p", KinematicFrame.POINT, List.of(
                KinematicFrame.Link.revolute("yaw", new Vector3(1, 2, 3), Z), KinematicFrame.Link.fixed(new Vector3(0.5, 0, 0.2))));
        for (double q = -3; q < 3; q += 0.7) {
            ForwardKinematics.State s = ForwardKinematics.of(point, joints(Map.of("yaw", new double[] {q, 0.3})));
            assertThat(s.velocityMps().norm()).isCloseTo(0.15, within(1e-12));
            assertThat(s.positionM().z()).isCloseTo(3.2, within(1e-12));
            assertThat(s.velocityMps().x() * (s.positionM().x() - 1) + s.velocityMps().y() * (s.positionM().y() - 2))
                    .isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void aFixedRollPitchYawTurnsTheFollowingJointsAxis() {
        // Yaw +90° maps the link's x axis onto the base's y axis: a joint about the link's x turns about the base's y,
        // so a point 1 m up its link moves along the base's x at 2 rad/s × 1 m (Ry(q)·(0, 0, 1) = (sin q, 0, cos q)).
        KinematicFrame f = new KinematicFrame("f", KinematicFrame.HAND, List.of(
                new KinematicFrame.Link("j", Vector3.ZERO, new Vector3(0, 0, Math.PI / 2), new Vector3(1, 0, 0)),
                KinematicFrame.Link.fixed(new Vector3(0, 0, 1))));
        ForwardKinematics.State s = ForwardKinematics.of(f, joints(Map.of("j", new double[] {0, 2})));
        assertThat(s.velocityMps().x()).isCloseTo(2, within(1e-12));
        assertThat(s.velocityMps().y()).isCloseTo(0, within(1e-12));
        ForwardKinematics.State turned = ForwardKinematics.of(f, joints(Map.of("j", new double[] {Math.PI / 2, 0})));
        assertThat(turned.positionM().x()).isCloseTo(1, within(1e-12));
        assertThat(turned.positionM().z()).isCloseTo(0, within(1e-12));
    }

    @Test
    void anUnknownJointValueGivesNoSpeed() {
        KinematicFrame f = new KinematicFrame("f", KinematicFrame.HAND, List.of(
                KinematicFrame.Link.revolute("j", Vector3.ZERO, Z), KinematicFrame.Link.fixed(new Vector3(1, 0, 0))));
        ForwardKinematics.State s = ForwardKinematics.of(f, joints(Map.of("j", new double[] {0.1, Double.NaN})));
        assertThat(s.velocityMps().norm()).isNaN();
    }
}
