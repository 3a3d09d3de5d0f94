package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JointTest {

    private static final double DT_S = 0.001;
    private static final JointDescription KNEE = RobotDescription.hc1().joints().get(6);
    /** Torque and speed limits hold up to floating-point rounding. */
    private static final double EPS = 1e-9;

    @Test
    void trackingRespectsTheVelocityAndTorqueLimits() {
        Joint j = new Joint(KNEE);
        j.ramp.target(2.1);
        double maxSpeed = 0;
        double maxTorque = 0;
        for (int i = 0; i < 2000; i++) {
            j.ramp.step(DT_S, KNEE.maxVelocityRadS(), 400);
            j.servo(DT_S);
            maxSpeed = Math.max(maxSpeed, Math.abs(j.velocity()));
            maxTorque = Math.max(maxTorque, Math.abs(j.effort()));
        }
        assertThat(KNEE.name()).isEqualTo("left_knee");
        assertThat(maxSpeed).isLessThanOrEqualTo(KNEE.maxVelocityRadS() + EPS).isGreaterThan(4);
        assertThat(maxTorque).isLessThanOrEqualTo(KNEE.maxTorqueNm() + EPS);
        assertThat(j.position()).isCloseTo(2.1, within(1e-4));
    }

    @Test
    void aSlowMoveIsFollowedWithoutOvershootAndWithinItsSpeed() {
        Joint j = new Joint(KNEE);
        j.ramp.target(2.2);
        double maxPosition = 0;
        double maxSpeed = 0;
        for (int i = 0; i < 3000; i++) {
            j.ramp.step(DT_S, 1.0, 40);
            j.servo(DT_S);
            maxPosition = Math.max(maxPosition, j.position());
            maxSpeed = Math.max(maxSpeed, Math.abs(j.velocity()));
        }
        assertThat(maxPosition).isLessThanOrEqualTo(2.2 + EPS);
        assertThat(maxSpeed).isLessThanOrEqualTo(1.0 + EPS);
        assertThat(j.position()).isCloseTo(2.2, within(1e-4));
    }

    @Test
    void theBrakeStopsAMovingJointAndHoldsItWithoutDriveTorque() {
        Joint j = new Joint(KNEE);
        j.ramp.target(2.0);
        for (int i = 0; i < 150; i++) {
            j.ramp.step(DT_S, KNEE.maxVelocityRadS(), 400);
            j.servo(DT_S);
        }
        double speedAtCut = Math.abs(j.velocity());
        int steps = 0;
        while (Math.abs(j.velocity()) > 1e-6 && steps < 1000) {
            j.braked(DT_S);
            steps++;
        }
        double held = j.position();
        for (int i = 0; i < 500; i++) {
            j.braked(DT_S);
        }
        assertThat(speedAtCut).isGreaterThan(2);
        assertThat(steps).as("ms to stop").isLessThan(100);
        assertThat(j.position()).isCloseTo(held, within(1e-9));
        assertThat(j.effort()).isZero();
    }
}
