package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopCategoryTest {

    /** A standing robot swinging its left arm forward at 4 rad/s, 0.2 s into the move. */
    private static SimRun swingingArm(StopCategory estop) {
        return new SimRun(SimulatorConfig.hc1().withTelemetry(false).withEstopCategory(estop))
                .send(new Command.MoveJoint("left_shoulder_pitch", 2.0, 4.0)).run(0.2);
    }

    @Test
    void categoryZeroRemovesDrivePowerAtOnceAndBrakesTheJoints() {
        SimRun r = swingingArm(StopCategory.ZERO);
        double speedBefore = r.truth().joint("left_shoulder_pitch").velocityRadS();

        r.send(new Command.EmergencyStop()).run(0.001);

        assertThat(speedBefore).isGreaterThan(3.5);
        assertThat(r.truth().driveEnabled()).isFalse();
        assertThat(r.lastStop().driveOffNs()).hasValue(r.lastStop().triggerNs());
        r.run(0.1);
        assertThat(r.truth().joint("left_shoulder_pitch").velocityRadS()).isZero();
        assertThat(r.truth().joints()).allSatisfy(j -> assertThat(j.torqueNm()).isZero());
    }

    @Test
    void categoryOneStopsUnderControlThenRemovesPowerTwentyMillisecondsAfterStandstill() {
        SimRun r = swingingArm(StopCategory.ONE).send(new Command.EmergencyStop()).run(0.02);
        assertThat(r.truth().driveEnabled()).as("power during the controlled stop").isTrue();

        r.run(1.0);
        StopTruth stop = r.lastStop();

        assertThat(r.truth().driveEnabled()).isFalse();
        assertThat(stop.category()).isEqualTo(StopCategory.ONE);
        assertThat(stop.driveOffNs().getAsLong() - stop.standstillNs().getAsLong())
                .isEqualTo(SafetyLogic.POWER_OFF_DELAY_NS);
        assertThat(stop.stopTimeMs().getAsLong()).isLessThan(600);
    }

    @Test
    void categoryTwoStopsUnderControlAndKeepsPower() {
        SimRun r = swingingArm(StopCategory.TWO).send(new Command.EmergencyStop()).run(1.0);

        assertThat(r.truth().driveEnabled()).isTrue();
        assertThat(r.truth().isStill()).isTrue();
        assertThat(r.lastStop().driveOffNs()).isEmpty();
        assertThat(r.truth().joints()).anySatisfy(j -> assertThat(Math.abs(j.torqueNm())).isGreaterThan(1));
    }

    @Test
    void aControlledStopDeceleratesTheJointWithinItsReferenceDeceleration() {
        SimRun r = swingingArm(StopCategory.ONE).keepTrace().send(new Command.EmergencyStop()).run(0.3);
        double decel = RobotDescription.hc1().limits().jointAccelerationRadS2();
        double v0 = r.trace.get(0).joint("left_shoulder_pitch").velocityRadS();
        long stillMs = r.trace.stream().filter(t -> Math.abs(t.joint("left_shoulder_pitch").velocityRadS()) < 0.01)
                .findFirst().orElseThrow().simNs() / 1_000_000L - 200;

        assertThat(stillMs).as("ms to stop the arm").isGreaterThanOrEqualTo((long) (1000 * v0 / decel) - 1)
                .isLessThan(300);
    }
}
